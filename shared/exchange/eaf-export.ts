// Notes and fragments as an ELAN annotation document (EAF 3.0), one document per recording.
//
// Why one per recording: an EAF has a single timeline. Several MEDIA_DESCRIPTORs in one EAF
// are views of the same event (two cameras, with a TIME_ORIGIN offset), whereas "video 1" and
// "video 2" of a session follow each other and both start at 0:00. In one document their notes
// would sit on top of each other.
//
// Layout (see eaf-format.ts for the conventions import relies on):
// - a tier per author and kind ("Onderzoeker A - observation"); transcript lines also per
//   speaker ("Onderzoeker A - transcript - KM"), so ELAN shows who speaks;
// - a note lasts until the next note on its tier, at most 2 s, and never past the end of the
//   recording when that lies later;
// - ELAN doesn't allow annotations on one tier to overlap, so notes at the same moment, and
//   overlapping fragments, go to extra tiers ("... (2)");
// - fragments on a tier per author ("fragments - Onderzoeker A");
// - every boundary gets its own TIME_SLOT (ELAN links annotations that share a slot).
// Everything a person wrote, and the media path, goes through the pseudonymiser first. A path
// that contained a listed name no longer points at the file; ELAN then asks to locate it.
import type { Fragment, MediaInfo, Note, NoteKind, Recording } from '../domain';
import { formatTimecode } from '../timecode';
import { FRAGMENT_LINGUISTIC_TYPE, formatFragmentValue, NOTE_KINDS, noteLinguisticType } from './eaf-format';
import { createPseudonymiser, PseudonymisationError, type PseudonymList } from './pseudonymise';
import { escapeXmlAttribute, escapeXmlText } from './xml';

export type EafRecording = Pick<Recording, 'id' | 'fileName'> & {
  media: Pick<MediaInfo, 'durationSec' | 'video'>;
};
export type EafNote = Pick<Note, 'recordingId' | 'timeSec' | 'kind' | 'speaker' | 'text' | 'author'>;
export type EafFragment = Pick<Fragment, 'recordingId' | 'inSec' | 'outSec' | 'title' | 'note' | 'themes' | 'valence' | 'author'>;

export interface EafExportInput {
  recording: EafRecording;
  /** Notes and fragments of other recordings are ignored, so a cycle's lists can be passed. */
  notes: readonly EafNote[];
  fragments: readonly EafFragment[];
  /** Who exports: the document's AUTHOR. */
  author: string;
  /** When: the document's DATE, an ISO 8601 date-time ("2025-03-01T14:00:00Z"). */
  now: string;
  pseudonyms: PseudonymList;
}

export const EAF_NOTE_MAX_SEC = 2;

const MIME_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  wmv: 'video/x-ms-wmv',
  wav: 'audio/x-wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
};

/** MIME type by extension, as ELAN uses it to pick a player; "unknown" is ELAN's own fallback. */
export function mediaMimeType(fileName: string): string {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[ext] ?? 'unknown';
}

interface Span {
  startMs: number;
  endMs: number;
  value: string;
}

interface TierDraft {
  id: string;
  type: string;
  participant: string;
  annotator: string;
  spans: Span[];
}

/** Spreads spans over as few lanes as possible so that none overlap within a lane. */
function lanes(spans: Span[]): Span[][] {
  const result: { endMs: number; spans: Span[] }[] = [];
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const lane = result.find((l) => l.endMs <= span.startMs);
    if (lane) {
      lane.spans.push(span);
      lane.endMs = span.endMs;
    } else result.push({ endMs: span.endMs, spans: [span] });
  }
  return result.map((l) => l.spans);
}

