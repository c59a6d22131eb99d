// "Importeer transcript" for the active video in the analysis workspace: main asks for a
// WebVTT, SRT or ELAN file and reads it; this dialog shows what will be added, lets the user
// rename speakers (video-call software writes people's real names) and leave lines out, and
// stores the rest in one go. A malformed file gets a clear message naming the line; nothing is
// added then.
import { useMemo, useState } from 'react';
import type { TranscriptPreview } from '../../../shared/contract';
import type { NoteKind, Recording } from '../../../shared/domain';
import { pastRecordingEnd } from '../../../shared/input-rules';
import { formatTimecode } from '../../../shared/timecode';
import { ApiError, call } from '../api';
import { Modal } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n, type TextKey } from '../i18n';
import { ExchangeRunningDialog } from './exchange-running-dialog';
import { useArchiveProgress } from './use-archive-progress';
import { useCount, useErrorText } from './use-error-text';
import './exchange.css';
import { useEditControl } from '../startup/read-only';

type Ready = Extract<TranscriptPreview, { status: 'ready' }>;
type Failed = Extract<TranscriptPreview, { status: 'error' }>;

const KIND_LABEL: Record<NoteKind, TextKey> = {
  transcript: 'exchange.kind.transcript',
  event: 'exchange.kind.event',
  observation: 'exchange.kind.observation',
  question_client: 'exchange.kind.question_client',
  question_case_manager: 'exchange.kind.question_case_manager',
};

