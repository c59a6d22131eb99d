// The agreement table of the two compared researchers: per theme and for valence, agreement
// over time, Cohen's kappa, paired fragments, how far to trust it, and a plain explanation.
// Exported as CSV. The point is the conversation about the differences, not the number: the
// table says so.
import { agreementCells, agreementColumns, agreementRowLabel, agreementTable, thresholdNote } from '../../../shared/alignment';
import type { Workspace } from '../../../shared/contract';
import type { Fragment } from '../../../shared/domain';
import { localText, type Framework } from '../../../shared/framework';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { useEditControl } from '../startup/read-only';

export function AgreementPanel({
  cycleId,
  workspace,
  fragments,
  left,
  right,
  threshold,
  framework,
}: {
  cycleId: string;
  workspace: Workspace;
  /** The researchers' own fragments (joint ones left out). */
  fragments: Fragment[];
  left: string;
  right: string;
  threshold: number;
  framework: Framework | null;
}) {
  const { t, lang } = useI18n();
  const editControl = useEditControl();
  const { notify, reportError } = useToasts();
  if (!framework || !left || !right) return null;
  const rows = agreementTable({
    recordings: workspace.recordings.map((r) => ({ id: r.id, durationSec: r.media.durationSec })),
    fragments,
    authors: { left, right },
    threshold,
    themeIds: framework.themes.map((th) => th.id),
  });
  const themeLabel = (id: string) => {
    const theme = framework.themes.find((th) => th.id === id);
    return theme ? localText(theme.short, lang) : id;
  };
  const columns = agreementColumns(lang);
  const exportCsv = () =>
    call('alignment.exportAgreement', { cycleId, left, right, threshold })
      .then(({ path }) => path && notify({ kind: 'info', text: t('align.agreementSaved', { path }) }))
      .catch(reportError);
  return (
    <section className="card align-agreement" aria-label={t('align.agreementTitle')}>
      <div className="card-head">
        <h2>{t('align.agreementTitle')}</h2>
        <button type="button" onClick={exportCsv} {...editControl()}>
          {t('align.exportCsv')}
        </button>
      </div>
      <p className="hint">
        {t('align.agreementIntro', { left, right })} {thresholdNote(threshold, lang)}
      </p>
      <table className="agreement-table" data-testid="agreement-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cells = agreementCells(row, agreementRowLabel(row, lang, themeLabel), lang);
            return (
              <tr key={row.key} className={`confidence-${row.confidence}`}>
                <th scope="row">{cells[0]}</th>
                {cells.slice(1).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
