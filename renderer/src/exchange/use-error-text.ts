// An error as a sentence for the user: the translated text of its code (error.<code>) with its
// params, or the generic text with the technical message.
import { useCallback } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

export function useErrorText(): (error: unknown) => string {
  const { t, tDynamic } = useI18n();
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError
        ? tDynamic(`error.${error.error.code}`, t('error.generic', { detail: error.error.message }), error.error.params)
        : t('error.generic', { detail: error instanceof Error ? error.message : String(error) }),
    [t, tDynamic],
  );
}

/** "1,2 GB", "350 MB" in the user's language. */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit >= 2 && value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export type Countable = 'notes' | 'fragments' | 'lines' | 'speakers' | 'videos' | 'items' | 'clips' | 'answers' | 'newDoubts';

/** "1 notitie", "3 notities": the count with its word, in the user's language. */
export function useCount(): (what: Countable, count: number) => string {
  const { tDynamic } = useI18n();
  return useCallback(
    (what: Countable, count: number) => tDynamic(`exchange.n.${what}`, `${count}`, { count }),
    [tDynamic],
  );
}
