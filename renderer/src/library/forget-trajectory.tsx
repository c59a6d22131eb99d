// "Vergeet deze cliënt": a plain warning of everything that goes, then the list of what went
// (records, and the files VKZ had derived from the recordings). The user's own videos stay.
import { useState } from 'react';
import type { Trajectory } from '../../../shared/domain';
import type { ForgetReport } from '../../../shared/privacy/forgetting';
import { call } from '../api';
import { Modal } from '../components/modal';
import { formatBytes } from '../exchange/use-error-text';
import { useI18n } from '../i18n';

export function ForgetTrajectory({
  trajectory,
  onClose,
  onForgotten,
}: {
  trajectory: Trajectory;
  onClose: () => void;
  onForgotten: () => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ForgetReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const forget = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await call('trajectories.forget', { id: trajectory.id }));
      onForgotten();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (report) {
    return (
      <Modal title={t('forget.doneTitle')} onClose={onClose} wide>
        <div data-testid="forget-report">
          <p>{t('forget.doneIntro', { name: report.trajectoryLabel })}</p>
          <ul className="forget-counts">
            <li>{t('forget.countCycles', { count: report.cycles })}</li>
            <li>{t('forget.countRecordings', { count: report.recordings })}</li>
            <li>{t('forget.countNotes', { count: report.notes })}</li>
            <li>{t('forget.countFragments', { count: report.fragments })}</li>
            <li>{t('forget.countMethods', { count: report.methods })}</li>
            <li>{t('forget.countExports', { count: report.exportLogEntries })}</li>
          </ul>
          <h3>{t('forget.filesTitle', { count: report.files.length, size: formatBytes(report.bytes, lang) })}</h3>
          {report.files.length > 0 ? (
            <ul className="forget-files">
              {report.files.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('forget.noFiles')}</p>
          )}
          <p className="hint">{t('forget.doneFooter')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title={t('forget.confirmTitle', { name: `${trajectory.caseManager} · ${trajectory.client}` })} onClose={onClose}>
      <p>{t('forget.confirmMessage', { count: trajectory.cycleCount })}</p>
      <p>{t('forget.confirmOwnVideos')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose} autoFocus disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => void forget()} disabled={busy} aria-busy={busy}>
          {t('forget.confirmYes')}
        </button>
      </div>
    </Modal>
  );
}