/** The EAF document (XML string) for one recording. */
export function toEaf(input: EafExportInput): string {
  const { recording } = input;
  const p = createPseudonymiser(input.pseudonyms);
  const durationMs = Math.round(recording.media.durationSec * 1000);
  const notes = input.notes.filter((n) => n.recordingId === recording.id);
  const fragments = input.fragments.filter((f) => f.recordingId === recording.id);

  // Group notes by tier: kind, author, and for transcript lines the speaker.
  const groups = new Map<string, { kind: NoteKind; author: string; speaker: string; notes: { ms: number; text: string }[] }>();
  for (const n of notes) {
    const where = `note at ${formatTimecode(n.timeSec)}`;
    const author = p.scrub(n.author, `${where} (author)`).trim();
    const speaker = n.kind === 'transcript' ? p.scrub(n.speaker, `${where} (speaker)`).trim() : '';
    const key = JSON.stringify([NOTE_KINDS.indexOf(n.kind), author, speaker]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: n.kind, author, speaker, notes: [] }));
    group.notes.push({ ms: Math.round(n.timeSec * 1000), text: p.scrub(n.text, `${where} (text)`) });
  }

  const tiers: TierDraft[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base} (${k})`;
    usedIds.add(id);
    return id;
  };
  const addTiers = (base: string, type: string, participant: string, annotator: string, spans: Span[]) => {
    for (const laneSpans of lanes(spans)) tiers.push({ id: uniqueId(base), type, participant, annotator, spans: laneSpans });
  };

  const sortedKeys = [...groups.keys()].sort();
  for (const key of sortedKeys) {
    const g = groups.get(key);
    if (!g) continue;
    const starts = [...new Set(g.notes.map((n) => n.ms))].sort((a, b) => a - b);
    const spans = g.notes.map((n) => {
      const next = starts.find((s) => s > n.ms);
      let endMs = n.ms + EAF_NOTE_MAX_SEC * 1000;
      if (next !== undefined) endMs = Math.min(endMs, next);
      if (durationMs > n.ms) endMs = Math.min(endMs, durationMs);
      return { startMs: n.ms, endMs, value: n.text };
    });
    const name = [g.author, g.kind, g.speaker].filter((part) => part !== '').join(' - ');
    addTiers(name, noteLinguisticType(g.kind), g.kind === 'transcript' ? g.speaker : g.author, g.author, spans);
  }

  const fragmentGroups = new Map<string, Span[]>();
  for (const f of fragments) {
    const where = `fragment at ${formatTimecode(f.inSec)}`;
    const author = p.scrub(f.author, `${where} (author)`).trim();
    const startMs = Math.round(f.inSec * 1000);
    const value = formatFragmentValue({
      title: p.scrub(f.title, `${where} (title)`),
      themes: f.themes,
      valence: f.valence,
      note: p.scrub(f.note, `${where} (note)`),
    });
    // ELAN cannot hold an annotation without duration.
    const endMs = Math.max(startMs + 1, Math.round(f.outSec * 1000));
    const spans = fragmentGroups.get(author) ?? [];
    spans.push({ startMs, endMs, value });
    fragmentGroups.set(author, spans);
  }
  for (const author of [...fragmentGroups.keys()].sort()) {
    addTiers(author === '' ? 'fragments' : `fragments - ${author}`, FRAGMENT_LINGUISTIC_TYPE, author, author, fragmentGroups.get(author) ?? []);
  }

  // Time slots in time order, two per annotation.
  const boundaries: { ms: number; owner: Span; end: boolean }[] = [];
  for (const tier of tiers) {
    for (const span of tier.spans) boundaries.push({ ms: span.startMs, owner: span, end: false }, { ms: span.endMs, owner: span, end: true });
  }
  boundaries.sort((a, b) => a.ms - b.ms);
  const slotOf = new Map<Span, { start: string; end: string }>();
  boundaries.forEach((b, i) => {
    const slots = slotOf.get(b.owner) ?? { start: '', end: '' };
    slots[b.end ? 'end' : 'start'] = `ts${i + 1}`;
    slotOf.set(b.owner, slots);
  });

  const attrs = (pairs: [string, string][]) => pairs.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join('');
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<ANNOTATION_DOCUMENT${attrs([
      ['AUTHOR', p.scrub(input.author, 'the document author')],
      ['DATE', input.now],
      ['FORMAT', '3.0'],
      ['VERSION', '3.0'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:noNamespaceSchemaLocation', 'http://www.mpi.nl/tools/elan/EAFv3.0.xsd'],
    ])}>`,
  );
  // Only the file name: a local path would carry user and folder names off the machine. ELAN
  // resolves a relative media URL against the .eaf's own folder.
  const mediaUrl = `./${encodeURIComponent(p.scrub(recording.fileName, 'the recording file name'))}`;
  out.push(`    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">`);
  out.push(
    `        <MEDIA_DESCRIPTOR${attrs([
      ['MEDIA_URL', mediaUrl],
      ['MIME_TYPE', mediaMimeType(recording.fileName)],
      ['RELATIVE_MEDIA_URL', mediaUrl],
    ])}/>`,
  );
  let annotationCount = 0;
  for (const tier of tiers) annotationCount += tier.spans.length;
  out.push(`        <PROPERTY NAME="lastUsedAnnotationId">${annotationCount}</PROPERTY>`);
  out.push('    </HEADER>');
  out.push('    <TIME_ORDER>');
  boundaries.forEach((b, i) => out.push(`        <TIME_SLOT TIME_SLOT_ID="ts${i + 1}" TIME_VALUE="${b.ms}"/>`));
  out.push('    </TIME_ORDER>');
  let annotationId = 0;
  for (const tier of tiers) {
    const tierAttrs: [string, string][] = [['LINGUISTIC_TYPE_REF', tier.type], ['TIER_ID', tier.id]];
    if (tier.participant !== '') tierAttrs.push(['PARTICIPANT', tier.participant]);
    if (tier.annotator !== '') tierAttrs.push(['ANNOTATOR', tier.annotator]);
    out.push(`    <TIER${attrs(tierAttrs)}>`);
    for (const span of tier.spans) {
      const slots = slotOf.get(span);
      annotationId++;
      out.push('        <ANNOTATION>');
      out.push(`            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a${annotationId}" TIME_SLOT_REF1="${slots?.start}" TIME_SLOT_REF2="${slots?.end}">`);
      out.push(`                <ANNOTATION_VALUE>${escapeXmlText(span.value)}</ANNOTATION_VALUE>`);
      out.push('            </ALIGNABLE_ANNOTATION>');
      out.push('        </ANNOTATION>');
    }
    out.push('    </TIER>');
  }
  for (const type of [...NOTE_KINDS.map(noteLinguisticType), FRAGMENT_LINGUISTIC_TYPE]) {
    out.push(`    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="${type}" TIME_ALIGNABLE="true"/>`);
  }
  // The four standard stereotypes; ELAN writes them into every document.
  out.push('    <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation\'s time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>');
  out.push('    <CONSTRAINT DESCRIPTION="Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered" STEREOTYPE="Symbolic_Subdivision"/>');
  out.push('    <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>');
  out.push('    <CONSTRAINT DESCRIPTION="Time alignable annotations within the parent annotation\'s time interval, gaps are allowed" STEREOTYPE="Included_In"/>');
  out.push('</ANNOTATION_DOCUMENT>');
  const xml = `${out.join('\n')}\n`;
  // Belt and braces over the whole document, in case a field was added without scrub.
  const left = p.findListedNames(xml);
  if (left.length > 0) throw new PseudonymisationError([{ where: 'the EAF file', names: left }]);
  return xml;
}

export interface EafFile {
  recordingId: string;
  /** A suggested file name: the recording's, pseudonymised, with ".eaf". */
  fileName: string;
  xml: string;
}

/** One EAF document per recording (see the file comment for why). */
export function toEafFiles(input: Omit<EafExportInput, 'recording'> & { recordings: readonly EafRecording[] }): EafFile[] {
  const p = createPseudonymiser(input.pseudonyms);
  return input.recordings.map((recording) => {
    const base = p.scrub(recording.fileName, 'the recording file name').replace(/\.[^.]*$/, '');
    // Characters Windows forbids in file names become '_'.
    const safe = base.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_') || 'recording';
    return { recordingId: recording.id, fileName: `${safe}.eaf`, xml: toEaf({ ...input, recording }) };
  });
}
