// Exporting fragments as clips from the fragments panel: <ClipExport> wraps the fragment list
// with a bar (select all, burn in the time code, "export selected clips") and the progress of
// clip jobs; <FragmentClipActions> puts a selection box and "export clip" on each fragment.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Fragment } from '../../../shared/domain';
import { formatTimeRange } from '../../../shared/timecode';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { registerClipJob } from './clip-jobs';
import { ClipProgress } from './clip-progress';
import './clips.css';

interface ClipSelection {
  selected: ReadonlySet<string>;
  toggle(id: string): void;
  exportClips(fragments: Fragment[]): Promise<void>;
}

const ClipSelectionContext = createContext<ClipSelection | null>(null);

/** Starts a clip export; the save dialog is main's. Resolves when the job is queued (or the dialog was cancelled). */
function useStartClipExport(burnTimecode: boolean) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  return useCallback(
    async (fragments: Fragment[]) => {
      if (fragments.length === 0) return;
      try {
        const { jobId, path } = await call('clips.export', { fragmentIds: fragments.map((f) => f.id), burnTimecode });
        if (!jobId) return;
        const label =
          fragments.length === 1
            ? formatTimeRange(fragments[0]!.inSec, fragments[0]!.outSec)
            : t('clips.batchLabel', { count: fragments.length });
        registerClipJob(jobId, 'clips', label, path);
      } catch (error) {
        reportError(error);
      }
    },
    [burnTimecode, reportError, t],
  );
}

export function ClipExport({ fragments, children }: { fragments: Fragment[]; children: ReactNode }) {
  const { t } = useI18n();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [burnTimecode, setBurnTimecode] = useState(false);
  const [starting, setStarting] = useState(false);
  const startExport = useStartClipExport(burnTimecode);
  // Only fragments still in the list count (one may have been deleted or belong to another video).
  const selected = useMemo(() => fragments.filter((f) => selectedIds.has(f.id)), [fragments, selectedIds]);
  const allSelected = fragments.length > 0 && selected.length === fragments.length;

  const exportClips = useCallback(
    async (list: Fragment[]) => {
      setStarting(true);
      try {
        await startExport(list);
      } finally {
        setStarting(false);
      }
    },
    [startExport],
  );
  const value = useMemo<ClipSelection>(
    () => ({
      selected: selectedIds,
      toggle: (id) =>
        setSelectedIds((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      exportClips,
    }),
    [selectedIds, exportClips],
  );

  return (
    <ClipSelectionContext.Provider value={value}>
      {fragments.length > 0 && (
        <div className="clip-export-bar" role="group" aria-label={t('clips.barLabel')}>
          <label>
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelectedIds(allSelected ? new Set() : new Set(fragments.map((f) => f.id)))}
            />
            {t('clips.selectAll')}
          </label>
          <label title={t('clips.burnTimecodeHint')}>
            <input type="checkbox" checked={burnTimecode} onChange={(e) => setBurnTimecode(e.target.checked)} />
            {t('clips.burnTimecode')}
          </label>
          <button
            type="button"
            className="clip-export-batch"
            disabled={selected.length === 0 || starting}
            onClick={() => void exportClips(selected)}
          >
            {t('clips.exportSelected', { count: selected.length })}
          </button>
        </div>
      )}
      <ClipProgress kind="clips" />
      {children}
    </ClipSelectionContext.Provider>
  );
}

/** The selection box and "Exporteer clip" on one fragment card. */
export function FragmentClipActions({ fragment }: { fragment: Fragment }) {
  const { t } = useI18n();
  const selection = useContext(ClipSelectionContext);
  const standalone = useStartClipExport(false);
  const range = formatTimeRange(fragment.inSec, fragment.outSec);
  const exportOne = () => void (selection ? selection.exportClips([fragment]) : standalone([fragment]));
  return (
    <span className="fragment-clip-actions">
      {selection && (
        <input
          type="checkbox"
          checked={selection.selected.has(fragment.id)}
          onChange={() => selection.toggle(fragment.id)}
          aria-label={t('clips.selectFragment', { range })}
        />
      )}
      <button type="button" onClick={exportOne} title={t('clips.exportOneHint')} aria-label={t('clips.exportOneLabel', { range })}>
        {t('clips.exportOne')}
      </button>
    </span>
  );
}
