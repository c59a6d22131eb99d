// The one i18n layer: every UI text is looked up here by key. Dictionaries are data in
// resources/i18n/<lang>.json; Dutch is the default and the reference (its keys define the set).
export type Dictionary = Record<string, string>;

/** Fills `{name}` placeholders. Unknown keys fall back to the reference dictionary, then the key. */
export function translate(
  dict: Dictionary,
  fallback: Dictionary,
  key: string,
  params?: Record<string, string | number>,
): string {
  const template = dict[key] ?? fallback[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}
