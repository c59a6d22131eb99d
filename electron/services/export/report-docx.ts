// The report as a Word document (the `docx` package), made to be finished in Word: real heading
// styles (Heading1..3, so the navigation pane works), named paragraph styles for observations
// (boxed), questions for the client and for the case manager, transcript lines, fragments and the
// client's feedback, a real table for the interview items, lists as Word lists. All text is
// ordinary, editable paragraph text: no text boxes, no text in pictures.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type { InlineRun, ReportBlock, ReportDocument } from '../../../shared/report/model';

export interface DocxStill {
  data: Uint8Array;
  type: 'png' | 'jpg';
  /** Pixel size of the picture, to keep its proportions. */
  width: number;
  height: number;
}

export interface DocxRenderOptions {
  /** Stills by id (see stillIdForFragment); an image block without one is left out. */
  stills?: ReadonlyMap<string, DocxStill>;
}

/** Style ids, so tests and users find them: Word shows the names. */
export const DOCX_STYLES = {
  observation: 'Observation',
  questionClient: 'QuestionClient',
  questionCaseManager: 'QuestionCaseManager',
  transcript: 'Transcript',
  transcriptEvent: 'TranscriptEvent',
  fragment: 'Fragment',
  fragmentDetail: 'FragmentDetail',
  feedbackQuote: 'FeedbackQuote',
  feedbackParaphrase: 'FeedbackParaphrase',
  attribution: 'Attribution',
  meta: 'ReportMeta',
  note: 'ReportNote',
  subtitle: 'Subtitle',
} as const;

const INK = '1F2328';
const HEADING_INK = '17324D';
const MUTED = '5B6470';
const BLUE = '2F5D8A';
const ORANGE = 'C2571A';
const GREEN = '2E7D4F';
const FONT = 'Calibri';

// A4 in twips, 2 cm margins.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = 1134;
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * MARGIN;
const TIME_TAB = 850;

const BULLETS = 'report-bullets';
const NUMBERS = 'report-numbers';

const line = (color: string, size = 6) => ({ style: BorderStyle.SINGLE, color, size, space: 4 });

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: DOCX_STYLES.observation,
    name: 'Observation',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: {
      border: { top: line(BLUE, 8), bottom: line(BLUE, 8), left: line(BLUE, 8), right: line(BLUE, 8) },
      shading: { type: ShadingType.CLEAR, fill: 'EEF3F8', color: 'auto' },
      indent: { left: 113, right: 113 },
      spacing: { before: 160, after: 160 },
      keepLines: true,
    },
  },
  {
    id: DOCX_STYLES.questionClient,
    name: 'Question for the client',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: {
      border: { left: { style: BorderStyle.THICK, color: ORANGE, size: 24, space: 8 } },
      shading: { type: ShadingType.CLEAR, fill: 'FDF3EC', color: 'auto' },
      indent: { left: 170 },
      spacing: { before: 120, after: 120 },
      keepLines: true,
    },
  },
  {
    id: DOCX_STYLES.questionCaseManager,
    name: 'Question for the case manager',
    basedOn: DOCX_STYLES.questionClient,
    next: 'Normal',
    quickFormat: true,
    paragraph: {
      border: { left: { style: BorderStyle.THICK, color: GREEN, size: 24, space: 8 } },
      shading: { type: ShadingType.CLEAR, fill: 'EEF7F1', color: 'auto' },
    },
  },
  {
    id: DOCX_STYLES.transcript,
    name: 'Transcript line',
    basedOn: 'Normal',
    next: DOCX_STYLES.transcript,
    quickFormat: true,
    paragraph: {
      indent: { left: TIME_TAB, hanging: TIME_TAB },
      leftTabStop: TIME_TAB,
      spacing: { after: 60 },
    },
  },
  {
    id: DOCX_STYLES.transcriptEvent,
    name: 'Transcript event',
    basedOn: DOCX_STYLES.transcript,
    next: DOCX_STYLES.transcript,
    run: { italics: true, color: MUTED },
  },
  {
    id: DOCX_STYLES.fragment,
    name: 'Fragment',
    basedOn: 'Normal',
    next: DOCX_STYLES.fragmentDetail,
    quickFormat: true,
    paragraph: {
      border: { left: { style: BorderStyle.SINGLE, color: '8A96A3', size: 18, space: 8 } },
      indent: { left: 170 },
      spacing: { before: 140, after: 20 },
      keepNext: true,
    },
  },
  {
    id: DOCX_STYLES.fragmentDetail,
    name: 'Fragment detail',
    basedOn: DOCX_STYLES.fragment,
    next: 'Normal',
    paragraph: { spacing: { before: 0, after: 60 }, keepNext: false },
  },
  {
    id: DOCX_STYLES.feedbackQuote,
    name: 'Client feedback (quote)',
    basedOn: 'Normal',
    next: DOCX_STYLES.attribution,
    quickFormat: true,
    paragraph: {
      border: { left: { style: BorderStyle.SINGLE, color: '9AA5B1', size: 12, space: 8 } },
      indent: { left: 454 },
      spacing: { before: 100, after: 40 },
      keepNext: true,
    },
    run: { italics: true },
  },
  {
    id: DOCX_STYLES.feedbackParaphrase,
    name: 'Client feedback (paraphrase)',
    basedOn: DOCX_STYLES.feedbackQuote,
    next: 'Normal',
    run: { italics: false },
  },
  {
    id: DOCX_STYLES.attribution,
    name: 'Attribution',
    basedOn: 'Normal',
    next: 'Normal',
    paragraph: { indent: { left: 454 }, spacing: { after: 120 } },
    run: { color: MUTED, size: 20 },
  },
  {
    id: DOCX_STYLES.meta,
    name: 'Report facts',
    basedOn: 'Normal',
    next: 'Normal',
    paragraph: { spacing: { after: 60 } },
    run: { color: '3F4650' },
  },
  {
    id: DOCX_STYLES.note,
    name: 'Report remark',
    basedOn: 'Normal',
    next: 'Normal',
    run: { italics: true, color: MUTED },
  },
  {
    id: DOCX_STYLES.subtitle,
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    paragraph: { spacing: { after: 360 } },
    run: { color: MUTED, size: 26 },
  },
];

