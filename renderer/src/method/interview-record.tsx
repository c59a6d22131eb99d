// The interview record under one agenda item: what the client said there, piece by piece.
import type { Framework } from '../../../shared/framework';
import type { ClientFeedback } from '../../../shared/method';
import { useI18n } from '../i18n';
import { FeedbackEntry, type FeedbackUpdate } from './feedback-entry';
import { EditGroup } from '../startup/read-only';

export function InterviewRecord({
  entries,
  title,
  framework,
  clientLabel,
  onAdd,
  onUpdate,
  onDelete,
  onFlush,
  addLabel,
}: {
  entries: ClientFeedback[];
  /** Heading above the entries; none when the surrounding section has one. */
  title?: string;
  framework: Framework | null;
  clientLabel: string;
  onAdd: () => void;
  onUpdate: (id: string, update: FeedbackUpdate, opts?: { typing?: boolean }) => void;
  onDelete: (entry: ClientFeedback) => void;
  onFlush: () => void;
  addLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <EditGroup className="interview-record" testId="interview-record">
      {title && <h5 className="interview-record-title">{title}</h5>}
      {entries.map((entry, index) => (
        <FeedbackEntry
          key={entry.id}
          feedback={entry}
          number={index + 1}
          framework={framework}
          clientLabel={clientLabel}
          onUpdate={(update, opts) => onUpdate(entry.id, update, opts)}
          onFlush={onFlush}
          onDelete={() => onDelete(entry)}
        />
      ))}
      <button type="button" className="add-button" onClick={onAdd}>
        + {addLabel ?? t('feedback.add')}
      </button>
    </EditGroup>
  );
}
