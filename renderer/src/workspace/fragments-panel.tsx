// The fragments of the recording on screen: mark with I and O at the playhead, or type a range.
import { useState } from 'react';
import type { Fragment } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework';
import { formatTimecode, parseTimeRange } from '../../../shared/timecode';
import { ClipExport } from '../clips/clip-export';
import { useI18n } from '../i18n';
import { FragmentCard } from './fragment-card';
import type { WorkspaceActions } from './use-workspace';
import { EditGroup } from '../startup/read-only';

export function FragmentsPanel({
  fragments,
  recordingId,
  framework,
  markIn,
  selectedId,
  onSelect,
  onPlay,
  actions,
  onDeleted,
  playheadSec,
}: {
  fragments: Fragment[];
  recordingId: string | null;
  framework: Framework | null;
  markIn: number | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onPlay: (fragment: Fragment, loop: boolean) => void;
  actions: WorkspaceActions;
  onDeleted: () => void;
  /** Where the player is now, or null without a player (a fragment's still moment is set there). */
  playheadSec: () => number | null;
}) {
  const { t } = useI18n();
  const [rangeText, setRangeText] = useState('');
  const [invalid, setInvalid] = useState(false);

  const addTyped = async () => {
    const range = parseTimeRange(rangeText);
    setInvalid(range === null);
    if (!range || !recordingId) return;
    const created = await actions.createFragment({ recordingId, ...range });
    if (created) {
      setRangeText('');
      onSelect(created.id);
    }
  };

  return (
    <section className="fragments-panel" aria-label={t('fragments.title')}>
      <p className="hint">
        {markIn === null
          ? t('fragments.markHint')
          : t('fragments.markedInAt', { time: formatTimecode(markIn, { fractionDigits: 2 }) })}
      </p>
      <EditGroup>
      <form
        className="inline-form range-form"
        onSubmit={(event) => {
          event.preventDefault();
          void addTyped();
        }}
      >
        <input
          className="time-input wide"
          value={rangeText}
          placeholder="6:00 - 6:30"
          aria-label={t('fragments.typedRange')}
          aria-invalid={invalid}
          onChange={(e) => setRangeText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLElement).blur()}
        />
        <button type="submit" disabled={!recordingId || rangeText.trim() === ''}>
          {t('fragments.add')}
        </button>
      </form>
      </EditGroup>
      {invalid && <p className="field-error">{t('fragments.invalidRange')}</p>}
      {fragments.length === 0 && <p className="empty">{t('fragments.empty')}</p>}
      <ClipExport fragments={fragments}>
      <ol className="fragment-list">
        {fragments.map((fragment) => (
          <FragmentCard
            key={fragment.id}
            fragment={fragment}
            framework={framework}
            selected={fragment.id === selectedId}
            onSelect={() => onSelect(fragment.id === selectedId ? null : fragment.id)}
            onPlay={(loop) => onPlay(fragment, loop)}
            actions={actions}
            onDeleted={onDeleted}
            playheadSec={playheadSec}
          />
        ))}
      </ol>
      </ClipExport>
    </section>
  );
}
