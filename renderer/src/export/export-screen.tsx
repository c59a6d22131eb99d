// "Rapport & export" of a cycle: the reflection report of this cycle or the whole trajectory,
// in Dutch or English, with the trajectory's pseudonymisation list and background text, a live
// preview of exactly what will be shared (pseudonymised, as the sharing rules allow), and
// export to Word, PDF and HTML through main's save dialog.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Language, Settings } from '../../../shared/domain';
import type { ReportDocument, ReportFormat, ReportScope } from '../../../shared/report/model';
import { ApiError, call } from '../api';
import { CycleHeader, CycleLoadFailed } from '../components/cycle-header';
import { useToasts } from '../components/toasts';
import { useAutosave } from '../components/use-autosave';
import { useBackendCall } from '../components/use-backend-call';
import { useCycleHeader } from '../components/use-cycle-header';
import { useI18n, type TextKey } from '../i18n';
import { ShowreelMaker } from '../clips/showreel-maker';
import { PseudonymEditor } from './pseudonym-editor';
import { ReportPreview } from './report-preview';
import { ExchangePanel } from '../exchange/exchange-panel';
import { ExportLog } from './export-log';
import './export.css';
import { useEditControl } from '../startup/read-only';

const PREVIEW_DELAY_MS = 250;

const FORMATS: { format: ReportFormat; label: TextKey }[] = [
  { format: 'docx', label: 'export.asDocx' },
  { format: 'pdf', label: 'export.asPdf' },
  { format: 'html', label: 'export.asHtml' },
];

type Preview =
  | { kind: 'loading' }
  | { kind: 'ready'; document: ReportDocument; warnings: string[]; stills: Record<string, string> }
  | { kind: 'error'; text: string };
type Status = { kind: 'saved'; path: string } | { kind: 'error'; text: string } | null;

