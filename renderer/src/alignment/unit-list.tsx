// The items to align, in time order: pairs with what differs, singles standing out, note
// groups; each with its state (afgestemd and how, or still open).
import { useEffect, useRef } from 'react';
import { differencesOf, type AlignmentDecision } from '../../../shared/alignment';
import { formatTimeRange } from '../../../shared/timecode';
import { useI18n } from '../i18n';
import type { AlignUnit } from './align-model';

export function UnitList({
  units,
  decisionOf,
  selectedKey,
  onSelect,
  sideLabel,
}: {
  units: AlignUnit[];
  decisionOf: (unit: AlignUnit) => AlignmentDecision | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  sideLabel: (side: 'left' | 'right') => string;
}) {
  const { t } = useI18n();
  const selectedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);
  if (units.length === 0) return <p className="hint">{t('align.nothingToAlign')}</p>;
  return (
    <ol className="align-units" aria-label={t('align.units')}>
      {units.map((unit, index) => {
        const decision = decisionOf(unit);
        const selected = unit.key === selectedKey;
        return (
          <li key={unit.key} ref={selected ? selectedRef : undefined}>
            <button
              type="button"
              className={`align-unit kind-${unit.kind}${selected ? ' selected' : ''}${decision ? ' done' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(unit.key)}
            >
              <span className="align-unit-index">{index + 1}</span>
              <span className="align-unit-time">{formatTimeRange(unit.startSec, unit.endSec)}</span>
              <span className="align-unit-kind">
                {unit.kind === 'pair'
                  ? t('align.kind.pair', { overlap: Math.round(unit.pair.overlap * 100) })
                  : unit.kind === 'single'
                    ? t('align.kind.single', { name: sideLabel(unit.single.side) })
                    : t('align.kind.notes', { count: unit.group.notes.length })}
              </span>
              <span className="align-unit-diffs">
                {unit.kind === 'pair' && <PairDiffChips unit={unit} />}
                {unit.kind === 'single' && <span className="chip chip-single">{unit.single.fragment.title || t('align.untitled')}</span>}
              </span>
              <span className={decision ? 'align-unit-state done' : 'align-unit-state'}>
                {decision ? `✓ ${t(`align.action.${decision.action}`)}` : t('align.open')}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function PairDiffChips({ unit }: { unit: Extract<AlignUnit, { kind: 'pair' }> }) {
  const { t } = useI18n();
  const d = differencesOf(unit.pair.left, unit.pair.right);
  if (d.same) return <span className="chip chip-same">{t('align.diff.same')}</span>;
  return (
    <>
      {(d.themesOnlyLeft.length > 0 || d.themesOnlyRight.length > 0) && <span className="chip chip-diff">{t('align.diff.themes')}</span>}
      {d.valence && <span className="chip chip-diff">{t('align.diff.valence')}</span>}
      {(d.inDeltaSec !== 0 || d.outDeltaSec !== 0) && <span className="chip chip-diff">{t('align.diff.times')}</span>}
      {(d.title || d.note) && <span className="chip chip-diff">{t('align.diff.text')}</span>}
    </>
  );
}