/** Text runs with line breaks kept. */
function textRuns(text: string, format: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split(/\r?\n/).map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, ...format }));
}

function inlineRuns(runs: readonly InlineRun[]): TextRun[] {
  return runs.flatMap((run) => textRuns(run.text, { bold: run.bold, italics: run.italic }));
}

class DocxWriter {
  readonly children: (Paragraph | Table)[] = [];
  private pageBreakPending = false;
  private listInstance = 0;

  constructor(private readonly options: DocxRenderOptions) {}

  /** Adds a paragraph; one after a page-break block starts on a new page. */
  paragraph(options: ConstructorParameters<typeof Paragraph>[0] & object) {
    const pageBreakBefore = this.pageBreakPending || undefined;
    this.pageBreakPending = false;
    this.children.push(new Paragraph({ ...options, pageBreakBefore }));
  }

  /** `next`: the block after this one (a fragment stays on the page of the still that follows it). */
  block(block: ReportBlock, next?: ReportBlock) {
    switch (block.type) {
      case 'heading': {
        const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
        this.paragraph({ heading, children: textRuns(block.text) });
        return;
      }
      case 'paragraph': {
        const style = block.tone === 'meta' ? DOCX_STYLES.meta : block.tone === 'note' ? DOCX_STYLES.note : undefined;
        // A line in bold or italic only introduces what follows: keep them on one page.
        const lead = block.tone === 'normal' && block.runs.length > 0 && block.runs.every((r) => r.bold || r.italic);
        this.paragraph({ style, keepNext: lead || undefined, children: inlineRuns(block.runs) });
        return;
      }
      case 'observation': {
        const head = [block.time, block.label].filter((x) => x !== null && x !== '').join('  ');
        this.paragraph({
          style: DOCX_STYLES.observation,
          children: [new TextRun({ text: head, bold: true, color: HEADING_INK }), ...textRuns(`\n${block.text}`)],
        });
        return;
      }
      case 'question': {
        const style = block.audience === 'client' ? DOCX_STYLES.questionClient : DOCX_STYLES.questionCaseManager;
        const color = block.audience === 'client' ? ORANGE : GREEN;
        const time = block.time !== null ? [new TextRun({ text: `${block.time}  `, bold: true, color: BLUE })] : [];
        this.paragraph({
          style,
          children: [...time, new TextRun({ text: `? ${block.label}: `, bold: true, color }), ...textRuns(block.text)],
        });
        return;
      }
      case 'transcript': {
        const speaker = block.speaker !== '' ? [new TextRun({ text: `${block.speaker}: `, bold: true })] : [];
        this.paragraph({
          style: block.event ? DOCX_STYLES.transcriptEvent : DOCX_STYLES.transcript,
          children: [new TextRun({ text: block.time, bold: true, color: BLUE }), new TextRun({ children: [new Tab()] }), ...speaker, ...textRuns(block.text)],
        });
        return;
      }
      case 'fragment': {
        const title = block.title !== '' ? ` — ${block.title}` : '';
        this.paragraph({
          style: DOCX_STYLES.fragment,
          children: [new TextRun({ text: `${block.label}: `, bold: true }), new TextRun({ text: block.reference, bold: true }), new TextRun(title)],
        });
        const color = block.valenceKind === 'positive' ? GREEN : ORANGE;
        const keepNext = next?.type === 'image' && this.options.stills?.has(next.stillId) ? true : undefined;
        this.paragraph({
          style: DOCX_STYLES.fragmentDetail,
          keepNext,
          children: [new TextRun({ text: block.valence, color }), new TextRun({ text: block.themes.map((t) => ` · ${t}`).join(''), color: MUTED })],
        });
        if (block.note !== '') this.paragraph({ style: DOCX_STYLES.fragmentDetail, keepNext, children: textRuns(block.note) });
        this.list(block.questions.map((q) => [{ text: q }]), false, keepNext);
        return;
      }
      case 'feedback': {
        if (block.label !== '') this.paragraph({ style: DOCX_STYLES.attribution, children: [new TextRun({ text: block.label, italics: true })] });
        const text = block.mode === 'quote' ? `“${block.text}”` : block.text;
        this.paragraph({
          style: block.mode === 'quote' ? DOCX_STYLES.feedbackQuote : DOCX_STYLES.feedbackParaphrase,
          children: textRuns(text),
        });
        if (block.attribution !== null) this.paragraph({ style: DOCX_STYLES.attribution, children: textRuns(`— ${block.attribution}`) });
        return;
      }
      case 'list':
        this.list(block.items, block.ordered);
        return;
      case 'table':
        this.table(block.caption, block.header, block.rows);
        return;
      case 'image': {
        const still = this.options.stills?.get(block.stillId);
        if (!still) return;
        const width = Math.min(320, still.width);
        const height = Math.round((still.height / Math.max(1, still.width)) * width);
        this.paragraph({
          keepNext: true,
          // The document's line spacing (line 276, no rule) reads as an EXACT line height in
          // LibreOffice, which then shows one text line's height of the picture: say "auto".
          spacing: { before: 60, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: still.type,
              data: still.data,
              transformation: { width, height },
              altText: { name: block.stillId, description: block.caption, title: block.caption },
            }),
          ],
        });
        this.paragraph({ style: 'Caption', children: textRuns(block.caption) });
        return;
      }
      case 'page-break':
        this.pageBreakPending = true;
        return;
    }
  }

  list(items: readonly (readonly InlineRun[])[], ordered: boolean, keepNext?: boolean) {
    if (items.length === 0) return;
    const instance = ++this.listInstance;
    for (const item of items) {
      this.paragraph({
        numbering: { reference: ordered ? NUMBERS : BULLETS, level: 0, instance },
        keepNext,
        children: inlineRuns(item),
      });
    }
  }

  table(caption: string, header: readonly string[], rows: readonly (readonly string[])[]) {
    this.paragraph({ style: 'Caption', keepNext: true, children: textRuns(caption) });
    const columns = Math.max(1, header.length);
    const widths = columnWidths(columns);
    const cell = (text: string, isHeader: boolean, i: number) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        shading: isHeader ? { type: ShadingType.CLEAR, fill: 'EEF1F4', color: 'auto' } : undefined,
        children: (text === '' ? [''] : text.split(/\r?\n/)).map(
          (part) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: part, bold: isHeader, size: 20 })] }),
        ),
      });
    this.children.push(
      new Table({
        width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
        columnWidths: widths,
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, i)) }),
          ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, i)) })),
        ],
      }),
    );
    // Word needs a paragraph between a table and what follows; it also gives some air.
    this.children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  }
}

