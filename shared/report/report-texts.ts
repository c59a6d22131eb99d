// Every piece of text a report shows, in one place: the pseudonymisation pass maps over exactly
// these, and the check that no listed name is left reads exactly these. A new block type or
// text field must be added here, or it would escape both (a unit test builds every block type).
import type { InlineRun, ReportBlock, ReportDocument } from './model';

type MapText = (text: string) => string;

function mapRuns(runs: readonly InlineRun[], f: MapText): InlineRun[] {
  return runs.map((run) => ({ ...run, text: f(run.text) }));
}

function mapBlock(block: ReportBlock, f: MapText): ReportBlock {
  switch (block.type) {
    case 'heading':
      return { ...block, text: f(block.text) };
    case 'paragraph':
      return { ...block, runs: mapRuns(block.runs, f) };
    case 'observation':
      return { ...block, time: block.time === null ? null : f(block.time), label: f(block.label), text: f(block.text) };
    case 'question':
      return { ...block, time: block.time === null ? null : f(block.time), label: f(block.label), text: f(block.text) };
    case 'transcript':
      return { ...block, time: f(block.time), speaker: f(block.speaker), text: f(block.text) };
    case 'fragment':
      return {
        ...block,
        reference: f(block.reference),
        label: f(block.label),
        title: f(block.title),
        valence: f(block.valence),
        themes: block.themes.map(f),
        note: f(block.note),
        questions: block.questions.map(f),
      };
    case 'feedback':
      return {
        ...block,
        text: f(block.text),
        attribution: block.attribution === null ? null : f(block.attribution),
        label: f(block.label),
      };
    case 'list':
      return { ...block, items: block.items.map((item) => mapRuns(item, f)) };
    case 'table':
      return {
        ...block,
        caption: f(block.caption),
        header: block.header.map(f),
        rows: block.rows.map((row) => row.map(f)),
      };
    case 'image':
      return { ...block, caption: f(block.caption) };
    case 'page-break':
      return block;
  }
}

/** The document with `f` applied to every text it shows (title, blocks, warnings). */
export function mapReportTexts(doc: ReportDocument, f: MapText): ReportDocument {
  return {
    ...doc,
    title: f(doc.title),
    subtitle: f(doc.subtitle),
    blocks: doc.blocks.map((block) => mapBlock(block, f)),
    warnings: doc.warnings.map(f),
  };
}

export interface PlacedText {
  text: string;
  /** Where it is, for error messages: "title", "block 12 (observation)". */
  where: string;
}

/** Every text the document shows, with where it is. */
export function reportTexts(doc: ReportDocument): PlacedText[] {
  const out: PlacedText[] = [];
  const collect = (where: string) => (text: string) => {
    out.push({ text, where });
    return text;
  };
  collect('the title')(doc.title);
  collect('the subtitle')(doc.subtitle);
  doc.blocks.forEach((block, i) => mapBlock(block, collect(`block ${i + 1} (${block.type})`)));
  doc.warnings.forEach(collect('a warning'));
  return out;
}
