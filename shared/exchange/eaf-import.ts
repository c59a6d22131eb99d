// Reading ELAN annotation documents: the ones VKZ writes (see eaf-format.ts) and ones made in
// ELAN itself, with any tiers.
//
// - Tiers of a VKZ linguistic type come back as notes of their kind and as fragments.
// - Any other tier is read as transcript lines: speaker = the tier's PARTICIPANT, or its id
//   when that is empty; author = its ANNOTATOR. Empty annotations (segmentation without text)
//   are skipped.
// - REF_ANNOTATIONs (dependent tiers: translations, glosses) take the time of the annotation
//   they refer to, through any number of levels.
// - Time slots without a TIME_VALUE (ELAN's unaligned slots inside a subdivision) are placed
//   proportionally between the nearest aligned slots before and after them in TIME_ORDER.
import type { NoteKind, Valence } from '../domain';
import { EafParseError, FRAGMENT_LINGUISTIC_TYPE, kindOfLinguisticType, parseFragmentValue } from './eaf-format';
import { childElements, parseXml, textContent, XmlParseError, type XmlElement } from './xml';

export interface EafImportedNote {
  timeSec: number;
  kind: NoteKind;
  author: string;
  speaker: string;
  text: string;
}

export interface EafImportedFragment {
  inSec: number;
  outSec: number;
  title: string;
  themes: string[];
  valence: Valence;
  note: string;
  author: string;
}

export interface EafImport {
  /** Sorted by time; notes at the same time keep the document's order. */
  notes: EafImportedNote[];
  /** Sorted by start time. */
  fragments: EafImportedFragment[];
  /** MEDIA_URL of every MEDIA_DESCRIPTOR, as written. */
  mediaUrls: string[];
}

type RawAnnotation =
  | { id: string; tier: XmlElement; value: string; align: true; ref1: string; ref2: string }
  | { id: string; tier: XmlElement; value: string; align: false; parent: string };

function readTimeSlots(root: XmlElement): Map<string, number> {
  const order = childElements(root, 'TIME_ORDER')[0];
  const slots = order ? childElements(order, 'TIME_SLOT') : [];
  const values: (number | null)[] = slots.map((slot) => {
    const raw = slot.attributes.TIME_VALUE;
    if (raw === undefined) return null;
    if (!/^\d+$/.test(raw.trim())) throw new EafParseError(`time slot "${slot.attributes.TIME_SLOT_ID ?? '?'}" has TIME_VALUE "${raw}", expected whole milliseconds`);
    return Number(raw.trim());
  });
  // Unaligned slots: proportionally between the nearest aligned neighbours in document order.
  const prev: number[] = [];
  let last = -1;
  values.forEach((v, i) => {
    if (v !== null) last = i;
    prev[i] = last;
  });
  const next: number[] = [];
  last = -1;
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) last = i;
    next[i] = last;
  }
  const result = new Map<string, number>();
  slots.forEach((slot, i) => {
    const id = slot.attributes.TIME_SLOT_ID;
    if (id === undefined) throw new EafParseError(`TIME_SLOT number ${i + 1} has no TIME_SLOT_ID`);
    if (result.has(id)) throw new EafParseError(`time slot id "${id}" is used twice`);
    let ms = values[i] ?? null;
    if (ms === null) {
      const p = prev[i] ?? -1;
      const n = next[i] ?? -1;
      const before = p >= 0 ? (values[p] ?? 0) : null;
      const after = n >= 0 ? (values[n] ?? 0) : null;
      if (before !== null && after !== null) ms = Math.round(before + ((after - before) * (i - p)) / (n - p));
      else ms = before ?? after ?? 0;
    }
    result.set(id, ms);
  });
  return result;
}

