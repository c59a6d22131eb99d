// The trajectory's pseudonymisation list: names and what they become in every export
// ("Jan" -> "[naam cliënt]"). Saved as it is edited (complete rows only), after which the
// preview is refreshed; the backend refuses a list that would let a name survive.
import { useMemo, useRef, useState } from 'react';
import type { PseudonymEntry } from '../../../shared/report/pseudonym-list';
import { ApiError, call } from '../api';
import { useAutosave } from '../components/use-autosave';
import { useBackendCall } from '../components/use-backend-call';
import { useI18n } from '../i18n';
import { EditGroup } from '../startup/read-only';

interface Row {
  key: number;
  name: string;
  replacement: string;
}

function complete(rows: readonly Row[]): PseudonymEntry[] {
  return rows
    .map((r) => ({ name: r.name.trim(), replacement: r.replacement.trim() }))
    .filter((r) => r.name !== '' && r.replacement !== '');
}

function sameList(a: readonly PseudonymEntry[], b: readonly PseudonymEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i]?.name && e.replacement === b[i]?.replacement);
}

export function PseudonymEditor({ trajectoryId, onSaved }: { trajectoryId: string; onSaved: () => void }) {
  const { t, tDynamic } = useI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  /** The list as the store holds it. */
  const savedRef = useRef<PseudonymEntry[]>([]);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const nextKey = useRef(1);
  const focusKey = useRef<number | null>(null);

  useBackendCall(trajectoryId, () => call('pseudonyms.get', { trajectoryId }), {
    onLoaded: (list) => {
      savedRef.current = list;
      setRows(list.map((e) => ({ key: nextKey.current++, ...e })));
    },
    onError: (error) => setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) }),
  });

  // Complete rows are stored shortly after the last change (and when the editor closes).
  const wanted = useMemo(() => (rows === null ? null : complete(rows)), [rows]);
  useAutosave(
    wanted,
    async (list: PseudonymEntry[]) => {
      if (sameList(list, savedRef.current)) return true;
      setState({ kind: 'saving' });
      try {
        const stored = await call('pseudonyms.set', { trajectoryId, list });
        savedRef.current = stored;
        setState({ kind: 'saved' });
        onSaved();
        return true;
      } catch (error) {
        const text =
          error instanceof ApiError
            ? tDynamic(`error.${error.error.code}`, t('error.generic', { detail: error.error.message }), error.error.params)
            : t('error.generic', { detail: String(error) });
        setState({ kind: 'error', text });
        return false;
      }
    },
    { equals: sameList },
  );

  if (rows === null) return <p className="hint">{state.kind === 'error' ? state.text : '…'}</p>;

  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => (all ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: number) => setRows((all) => (all ?? []).filter((r) => r.key !== key));
  const add = () => {
    const key = nextKey.current++;
    focusKey.current = key;
    setRows((all) => [...(all ?? []), { key, name: '', replacement: '' }]);
  };

  return (
    <EditGroup className="pseudonym-editor">
      <p className="hint">{t('export.pseudonymsHint')}</p>
      {rows.length === 0 ? (
        <p className="hint">{t('export.pseudonymsEmpty')}</p>
      ) : (
        <table className="pseudonym-table">
          <thead>
            <tr>
              <th scope="col">{t('export.pseudonymName')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col">{t('export.pseudonymReplacement')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const incomplete = (row.name.trim() === '') !== (row.replacement.trim() === '');
              return (
                <tr key={row.key} data-testid="pseudonym-row">
                  <td>
                    <input
                      aria-label={t('export.pseudonymNameN', { n: i + 1 })}
                      value={row.name}
                      placeholder={t('export.pseudonymNamePlaceholder')}
                      aria-invalid={incomplete && row.name.trim() === '' ? 'true' : undefined}
                      ref={(el) => {
                        if (el && focusKey.current === row.key) {
                          focusKey.current = null;
                          el.focus();
                        }
                      }}
                      onChange={(e) => update(row.key, { name: e.target.value })}
                    />
                  </td>
                  <td className="pseudonym-arrow" aria-hidden="true">
                    →
                  </td>
                  <td>
                    <input
                      aria-label={t('export.pseudonymReplacementN', { n: i + 1 })}
                      value={row.replacement}
                      placeholder={t('export.pseudonymReplacementPlaceholder')}
                      aria-invalid={incomplete && row.replacement.trim() === '' ? 'true' : undefined}
                      onChange={(e) => update(row.key, { replacement: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('export.pseudonymRemove', { name: row.name || String(i + 1) })}
                      onClick={() => remove(row.key)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="add-button" onClick={add}>
          + {t('export.pseudonymAdd')}
        </button>
        <span className="save-state" role="status" aria-live="polite">
          {state.kind === 'saving' && t('export.pseudonymsSaving')}
          {state.kind === 'saved' && t('export.pseudonymsSaved')}
        </span>
      </div>
      {rows.some((r) => (r.name.trim() === '') !== (r.replacement.trim() === '')) && (
        <p className="hint">{t('export.pseudonymsIncomplete')}</p>
      )}
      {state.kind === 'error' && (
        <p className="field-error" role="alert">
          {state.text}
        </p>
      )}
    </EditGroup>
  );
}
