// One item to align, side by side: both researchers' versions (the originals, always shown),
// what differs, and the decision: take a version, combine, or "besproken" with a note; for
// notes keep, merge or "besproken". Once decided: the joint fragment to edit, the note, undo.
import { useEffect, useState, type ReactNode } from 'react';
import { differencesOf, type AlignmentDecision, type PairDifferences } from '../../../shared/alignment';
import type { Fragment, Note } from '../../../shared/domain';
import { localText, type Framework } from '../../../shared/framework';
import { formatTimecode, formatTimeRange } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import type { AlignUnit } from './align-model';
import { JointFragmentEditor } from './joint-fragment-editor';
import type { AlignmentActions } from './use-alignment';
import { useEditControl } from '../startup/read-only';

export function UnitDetail({
  unit,
  index,
  total,
  decision,
  joint,
  jointNote,
  framework,
  sideLabel,
  actions,
  busy,
  commentRef,
  editorRef,
  onPlay,
  onDiscussed,
}: {
  unit: AlignUnit;
  index: number;
  total: number;
  decision: AlignmentDecision | null;
  joint: Fragment | null;
  jointNote: Note | null;
  framework: Framework | null;
  sideLabel: (side: 'left' | 'right') => string;
  actions: AlignmentActions;
  busy: boolean;
  commentRef: React.RefObject<HTMLTextAreaElement | null>;
  editorRef: React.RefObject<HTMLInputElement | null>;
  onPlay: (loop: boolean) => void;
  /** Enter in the note of an open item records it as discussed. */
  onDiscussed: () => void;
}) {
  const { t, lang } = useI18n();
  const editControl = useEditControl();
  const [comment, setComment] = useState(decision?.comment ?? '');
  useEffect(() => {
    setComment(decision?.comment ?? '');
  }, [decision?.id, decision?.comment]);
  const themeLabel = (id: string) => {
    const theme = framework?.themes.find((x) => x.id === id);
    return theme ? localText(theme.short, lang) : id;
  };
  const diff = unit.kind === 'pair' ? differencesOf(unit.pair.left, unit.pair.right) : null;
  const title =
    unit.kind === 'pair'
      ? t('align.detail.pair', { n: index + 1, total })
      : unit.kind === 'single'
        ? t('align.detail.single', { n: index + 1, total, name: sideLabel(unit.single.side) })
        : t('align.detail.notes', { n: index + 1, total });

  const decide = (action: AlignmentDecision['action'], extra: { takeId?: string; range?: 'union' | 'intersection' } = {}) =>
    void actions.decide({ subject: unit.kind === 'notes' ? 'notes' : 'fragments', sourceIds: unit.ids, action, comment, ...extra });

  return (
    <section className="card align-detail" aria-label={title} data-testid="align-detail">
      <div className="card-head">
        <h2>{title}</h2>
        <span className="hint">{formatTimeRange(unit.startSec, unit.endSec)}</span>
        <div className="button-row">
          <button type="button" onClick={() => onPlay(false)}>
            ▶ {t('align.play')} <kbd>P</kbd>
          </button>
          <button type="button" onClick={() => onPlay(true)}>
            ↻ {t('player.loop')} <kbd>R</kbd>
          </button>
        </div>
      </div>

      {unit.kind === 'notes' ? (
        <ul className="align-group-notes">
          {unit.group.notes.map((n) => (
            <li key={n.id}>
              <span className="align-note-time">{formatTimecode(n.timeSec)}</span> <strong>{n.author}</strong>: {n.text}
            </li>
          ))}
        </ul>
      ) : (
        <div className="align-versions">
          {(['left', 'right'] as const).map((side) => {
            const fragment =
              unit.kind === 'pair' ? unit.pair[side] : unit.single.side === side ? unit.single.fragment : null;
            return (
              <Version key={side} heading={sideLabel(side)} testId={`version-${side}`}>
                {fragment ? (
                  <>
                    <FragmentVersion fragment={fragment} diff={diff} side={side} themeLabel={themeLabel} />
                    {!decision && (
                      <button type="button" {...editControl(busy)} onClick={() => decide('take', { takeId: fragment.id })}>
                        {t('align.take', { name: sideLabel(side) })} <kbd>{side === 'left' ? '1' : '2'}</kbd>
                      </button>
                    )}
                  </>
                ) : (
                  <p className="hint">{t('align.notMarked', { name: sideLabel(side) })}</p>
                )}
              </Version>
            );
          })}
        </div>
      )}

      {!decision ? (
        <div className="align-actions">
          {unit.kind === 'pair' && (
            <>
              <button type="button" className="primary" {...editControl(busy)} onClick={() => decide('combine', { range: 'union' })}>
                {t('align.combine')} <kbd>C</kbd>
              </button>
              <button type="button" {...editControl(busy)} onClick={() => decide('combine', { range: 'intersection' })}>
                {t('align.combineOverlap')} <kbd>Shift+C</kbd>
              </button>
            </>
          )}
          {unit.kind === 'notes' && (
            <>
              <button type="button" className="primary" {...editControl(busy)} onClick={() => decide('merge')}>
                {t('align.mergeNotes')} <kbd>C</kbd>
              </button>
              <button type="button" {...editControl(busy)} onClick={() => decide('keep')}>
                {t('align.keepNotes')} <kbd>K</kbd>
              </button>
            </>
          )}
          <label className="align-comment">
            {t('align.comment')}
            <textarea
              ref={commentRef}
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.shiftKey) return;
                e.preventDefault();
                onDiscussed();
              }}
              placeholder={t('align.commentPlaceholder')}
              {...editControl()}
            />
          </label>
          <button type="button" {...editControl(busy)} onClick={() => decide('discussed')}>
            {t('align.discussed')} <kbd>B</kbd>
          </button>
        </div>
      ) : (
        <div className="align-decided" data-testid="align-decided">
          <p className="align-decided-head">
            <strong>✓ {t(`align.action.${decision.action}`)}</strong>
            <span className="hint">{t('align.decidedBy', { name: decision.author })}</span>
            <button type="button" {...editControl(busy)} onClick={() => void actions.undo(decision.id)}>
              {t('common.undo')} <kbd>U</kbd>
            </button>
          </p>
          {joint && (
            <JointFragmentEditor
              key={joint.id}
              fragment={joint}
              framework={framework}
              titleRef={editorRef}
              onSave={(patch) => void actions.editResult(decision.id, patch)}
            />
          )}
          {jointNote && (
            <p className="align-joint-note">
              <span className="chip">{jointNote.author}</span> {jointNote.text}
            </p>
          )}
          <label className="align-comment">
            {t('align.comment')}
            <textarea
              ref={commentRef}
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              onBlur={() => comment !== decision.comment && void actions.setComment(decision.id, comment)}
              {...editControl()}
            />
          </label>
        </div>
      )}
    </section>
  );
}