function readAnnotations(tiers: XmlElement[]): RawAnnotation[] {
  const annotations: RawAnnotation[] = [];
  for (const tier of tiers) {
    for (const wrapper of childElements(tier, 'ANNOTATION')) {
      for (const a of childElements(wrapper)) {
        const valueEl = childElements(a, 'ANNOTATION_VALUE')[0];
        const value = valueEl ? textContent(valueEl) : '';
        const id = a.attributes.ANNOTATION_ID;
        const tierId = tier.attributes.TIER_ID ?? '?';
        if (id === undefined) throw new EafParseError(`an annotation on tier "${tierId}" has no ANNOTATION_ID`);
        if (a.name === 'ALIGNABLE_ANNOTATION') {
          const ref1 = a.attributes.TIME_SLOT_REF1;
          const ref2 = a.attributes.TIME_SLOT_REF2;
          if (ref1 === undefined || ref2 === undefined) throw new EafParseError(`annotation "${id}" on tier "${tierId}" lacks TIME_SLOT_REF1 or TIME_SLOT_REF2`);
          annotations.push({ id, tier, value, align: true, ref1, ref2 });
        } else if (a.name === 'REF_ANNOTATION') {
          const parent = a.attributes.ANNOTATION_REF;
          if (parent === undefined) throw new EafParseError(`annotation "${id}" on tier "${tierId}" lacks ANNOTATION_REF`);
          annotations.push({ id, tier, value, align: false, parent });
        } else {
          throw new EafParseError(`unexpected <${a.name}> inside an ANNOTATION on tier "${tierId}"`);
        }
      }
    }
  }
  return annotations;
}

/** Notes, fragments and media URLs of an EAF document. Throws EafParseError naming the problem. */
export function fromEaf(xml: string): EafImport {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlParseError) throw new EafParseError(err.message);
    throw err;
  }
  if (root.name !== 'ANNOTATION_DOCUMENT') throw new EafParseError(`the root element is <${root.name}>, expected <ANNOTATION_DOCUMENT>`);

  const header = childElements(root, 'HEADER')[0];
  const mediaUrls = (header ? childElements(header, 'MEDIA_DESCRIPTOR') : [])
    .map((m) => m.attributes.MEDIA_URL)
    .filter((u): u is string => u !== undefined);

  const slots = readTimeSlots(root);
  const annotations = readAnnotations(childElements(root, 'TIER'));
  const byId = new Map<string, RawAnnotation>();
  for (const a of annotations) {
    if (byId.has(a.id)) throw new EafParseError(`annotation id "${a.id}" is used twice`);
    byId.set(a.id, a);
  }

  const slotMs = (a: RawAnnotation & { align: true }, ref: string) => {
    const ms = slots.get(ref);
    if (ms === undefined) throw new EafParseError(`annotation "${a.id}" refers to time slot "${ref}", which is not in TIME_ORDER`);
    return ms;
  };
  /** Start and end of an annotation, following REF_ANNOTATIONs to their aligned ancestor. */
  const span = (a: RawAnnotation): { startMs: number; endMs: number } => {
    const seen = new Set<string>();
    let current = a;
    while (!current.align) {
      if (seen.has(current.id)) throw new EafParseError(`annotation "${a.id}" refers to itself through a chain of references`);
      seen.add(current.id);
      const parent = byId.get(current.parent);
      if (!parent) throw new EafParseError(`annotation "${current.id}" refers to annotation "${current.parent}", which does not exist`);
      current = parent;
    }
    return { startMs: slotMs(current, current.ref1), endMs: slotMs(current, current.ref2) };
  };

  const notes: EafImportedNote[] = [];
  const fragments: EafImportedFragment[] = [];
  for (const a of annotations) {
    const { startMs, endMs } = span(a);
    const attrs = a.tier.attributes;
    const type = attrs.LINGUISTIC_TYPE_REF ?? '';
    const author = (attrs.ANNOTATOR ?? '').trim();
    const kind = kindOfLinguisticType(type);
    if (type === FRAGMENT_LINGUISTIC_TYPE) {
      fragments.push({ inSec: startMs / 1000, outSec: endMs / 1000, author, ...parseFragmentValue(a.value) });
    } else if (kind) {
      const speaker = kind === 'transcript' ? (attrs.PARTICIPANT ?? '').trim() : '';
      notes.push({ timeSec: startMs / 1000, kind, author, speaker, text: a.value });
    } else {
      const text = a.value.trim();
      if (text === '') continue;
      const speaker = (attrs.PARTICIPANT ?? '').trim() || (attrs.TIER_ID ?? '').trim();
      notes.push({ timeSec: startMs / 1000, kind: 'transcript', author, speaker, text });
    }
  }
  notes.sort((x, y) => x.timeSec - y.timeSec);
  fragments.sort((x, y) => x.inSec - y.inSec);
  return { notes, fragments, mediaUrls };
}
