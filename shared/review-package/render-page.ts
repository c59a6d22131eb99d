// The package's index.html: the page template (resources/review-package/index.html) with the
// document embedded as JSON, so the page needs no fetch (a page opened from disk may not read
// files beside it). Pure.
import type { ReviewPackageDocument } from './model';

const JSON_SLOT = '/*VKZ_PACKAGE_JSON*/';
const LANG_SLOT = '{{lang}}';
const TITLE_SLOT = '{{title}}';

/**
 * JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&` (so no
 * `</script>` or `<!--` can end or change the element), and no U+2028/2029 line separators.
 * JSON.parse reads the \u escapes back as the same characters.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The filled page. Throws when the template lacks a slot (a broken install, not user input). */
export function renderPackagePage(template: string, doc: ReviewPackageDocument): string {
  for (const slot of [JSON_SLOT, LANG_SLOT, TITLE_SLOT]) {
    if (template.split(slot).length !== 2) throw new Error(`The review package template needs exactly one ${slot}`);
  }
  // split/join, not replace: a `$` in the data must not act as a replacement pattern.
  return template
    .split(LANG_SLOT)
    .join(doc.lang)
    .split(TITLE_SLOT)
    .join(escapeHtmlText(doc.title))
    .split(JSON_SLOT)
    .join(jsonForScriptElement(doc));
}