function Version({ heading, testId, children }: { heading: string; testId: string; children: ReactNode }) {
  return (
    <div className="align-version" data-testid={testId}>
      <h3>{heading}</h3>
      {children}
    </div>
  );
}

function FragmentVersion({
  fragment,
  diff,
  side,
  themeLabel,
}: {
  fragment: Fragment;
  diff: PairDifferences | null;
  side: 'left' | 'right';
  themeLabel: (id: string) => string;
}) {
  const { t } = useI18n();
  const only = new Set(diff ? (side === 'left' ? diff.themesOnlyLeft : diff.themesOnlyRight) : []);
  const timeDiffers = diff !== null && (diff.inDeltaSec !== 0 || diff.outDeltaSec !== 0);
  return (
    <dl className="align-fields">
      <dt>{t('align.field.time')}</dt>
      <dd className={timeDiffers ? 'differs' : ''}>{formatTimeRange(fragment.inSec, fragment.outSec)}</dd>
      <dt>{t('align.field.title')}</dt>
      <dd className={diff?.title ? 'differs' : ''}>{fragment.title || '–'}</dd>
      <dt>{t('fragments.valence')}</dt>
      <dd className={diff?.valence ? 'differs' : ''}>
        <span className={`valence-chip valence-${fragment.valence}`}>{t(`valence.${fragment.valence}`)}</span>
      </dd>
      <dt>{t('align.field.themes')}</dt>
      <dd>
        {fragment.themes.length === 0 ? '–' : fragment.themes.map((id) => (
          <span key={id} className={only.has(id) ? 'chip chip-diff' : 'chip'}>
            {themeLabel(id)}
          </span>
        ))}
      </dd>
      <dt>{t('fragments.note')}</dt>
      <dd className={diff?.note ? 'differs' : ''}>{fragment.note || '–'}</dd>
    </dl>
  );
}
