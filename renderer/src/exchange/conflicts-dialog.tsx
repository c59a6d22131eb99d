// Records both researchers changed since they last shared them: both versions side by side
// (who, when, what differs), and per record a choice between "mine" and "theirs". Until the
// user chooses, the local version stays; "Later" keeps the questions for another time.
import { useState } from 'react';
import type { ExchangeConflict, ExchangeRecordType } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/calendar-date';
import { formatTimecode } from '../../../shared/timecode';
import { call } from '../api';
import { Modal } from '../components/modal';
import { useI18n, type TextKey } from '../i18n';
import { useErrorText } from './use-error-text';
import './exchange.css';

const RECORD_LABEL: Record<ExchangeRecordType, TextKey> = {
  trajectory: 'exchange.record.trajectory',
  cycle: 'exchange.record.cycle',
  recording: 'exchange.record.recording',
  note: 'exchange.record.note',
  fragment: 'exchange.record.fragment',
  method: 'exchange.record.method',
  report_settings: 'exchange.record.report_settings',
};

function useWhen() {
  const { lang } = useI18n();
  return (iso: string) => formatDateTime(iso, lang);
}

function ConflictTitle({ conflict }: { conflict: ExchangeConflict }) {
  const { t } = useI18n();
  const c = conflict.context;
  const parts = [t(RECORD_LABEL[conflict.recordType])];
  if (c.cycleNumber !== null) parts.push(t('exchange.inCycle', { n: c.cycleNumber }));
  if (c.recordingPosition !== null) parts.push(t('recordings.videoN', { n: c.recordingPosition }));
  if (c.timeSec !== null) parts.push(formatTimecode(c.timeSec));
  return <h3 className="conflict-title">{parts.join(' · ')}</h3>;
}

function Version({
  conflict,
  side,
  chosen,
  onChoose,
}: {
  conflict: ExchangeConflict;
  side: 'mine' | 'theirs';
  chosen: boolean;
  onChoose: () => void;
}) {
  const { t, tDynamic } = useI18n();
  const when = useWhen();
  const version = side === 'mine' ? conflict.mine : conflict.theirs;
  const label = side === 'mine' ? t('exchange.mine') : t('exchange.theirs', { author: conflict.archiveAuthor });
  return (
    <label className={`conflict-version${chosen ? ' chosen' : ''}`}>
      <span className="conflict-version-head">
        <input type="radio" name={`conflict-${conflict.id}`} checked={chosen} onChange={onChoose} disabled={!version} />
        <strong>{label}</strong>
      </span>
      {version ? (
        <>
          <span className="hint conflict-meta">{t('exchange.changedBy', { author: version.author || '—', when: when(version.updatedAt) })}</span>
          {version.deleted && <span className="conflict-deleted">{t('exchange.deletedVersion')}</span>}
          <dl>
            {version.fields.map((f) => (
              <div key={f.name} className={conflict.differing.includes(f.name) ? 'differs' : undefined}>
                <dt>{tDynamic(`exchange.field.${f.name}`, f.name.replace(/^method\./, ''))}</dt>
                <dd>{f.value === '' ? '—' : f.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <span className="hint">{t('exchange.mineGone')}</span>
      )}
    </label>
  );
}

export function ConflictsDialog({
  conflicts,
  onClose,
  onResolved,
}: {
  conflicts: ExchangeConflict[];
  onClose: () => void;
  onResolved: (remaining: ExchangeConflict[]) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = conflicts.filter((c) => choices[c.id]).length;

  const setAll = (take: 'mine' | 'theirs') =>
    setChoices(Object.fromEntries(conflicts.map((c) => [c.id, c.mine || take === 'theirs' ? take : 'theirs'])));

  const apply = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('exchange.resolveConflicts', {
        choices: conflicts.filter((c) => choices[c.id]).map((c) => ({ id: c.id, take: choices[c.id] as 'mine' | 'theirs' })),
      });
      onResolved(result.remaining);
    } catch (e) {
      console.error('[vkz] resolving conflicts failed', e);
      setError(errorText(e));
      setSaving(false);
    }
  };

  return (
    <Modal title={t('exchange.conflictsTitle', { count: conflicts.length })} onClose={onClose} wide>
      <p>{t('exchange.conflictsIntro')}</p>
      <div className="button-row conflict-all">
        <button type="button" onClick={() => setAll('mine')}>
          {t('exchange.allMine')}
        </button>
        <button type="button" onClick={() => setAll('theirs')}>
          {t('exchange.allTheirs')}
        </button>
      </div>
      <ol className="conflict-list" aria-label={t('exchange.conflictsList')}>
        {conflicts.map((conflict) => (
          <li key={conflict.id} className="conflict" data-testid="conflict">
            <ConflictTitle conflict={conflict} />
            {conflict.context.trajectory && <p className="hint conflict-where">{conflict.context.trajectory}</p>}
            <div className="conflict-versions" role="radiogroup" aria-label={t('exchange.chooseVersion')}>
              <Version conflict={conflict} side="mine" chosen={choices[conflict.id] === 'mine'} onChoose={() => setChoices((c) => ({ ...c, [conflict.id]: 'mine' }))} />
              <Version
                conflict={conflict}
                side="theirs"
                chosen={choices[conflict.id] === 'theirs'}
                onChoose={() => setChoices((c) => ({ ...c, [conflict.id]: 'theirs' }))}
              />
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <span className="hint conflict-count">{t('exchange.chosenCount', { chosen, count: conflicts.length })}</span>
        <button type="button" onClick={onClose} disabled={saving}>
          {t('exchange.decideLater')}
        </button>
        <button type="button" className="primary" disabled={saving || chosen === 0} aria-busy={saving} onClick={() => void apply()}>
          {t('exchange.applyChoices')}
        </button>
      </div>
    </Modal>
  );
}