/** The first column (titles) and the last (questions) get more room. */
function columnWidths(columns: number): number[] {
  if (columns === 3) return [0.34, 0.22, 0.44].map((f) => Math.round(f * TEXT_WIDTH_TWIPS));
  return Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH_TWIPS / columns));
}

export async function renderReportDocx(doc: ReportDocument, options: DocxRenderOptions = {}): Promise<Buffer> {
  const writer = new DocxWriter(options);
  writer.paragraph({ heading: HeadingLevel.TITLE, children: textRuns(doc.title) });
  if (doc.subtitle !== '') writer.paragraph({ style: DOCX_STYLES.subtitle, children: textRuns(doc.subtitle) });
  doc.blocks.forEach((block, i) => writer.block(block, doc.blocks[i + 1]));

  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    // The app, never the account: Word would otherwise show "Un-named" or the user's name.
    creator: 'VKZ',
    lastModifiedBy: 'VKZ',
    description: doc.subtitle,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, color: INK, language: { value: doc.lang === 'nl' ? 'nl-NL' : 'en-GB' } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { font: FONT, size: 44, bold: true, color: HEADING_INK }, paragraph: { spacing: { after: 60 } } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: HEADING_INK },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: FONT, size: 27, bold: true, color: HEADING_INK },
          paragraph: {
            spacing: { before: 300, after: 100 },
            keepNext: true,
            keepLines: true,
            border: { bottom: { style: BorderStyle.SINGLE, color: 'C9D6E3', size: 6, space: 2 } },
          },
        },
        heading3: {
          run: { font: FONT, size: 24, bold: true, color: HEADING_INK },
          paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true },
        },
        caption: { run: { font: FONT, size: 20, bold: true, italics: false, color: HEADING_INK }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 454, hanging: 284 } } } }],
        },
        {
          reference: NUMBERS,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 454, hanging: 284 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: MUTED })],
              }),
            ],
          }),
        },
        children: writer.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
