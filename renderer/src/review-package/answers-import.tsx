// The case manager's answers coming back: "Antwoorden importeren…" reads a .vkz-antwoorden file
// (main checks it: another cycle, a changed or a cut-off file is refused and nothing changes),
// then says what came in and offers to move the items the case manager wants to discuss to the
// front of their part of the agenda. The researcher confirms; nothing moves by itself.
import { useState } from 'react';
import type { ResponseOf } from '../../../shared/contract';
import { moveItemsToFront } from '../../../shared/method';
import { call } from '../api';
import { useCount } from '../exchange/use-error-text';
import { useI18n } from '../i18n';
import type { MethodActions } from '../method/use-method';
import './review-package.css';
import { useEditControl } from '../startup/read-only';

type Imported = NonNullable<ResponseOf<'reviewPackage.importAnswers'>>;

export function AnswersImport({ cycleId, actions }: { cycleId: string; actions: MethodActions }) {
  const { t } = useI18n();
  const count = useCount();
  const [imported, setImported] = useState<Imported | null>(null);
  const [moved, setMoved] = useState(false);
  const editControl = useEditControl();

  const importFile = async () => {
    let result: Imported | null = null;
    const done = await actions.apply(async () => {
      result = await call('reviewPackage.importAnswers', { cycleId });
      return result ? result.view : call('method.get', { cycleId });
    });
    if (done && result) {
      setImported(result);
      setMoved(false);
    }
  };

  const moveUp = () => {
    if (!imported) return;
    const ids = imported.flagged.map((f) => f.id);
    actions.change((m) => (m.reflectionAgenda ? { reflectionAgenda: moveItemsToFront(m.reflectionAgenda, ids) } : {}));
    setMoved(true);
  };

  return (
    <div className="answers-import" data-testid="answers-import">
      <button type="button" onClick={() => void importFile()} {...editControl()}>
        {t('package.importAnswers')}
      </button>
      {imported && (
        <div className="answers-imported" role="status" data-testid="answers-imported">
          <p>{t('package.imported', { answers: count('answers', imported.answered), doubts: count('newDoubts', imported.doubtsAdded) })}</p>
          {imported.doubtsAdded > 0 && <p className="hint">{t('package.doubtsHint')}</p>}
          {imported.flagged.length > 0 && !moved && (
            <div className="answers-flagged">
              <p>{t('package.flaggedAsk', { items: count('items', imported.flagged.length) })}</p>
              <ul>
                {imported.flagged.map((f) => (
                  <li key={f.id}>{f.title.trim() || t('agenda.untitled')}</li>
                ))}
              </ul>
              <div className="button-row">
                <button type="button" className="primary" onClick={moveUp} {...editControl()}>
                  {t('package.moveUp')}
                </button>
                <button type="button" onClick={() => setMoved(true)}>
                  {t('package.leaveOrder')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
