// The report as one standalone HTML5 file: embedded CSS, no scripts, no external resources,
// every text escaped. Pure. The PDF is printed from this HTML.
import type { InlineRun, ReportBlock, ReportDocument } from './model';
import { REPORT_CSS } from './report-styles';

export interface StillImage {
  /** 'image/png' or 'image/jpeg'. */
  mime: string;
  base64: string;
}

export interface HtmlRenderOptions {
  /** Stills by id (see stillIdForFragment); an image block without one is left out. */
  stills?: ReadonlyMap<string, StillImage>;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped text with line breaks kept. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function runsHtml(runs: readonly InlineRun[]): string {
  return runs
    .map((run) => {
      let html = textHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function timeHtml(time: string | null): string {
  return time === null ? '' : `<span class="time">${escapeHtml(time)}</span>`;
}

function blockHtml(block: ReportBlock, options: HtmlRenderOptions): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${block.level + 1}`;
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph': {
      // A line in bold or italic only introduces what follows: keep them on one page.
      const lead = block.tone === 'normal' && block.runs.length > 0 && block.runs.every((r) => r.bold || r.italic);
      return `<p class="tone-${block.tone}${lead ? ' lead' : ''}">${runsHtml(block.runs)}</p>`;
    }
    case 'observation':
      return (
        `<aside class="observation"><p class="block-head">${timeHtml(block.time)}<strong>${escapeHtml(block.label)}</strong></p>` +
        `<p>${textHtml(block.text)}</p></aside>`
      );
    case 'question':
      return (
        `<div class="question question-${block.audience}"><p>${timeHtml(block.time)}<span class="q-mark" aria-hidden="true">?</span>` +
        `<strong class="q-label">${escapeHtml(block.label)}:</strong> ${textHtml(block.text)}</p></div>`
      );
    case 'transcript': {
      const speaker = block.speaker !== '' ? `<span class="speaker">${escapeHtml(block.speaker)}:</span>` : '';
      const text = block.event ? `<em>${textHtml(block.text)}</em>` : textHtml(block.text);
      return `<p class="line${block.event ? ' event' : ''}">${timeHtml(block.time)}${speaker}${text}</p>`;
    }
    case 'fragment': {
      const title = block.title !== '' ? ` — ${escapeHtml(block.title)}` : '';
      const meta = [block.valence, ...block.themes].map(escapeHtml).join(' · ');
      const note = block.note !== '' ? `<p>${textHtml(block.note)}</p>` : '';
      const questions =
        block.questions.length > 0 ? `<ul>${block.questions.map((q) => `<li>${textHtml(q)}</li>`).join('')}</ul>` : '';
      return (
        `<div class="fragment fragment-${block.valenceKind}">` +
        `<p class="fragment-ref"><strong>${escapeHtml(block.label)}:</strong> ${escapeHtml(block.reference)}${title}</p>` +
        `<p class="fragment-meta">${meta}</p>${note}${questions}</div>`
      );
    }
    case 'feedback': {
      const label = block.label !== '' ? `<p class="feedback-label">${escapeHtml(block.label)}</p>` : '';
      const attribution = block.attribution !== null ? `<p class="attribution">— ${escapeHtml(block.attribution)}</p>` : '';
      if (block.mode === 'quote') {
        return `<blockquote class="feedback feedback-quote">${label}<p class="feedback-text">“${textHtml(block.text)}”</p>${attribution}</blockquote>`;
      }
      return `<div class="feedback feedback-${block.mode}">${label}<p class="feedback-text">${textHtml(block.text)}</p>${attribution}</div>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = `<thead><tr>${block.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const body = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${textHtml(cell)}</td>`).join('')}</tr>`).join('');
      return `<table><caption>${escapeHtml(block.caption)}</caption>${head}<tbody>${body}</tbody></table>`;
    }
    case 'image': {
      const still = options.stills?.get(block.stillId);
      if (!still || !/^image\/(png|jpeg)$/.test(still.mime) || !/^[A-Za-z0-9+/=]+$/.test(still.base64)) return '';
      return (
        `<figure class="still"><img src="data:${still.mime};base64,${still.base64}" alt="${escapeHtml(block.caption)}">` +
        `<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`
      );
    }
    case 'page-break':
      return '<div class="page-break"></div>';
  }
}

/** The body of the report (what goes inside <main>), without the page around it. */
export function renderReportBodyHtml(doc: ReportDocument, options: HtmlRenderOptions = {}): string {
  const header =
    `<header class="report-header"><h1>${escapeHtml(doc.title)}</h1>` +
    (doc.subtitle !== '' ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : '') +
    '</header>';
  return header + doc.blocks.map((b) => blockHtml(b, options)).filter((s) => s !== '').join('\n');
}

/** A complete, standalone HTML5 document: embedded CSS, no scripts, nothing loaded from elsewhere. */
export function renderReportHtml(doc: ReportDocument, options: HtmlRenderOptions = {}): string {
  return [
    '<!doctype html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The file may be opened anywhere: it loads nothing and runs nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="VKZ">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<main class="report">${renderReportBodyHtml(doc, options)}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