export function ExportScreen({
  cycleId,
  settings,
  onOpenSettings,
}: {
  cycleId: string;
  settings: Settings;
  onOpenSettings: () => void;
}) {
  const { t, tDynamic } = useI18n();
  const editControl = useEditControl();
  const { notify, reportError } = useToasts();
  const { header: workspace, loadFailed } = useCycleHeader(cycleId, reportError);
  const [scope, setScope] = useState<ReportScope>('cycle');
  const [reportLang, setReportLang] = useState<Language>(settings.language);
  // Stills are pictures of people: off unless the user asks for them.
  const [includeStills, setIncludeStills] = useState(false);
  // For the research documentation only: off unless asked for.
  const [includeAlignment, setIncludeAlignment] = useState(false);
  const [revision, setRevision] = useState(0);
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const errorText = useCallback(
    (error: unknown) =>
      error instanceof ApiError
        ? tDynamic(`error.${error.error.code}`, t('error.generic', { detail: error.error.message }), error.error.params)
        : t('error.generic', { detail: error instanceof Error ? error.message : String(error) }),
    [t, tDynamic],
  );

  // The preview follows scope, language and every saved change to the list or background.
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      call('report.preview', { cycleId, scope, lang: reportLang, includeStills, includeAlignment })
        .then(
          (result) =>
            !cancelled && setPreview({ kind: 'ready', document: result.document, warnings: result.warnings, stills: result.stills }),
        )
        .catch((error: unknown) => !cancelled && setPreview({ kind: 'error', text: errorText(error) }));
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [cycleId, scope, reportLang, includeStills, includeAlignment, revision, errorText]);

  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  const exportAs = async (format: ReportFormat) => {
    setBusy(format);
    setStatus(null);
    try {
      const { path } = await call('report.export', { cycleId, scope, format, lang: reportLang, includeStills, includeAlignment });
      if (path) {
        setStatus({ kind: 'saved', path });
        notify({ kind: 'info', text: t('export.savedTo', { path }) });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
      console.error('[vkz] export failed', error);
    } finally {
      setBusy(null);
    }
  };

  if (loadFailed) return <CycleLoadFailed message={t('workspace.loadFailed')} />;

  return (
    <div className="export-screen">
      <CycleHeader
        cycleId={cycleId}
        current="export"
        trajectory={workspace?.trajectory ?? null}
        cycle={workspace?.cycle ?? null}
        authorName={settings.authorName}
        onOpenSettings={onOpenSettings}
      />

      <div className="export-main">
        <div className="export-controls">
          <section className="export-card" aria-labelledby="export-report-title">
            <h2 id="export-report-title">{t('export.reportTitle')}</h2>
            <fieldset className="export-choice">
              <legend>{t('export.scope')}</legend>
              <label>
                <input type="radio" name="report-scope" checked={scope === 'cycle'} onChange={() => setScope('cycle')} />
                {t('export.scopeCycle')}
              </label>
              <label>
                <input type="radio" name="report-scope" checked={scope === 'trajectory'} onChange={() => setScope('trajectory')} />
                {t('export.scopeTrajectory')}
              </label>
            </fieldset>
            <label className="export-field">
              {t('export.language')}
              <select value={reportLang} onChange={(e) => setReportLang(e.target.value as Language)}>
                <option value="nl">{t('export.languageNl')}</option>
                <option value="en">{t('export.languageEn')}</option>
              </select>
            </label>
            <label className="export-check" title={t('export.includeStillsHint')}>
              <input type="checkbox" checked={includeStills} onChange={(e) => setIncludeStills(e.target.checked)} />
              {t('export.includeStills')}
            </label>
            <label className="export-check" title={t('export.includeAlignmentHint')}>
              <input type="checkbox" checked={includeAlignment} onChange={(e) => setIncludeAlignment(e.target.checked)} />
              {t('export.includeAlignment')}
            </label>

            <div className="export-buttons" role="group" aria-label={t('export.exportAs')}>
              {FORMATS.map(({ format, label }) => (
                <button
                  key={format}
                  type="button"
                  className={format === 'docx' ? 'primary' : undefined}
                  {...editControl(busy !== null || preview.kind === 'error')}
                  aria-busy={busy === format}
                  onClick={() => void exportAs(format)}
                >
                  {busy === format ? t('export.busy') : t(label)}
                </button>
              ))}
            </div>
            {status?.kind === 'saved' && (
              <p className="export-status export-ok" role="status" data-testid="export-status">
                {t('export.savedTo', { path: status.path })}
              </p>
            )}
            {status?.kind === 'error' && (
              <p className="export-status field-error" role="alert" data-testid="export-status">
                {status.text}
              </p>
            )}
          </section>

          <section className="export-card" aria-labelledby="export-pseudonyms-title">
            <h2 id="export-pseudonyms-title">{t('export.pseudonymsTitle')}</h2>
            {workspace && <PseudonymEditor key={workspace.trajectory.id} trajectoryId={workspace.trajectory.id} onSaved={refresh} />}
          </section>

          <section className="export-card" aria-labelledby="export-background-title">
            <h2 id="export-background-title">{t('export.backgroundTitle')}</h2>
            {workspace && <BackgroundEditor key={workspace.trajectory.id} trajectoryId={workspace.trajectory.id} onSaved={refresh} />}
          </section>

          <section className="export-card export-others" aria-labelledby="export-others-title">
            <h2 id="export-others-title">{t('export.othersTitle')}</h2>
            {/*
              Room for the other exports of this cycle and trajectory (colleagues' work):
              fragment clips and the showreel, CSV of notes and fragments, ELAN (.eaf),
              WebVTT/SRT subtitles, and the project archive. They use the same
              pseudonymisation list (channel 'pseudonyms.get').
            */}
            <ExchangePanel cycleId={cycleId} />
            <ShowreelMaker cycleId={cycleId} />
          </section>

          <section className="export-card" aria-labelledby="export-log-title">
            <h2 id="export-log-title">{t('exportLog.title')}</h2>
            {workspace && <ExportLog key={workspace.trajectory.id} trajectoryId={workspace.trajectory.id} />}
          </section>
        </div>

        <section className="export-preview" aria-labelledby="export-preview-title">
          <div className="export-preview-head">
            <h2 id="export-preview-title">{t('export.previewTitle')}</h2>
            <span className="hint">{t('export.previewHint')}</span>
          </div>
          {preview.kind === 'ready' && preview.warnings.length > 0 && (
            <ul className="export-warnings" aria-label={t('export.warnings')}>
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {/* Focusable so the preview scrolls by keyboard too (it has no controls of its own). */}
          <div
            className="export-paper"
            aria-busy={preview.kind === 'loading'}
            tabIndex={0}
            role="region"
            aria-labelledby="export-preview-title"
          >
            {preview.kind === 'ready' && (
              <ReportPreview document={preview.document} stills={preview.stills} label={t('export.previewTitle')} />
            )}
            {preview.kind === 'error' && (
              <p className="field-error export-preview-error" role="alert">
                {preview.text}
              </p>
            )}
            {preview.kind === 'loading' && <p className="hint">{t('export.previewLoading')}</p>}
          </div>
        </section>
      </div>
    </div>
  );
}

/** The trajectory's background text, saved shortly after typing stops and when leaving the field. */
function BackgroundEditor({ trajectoryId, onSaved }: { trajectoryId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const { reportError } = useToasts();
  const [text, setText] = useState<string | null>(null);
  const savedText = useRef('');

  useBackendCall(trajectoryId, () => call('report.background.get', { trajectoryId }), {
    onLoaded: ({ text: loaded }) => {
      savedText.current = loaded;
      setText(loaded);
    },
    onError: reportError,
  });

  const autosave = useAutosave(text, async (value: string) => {
    if (value === savedText.current) return true; // the text as loaded
    try {
      await call('report.background.set', { trajectoryId, text: value });
      savedText.current = value;
      onSaved();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  });

  if (text === null) return null;
  return (
    <label className="export-field">
      <span className="hint">{t('export.backgroundHint')}</span>
      <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void autosave.flush()} {...editControl()} />
    </label>
  );
}
