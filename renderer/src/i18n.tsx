// React side of the i18n layer (shared/i18n.ts): the language comes from settings; components
// call `t(key, params)`.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../shared/domain';
import { hasText, translate, type Dictionary, type TextParams } from '../../shared/i18n';
import en from '../../resources/i18n/en.json';
import nl from '../../resources/i18n/nl.json';

type DictionaryKey = keyof typeof nl;
/** A text with plural forms is asked for by its key without the `.one`/`.other` suffix. */
type PluralKey<K> = K extends `${infer Base}.other` ? Base : never;
export type TextKey = Exclude<DictionaryKey, `${string}.one` | `${string}.other`> | PluralKey<DictionaryKey>;
export type Translate = (key: TextKey, params?: TextParams) => string;

const dictionaries: Record<Language, Dictionary> = { nl, en };

interface I18nValue {
  lang: Language;
  t: Translate;
  /** For keys built at run time (e.g. error codes); falls back to `fallbackText`. */
  tDynamic: (key: string, fallbackText: string, params?: TextParams) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const t = useCallback<Translate>((key, params) => translate(lang, dictionaries[lang], nl, key, params), [lang]);
  const tDynamic = useCallback(
    (key: string, fallbackText: string, params?: TextParams) =>
      hasText(dictionaries[lang], nl, key) ? translate(lang, dictionaries[lang], nl, key, params) : fallbackText,
    [lang],
  );
  const value = useMemo(() => ({ lang, t, tDynamic }), [lang, t, tDynamic]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