export function TranscriptImportButton({ recording, onImported }: { recording: Recording; onImported: () => void }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const { reportError, notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Ready | Failed | null>(null);
  // Once a file is chosen, main reads it in a worker: a big one can be stopped.
  const reading = useArchiveProgress(busy)?.operation === 'preview-transcript';

  const open = async () => {
    setBusy(true);
    try {
      const result = await call('exchange.previewTranscript', { recordingId: recording.id });
      if (result.status !== 'cancelled') setPreview(result);
    } catch (error) {
      if (error instanceof ApiError && error.error.code === 'exchange.cancelled') notify({ kind: 'info', text: t('exchange.transcriptReadCancelled') });
      else reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" aria-busy={busy} onClick={() => void open()} title={t('exchange.importTranscriptTitle')} {...editControl(busy)}>
        {t('exchange.importTranscript')}
      </button>
      {busy && reading && (
        <ExchangeRunningDialog title={t('exchange.transcriptReadingTitle')}>
          <p>{t('exchange.transcriptReading')}</p>
          <progress aria-label={t('exchange.transcriptReadingTitle')} />
        </ExchangeRunningDialog>
      )}
      {preview?.status === 'error' && <TranscriptErrorDialog failed={preview} onClose={() => setPreview(null)} onRetry={() => void open()} />}
      {preview?.status === 'ready' && (
        <TranscriptPreviewDialog
          key={preview.fileName}
          preview={preview}
          recording={recording}
          onClose={() => setPreview(null)}
          onImported={() => {
            setPreview(null);
            onImported();
          }}
        />
      )}
    </>
  );
}

function TranscriptErrorDialog({ failed, onClose, onRetry }: { failed: Failed; onClose: () => void; onRetry: () => void }) {
  const { t, tDynamic } = useI18n();
  return (
    <Modal title={t('exchange.transcriptErrorTitle')} onClose={onClose}>
      <div role="alert" className="transcript-error">
        <p>
          {failed.line !== null
            ? t('exchange.transcriptErrorLine', { file: failed.fileName, line: failed.line })
            : t('exchange.transcriptErrorFile', { file: failed.fileName })}
        </p>
        {failed.lineText !== '' && (
          <pre className="transcript-error-line" aria-label={t('exchange.transcriptErrorLineLabel', { line: failed.line ?? '' })}>
            <span className="transcript-error-lineno">{failed.line}</span>
            {failed.lineText}
          </pre>
        )}
        {failed.problem && <p>{tDynamic(`exchange.problem.${failed.problem}.${failed.format === 'srt' ? 'srt' : 'vtt'}`, '')}</p>}
        <p>{t('exchange.transcriptNothingAdded')}</p>
        <details>
          <summary>{t('exchange.technicalDetail')}</summary>
          <p className="hint">{failed.detail}</p>
        </details>
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onRetry}>
          {t('exchange.transcriptOtherFile')}
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The cues left out because their timing can't be read, each with its line, as a browser would skip them. */
function SkippedCues({ preview }: { preview: Ready }) {
  const { t, tDynamic } = useI18n();
  const flavour = preview.format === 'srt' ? 'srt' : 'vtt';
  return (
    <div className="transcript-warning transcript-skipped" role="note" data-testid="transcript-skipped">
      <p>{t('exchange.transcriptSkipped', { count: preview.skipped.length })}</p>
      <ul>
        {preview.skipped.map((s) => (
          <li key={s.line}>
            <pre className="transcript-error-line" aria-label={t('exchange.transcriptErrorLineLabel', { line: s.line })}>
              <span className="transcript-error-lineno">{s.line}</span>
              {s.lineText}
            </pre>
            {s.problem && <span className="hint">{tDynamic(`exchange.problem.${s.problem}.${flavour}`, '')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TranscriptPreviewDialog({
  preview,
  recording,
  onClose,
  onImported,
}: {
  preview: Ready;
  recording: Recording;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const errorText = useErrorText();
  const count = useCount();
  /** "4 regels" for subtitles; "5 notities en 1 fragment" when there are fragments (ELAN). */
  const what = (notes: number, fragments: number, noteWord: 'lines' | 'notes' = preview.format === 'eaf' ? 'notes' : 'lines') =>
    fragments > 0 || preview.fragments.length > 0
      ? t('exchange.and', { a: count(noteWord, notes), b: count('fragments', fragments) })
      : count(noteWord, notes);
  const duration = recording.media.durationSec;
  const fits = (sec: number) => !pastRecordingEnd(sec, duration);

  const speakers = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of preview.notes) if (n.speaker !== '') counts.set(n.speaker, (counts.get(n.speaker) ?? 0) + 1);
    return [...counts.entries()];
  }, [preview.notes]);
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [skipped, setSkipped] = useState<Set<number>>(() => new Set(preview.notes.flatMap((n, i) => (fits(n.timeSec) ? [] : [i]))));
  const [skippedFragments, setSkippedFragments] = useState<Set<number>>(
    () => new Set(preview.fragments.flatMap((f, i) => (fits(f.outSec) ? [] : [i]))),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const speakerOf = (s: string) => (Object.hasOwn(renames, s) ? (renames[s] ?? '').trim() : s);
  const outsideNotes = preview.notes.filter((n) => !fits(n.timeSec)).length;
  const outsideFragments = preview.fragments.filter((f) => !fits(f.outSec)).length;
  const notFitting = new Set(preview.notes.flatMap((n, i) => (fits(n.timeSec) ? [] : [i])));
  const chosenNotes = preview.notes.filter((_, i) => !skipped.has(i));
  const chosenFragments = preview.fragments.filter((_, i) => !skippedFragments.has(i));
  const total = chosenNotes.length + chosenFragments.length;

  const toggle = (set: Set<number>, i: number) => {
    const next = new Set(set);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    return next;
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('exchange.importTranscript', {
        recordingId: recording.id,
        notes: chosenNotes.map((n) => ({ ...n, speaker: speakerOf(n.speaker) })),
        fragments: chosenFragments,
      });
      notify({ kind: 'info', text: t('exchange.transcriptImported', { what: what(result.notes, result.fragments) }) });
      onImported();
    } catch (e) {
      console.error('[vkz] transcript import failed', e);
      setError(errorText(e));
      setSaving(false);
    }
  };

  return (
    <Modal title={t('exchange.transcriptPreviewTitle', { n: recording.position })} onClose={onClose} wide>
      <div className="transcript-preview" data-testid="transcript-preview">
        <p>
          {t('exchange.transcriptSummary', {
            file: preview.fileName,
            what: [what(preview.notes.length, preview.fragments.length), ...(speakers.length > 0 ? [count('speakers', speakers.length)] : [])].join(', '),
          })}
        </p>
        {outsideNotes + outsideFragments > 0 && (
          <p className="transcript-warning" role="note">
            {t('exchange.transcriptOutside', { what: what(outsideNotes, outsideFragments), end: formatTimecode(duration) })}
          </p>
        )}
        {preview.skipped.length > 0 && <SkippedCues preview={preview} />}
        {speakers.length > 0 && (
          <fieldset className="transcript-speakers">
            <legend>{t('exchange.speakersTitle')}</legend>
            <p className="hint">{t('exchange.speakersHint')}</p>
            <table>
              <tbody>
                {speakers.map(([name, lines]) => (
                  <tr key={name}>
                    <td className="transcript-speaker-name">{name}</td>
                    <td className="pseudonym-arrow">→</td>
                    <td>
                      <input
                        value={Object.hasOwn(renames, name) ? renames[name] : name}
                        aria-label={t('exchange.speakerRename', { name })}
                        maxLength={100}
                        onChange={(e) => setRenames((r) => ({ ...r, [name]: e.target.value }))}
                      />
                    </td>
                    <td className="hint">{count('lines', lines)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        )}
        <div className="transcript-lines" role="region" aria-label={t('exchange.linesTitle')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('exchange.selectAll')}
                    checked={skipped.size === notFitting.size}
                    onChange={(e) => setSkipped(e.target.checked ? new Set(notFitting) : new Set(preview.notes.map((_, i) => i)))}
                  />
                </th>
                <th>{t('exchange.colTime')}</th>
                {preview.format === 'eaf' && <th>{t('exchange.colKind')}</th>}
                <th>{t('exchange.colSpeaker')}</th>
                <th>{t('exchange.colText')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.notes.map((n, i) => (
                <tr key={i} className={skipped.has(i) ? 'skipped' : undefined} data-testid="transcript-line">
                  <td>
                    <input
                      type="checkbox"
                      checked={!skipped.has(i)}
                      disabled={!fits(n.timeSec)}
                      aria-label={t('exchange.includeLine', { time: formatTimecode(n.timeSec) })}
                      onChange={() => setSkipped((s) => toggle(s, i))}
                    />
                  </td>
                  <td className="transcript-time">{formatTimecode(n.timeSec)}</td>
                  {preview.format === 'eaf' && <td>{t(KIND_LABEL[n.kind])}</td>}
                  <td className="transcript-speaker">{speakerOf(n.speaker)}</td>
                  <td>
                    {n.text}
                    {!fits(n.timeSec) && <span className="transcript-outside"> {t('exchange.pastEnd')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.fragments.length > 0 && (
            <table className="transcript-fragments">
              <caption>{t('exchange.fragmentsTitle')}</caption>
              <tbody>
                {preview.fragments.map((f, i) => (
                  <tr key={i} className={skippedFragments.has(i) ? 'skipped' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        checked={!skippedFragments.has(i)}
                        disabled={!fits(f.outSec)}
                        aria-label={t('exchange.includeLine', { time: formatTimecode(f.inSec) })}
                        onChange={() => setSkippedFragments((s) => toggle(s, i))}
                      />
                    </td>
                    <td className="transcript-time">
                      {formatTimecode(f.inSec)} – {formatTimecode(f.outSec)}
                    </td>
                    <td>{f.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <p className="hint">{t('exchange.transcriptEditLater')}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose} disabled={saving}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={saving || total === 0} aria-busy={saving} onClick={() => void save()}>
          {t('exchange.addLines', { what: what(chosenNotes.length, chosenFragments.length) })}
        </button>
      </div>
    </Modal>
  );
}
