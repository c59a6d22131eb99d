// The one i18n layer: every UI text is looked up here by key. Dictionaries are data in
// resources/i18n/<lang>.json; Dutch is the default and the reference (its keys define the set).
//
// Plurals: a text that depends on a number has one key per plural category of the language
// (Intl.PluralRules: `one`, `other`; other languages may add `few`, `many`…), e.g.
// "library.cycleCount.one": "{count} cyclus", "library.cycleCount.other": "{count} cycli", and is
// asked for without the suffix: t('library.cycleCount', { count: 2 }). `count` picks the form.
export type Dictionary = Record<string, string>;
export type TextParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** The template for `key`: the language's own plural form first, then its `other` form or plain
 * key, then the same from the reference dictionary; undefined when none has it. */
function templateFor(lang: string, dict: Dictionary, fallback: Dictionary, key: string, params?: TextParams) {
  const count = params?.count;
  const candidates =
    typeof count === 'number' ? [`${key}.${pluralCategory(lang, count)}`, `${key}.other`, key] : [key];
  for (const source of [dict, fallback]) {
    for (const candidate of candidates) if (Object.hasOwn(source, candidate)) return source[candidate];
  }
  return undefined;
}

/** Whether `key` (or its plural forms) has a text. */
export function hasText(dict: Dictionary, fallback: Dictionary, key: string): boolean {
  return [dict, fallback].some((d) => Object.hasOwn(d, key) || Object.hasOwn(d, `${key}.other`));
}

/** Fills `{name}` placeholders. Unknown keys fall back to the reference dictionary, then the key. */
export function translate(
  lang: string,
  dict: Dictionary,
  fallback: Dictionary,
  key: string,
  params?: TextParams,
): string {
  const template = templateFor(lang, dict, fallback, key, params) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}
