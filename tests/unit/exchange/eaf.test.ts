import { describe, expect, it } from 'vitest';
import {
  EafParseError,
  formatFragmentValue,
  fromEaf,
  mediaMimeType,
  parseFragmentValue,
  toEaf,
  toEafFiles,
  type EafImport,
} from '../../../shared/exchange/eaf';
import { childElements, parseXml, textContent, type XmlElement } from '../../../shared/exchange/xml';
import { fragment, note, REC1, REC2, recording } from './fixtures';

const rec1 = recording(REC1, 1, 'C:\\Onderzoek\\Cyclus 1\\gesprek deel1.mp4', 600);
const base = { author: 'Onderzoeker A', now: '2025-03-05T14:00:00.000Z', pseudonyms: [] };

const notes = [
  note(6.2, 'transcript', 'Hoe gaat het nu met je?', { speaker: 'KM' }),
  note(7.5, 'transcript', 'Ik wéét het niet.', { speaker: 'C' }),
  note(9, 'transcript', 'Nou, eh...', { speaker: 'C' }),
  note(20, 'transcript', 'Zonder spreker'),
  note(7.5, 'observation', 'Cliënt kijkt weg <let op> & "twijfelt"\nVraag voor de cliënt: wat dacht je toen?'),
  note(7.5, 'observation', 'Tegelijk, zelfde auteur'),
  note(8, 'observation', 'Ander oog', { author: 'Onderzoeker B' }),
  note(30.123, 'question_case_manager', 'Wat wilde je hier bereiken?'),
  note(599.5, 'event', 'Opname stopt'),
  note(40, 'event', 'Andere video', { recordingId: REC2 }),
];
const fragments = [
  fragment(5, 12.5, 'Doel benoemd', { themes: ['shared-goal', 'authenticity'], note: 'Mooi moment.\nTweede regel.' }),
  fragment(10, 20, 'Titel [met haken] {en accolades}', { valence: 'concern' }),
  fragment(100, 130, 'Andere onderzoeker', { author: 'Onderzoeker A', themes: ['flow'] }),
  fragment(1, 2, 'Andere video', { recordingId: REC2 }),
];

function eafTree(xml: string): XmlElement {
  return parseXml(xml);
}

function tiers(root: XmlElement): XmlElement[] {
  return childElements(root, 'TIER');
}

describe('toEaf', () => {
  const xml = toEaf({ ...base, recording: rec1, notes, fragments });
  const root = eafTree(xml);

  it('writes an EAF 3.0 document with the media descriptor of the recording', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT')).toBe(true);
    expect(root.attributes).toMatchObject({ AUTHOR: 'Onderzoeker A', DATE: '2025-03-05T14:00:00.000Z', FORMAT: '3.0', VERSION: '3.0' });
    const header = childElements(root, 'HEADER')[0] as XmlElement;
    expect(header.attributes.TIME_UNITS).toBe('milliseconds');
    expect(childElements(header, 'MEDIA_DESCRIPTOR').map((m) => ({ ...m.attributes }))).toEqual([
      { MEDIA_URL: './gesprek%20deel1.mp4', MIME_TYPE: 'video/mp4', RELATIVE_MEDIA_URL: './gesprek%20deel1.mp4' },
    ]);
    // No local trace: the recording's folders (user and project names) stay on the machine.
    expect(xml).not.toMatch(/Onderzoek\/|Onderzoek%2F|Cyclus|file:/);
    // The schema's element order: HEADER, TIME_ORDER, TIER*, LINGUISTIC_TYPE*, CONSTRAINT*.
    const order = childElements(root).map((e) => e.name);
    expect([...new Set(order)]).toEqual(['HEADER', 'TIME_ORDER', 'TIER', 'LINGUISTIC_TYPE', 'CONSTRAINT']);
  });

  it('makes a tier per author and kind (and speaker), extra lanes for notes at one moment', () => {
    expect(tiers(root).map((t) => [t.attributes.TIER_ID, t.attributes.LINGUISTIC_TYPE_REF, t.attributes.PARTICIPANT, t.attributes.ANNOTATOR])).toEqual([
      ['Onderzoeker A - transcript', 'vkz-transcript', undefined, 'Onderzoeker A'],
      ['Onderzoeker A - transcript - C', 'vkz-transcript', 'C', 'Onderzoeker A'],
      ['Onderzoeker A - transcript - KM', 'vkz-transcript', 'KM', 'Onderzoeker A'],
      ['Onderzoeker A - event', 'vkz-event', 'Onderzoeker A', 'Onderzoeker A'],
      ['Onderzoeker A - observation', 'vkz-observation', 'Onderzoeker A', 'Onderzoeker A'],
      ['Onderzoeker A - observation (2)', 'vkz-observation', 'Onderzoeker A', 'Onderzoeker A'],
      ['Onderzoeker B - observation', 'vkz-observation', 'Onderzoeker B', 'Onderzoeker B'],
      ['Onderzoeker A - question_case_manager', 'vkz-question_case_manager', 'Onderzoeker A', 'Onderzoeker A'],
      ['fragments - Onderzoeker A', 'vkz-fragment', 'Onderzoeker A', 'Onderzoeker A'],
      ['fragments - Onderzoeker B', 'vkz-fragment', 'Onderzoeker B', 'Onderzoeker B'],
      ['fragments - Onderzoeker B (2)', 'vkz-fragment', 'Onderzoeker B', 'Onderzoeker B'],
    ]);
  });

  it('times annotations in ms: to the next note on the tier, at most 2 s, not past the end', () => {
    const slots = new Map(childElements(childElements(root, 'TIME_ORDER')[0] as XmlElement, 'TIME_SLOT').map((s) => [s.attributes.TIME_SLOT_ID, Number(s.attributes.TIME_VALUE)]));
    const spans = (tierId: string) =>
      childElements(tiers(root).find((t) => t.attributes.TIER_ID === tierId) as XmlElement, 'ANNOTATION').map((a) => {
        const al = childElements(a, 'ALIGNABLE_ANNOTATION')[0] as XmlElement;
        return [slots.get(al.attributes.TIME_SLOT_REF1), slots.get(al.attributes.TIME_SLOT_REF2)];
      });
    expect(spans('Onderzoeker A - transcript - C')).toEqual([[7500, 9000], [9000, 11000]]);
    expect(spans('Onderzoeker A - question_case_manager')).toEqual([[30123, 32123]]);
    expect(spans('Onderzoeker A - event')).toEqual([[599500, 600000]]);
    expect(spans('Onderzoeker A - observation')).toEqual([[7500, 9500]]);
    expect(spans('Onderzoeker A - observation (2)')).toEqual([[7500, 9500]]);
    expect(spans('fragments - Onderzoeker B')).toEqual([[5000, 12500]]);
    expect(spans('fragments - Onderzoeker B (2)')).toEqual([[10000, 20000]]);
  });

  it('writes time slots in time order, each used once, with unique annotation ids', () => {
    const slotEls = childElements(childElements(root, 'TIME_ORDER')[0] as XmlElement, 'TIME_SLOT');
    const values = slotEls.map((s) => Number(s.attributes.TIME_VALUE));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const refs = tiers(root).flatMap((t) =>
      childElements(t, 'ANNOTATION').flatMap((a) => childElements(a).flatMap((al) => [al.attributes.TIME_SLOT_REF1, al.attributes.TIME_SLOT_REF2])),
    );
    expect(refs.sort()).toEqual(slotEls.map((s) => s.attributes.TIME_SLOT_ID).sort());
    const ids = tiers(root).flatMap((t) => childElements(t, 'ANNOTATION').flatMap((a) => childElements(a).map((al) => al.attributes.ANNOTATION_ID)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(9 + 3);
  });

  it('escapes text and writes fragments in the parsable value format', () => {
    expect(xml).toContain('Cliënt kijkt weg &lt;let op&gt; &amp; "twijfelt"\nVraag voor de cliënt');
    const values = tiers(root)
      .filter((t) => t.attributes.LINGUISTIC_TYPE_REF === 'vkz-fragment')
      .flatMap((t) => childElements(t, 'ANNOTATION').map((a) => textContent(childElements(childElements(a)[0] as XmlElement, 'ANNOTATION_VALUE')[0] as XmlElement)));
    expect(values).toEqual([
      'Andere onderzoeker [themes: flow] {valence: positive}',
      'Doel benoemd [themes: shared-goal, authenticity] {valence: positive}\nMooi moment.\nTweede regel.',
      'Titel [met haken] {en accolades} [themes: ] {valence: concern}',
    ]);
  });

  it('ignores notes and fragments of other recordings', () => {
    expect(xml).not.toContain('Andere video');
  });

  it('writes an empty but valid document for a recording without annotations', () => {
    const empty = toEaf({ ...base, recording: rec1, notes: [], fragments: [] });
    expect(fromEaf(empty)).toEqual({ notes: [], fragments: [], mediaUrls: ['./gesprek%20deel1.mp4'] });
  });
});

describe('toEaf then fromEaf', () => {
  const canonical = (doc: EafImport) => ({
    ...doc,
    notes: [...doc.notes].sort((a, b) => a.timeSec - b.timeSec || a.text.localeCompare(b.text)),
  });

  it('gives back the same notes and fragments, times to the ms', () => {
    const back = fromEaf(toEaf({ ...base, recording: rec1, notes, fragments }));
    const expectedNotes = notes
      .filter((n) => n.recordingId === REC1)
      .map((n) => ({ timeSec: n.timeSec, kind: n.kind, author: n.author, speaker: n.speaker, text: n.text }));
    const expectedFragments = fragments
      .filter((f) => f.recordingId === REC1)
      .map((f) => ({ inSec: f.inSec, outSec: f.outSec, title: f.title, themes: f.themes, valence: f.valence, note: f.note, author: f.author }))
      .sort((a, b) => a.inSec - b.inSec);
    expect(canonical(back)).toEqual(canonical({ notes: expectedNotes, fragments: expectedFragments, mediaUrls: ['./gesprek%20deel1.mp4'] }));
  });

  it('keeps awkward text exactly: CR, tabs, XML characters, leading spaces, emoji', () => {
    const text = '  a\r\nb\tc & <d> "e" \'f\' ]]> 👍 ';
    const back = fromEaf(toEaf({ ...base, recording: rec1, notes: [note(1.001, 'observation', text)], fragments: [] }));
    expect(back.notes).toEqual([{ timeSec: 1.001, kind: 'observation', author: 'Onderzoeker A', speaker: '', text }]);
  });

  it('gives notes with an empty author their own tier', () => {
    const back = fromEaf(toEaf({ ...base, recording: rec1, notes: [note(1, 'event', 'x', { author: '' })], fragments: [fragment(1, 2, 'f', { author: '' })] }));
    expect(back.notes[0]?.author).toBe('');
    expect(back.fragments[0]?.author).toBe('');
    expect(toEaf({ ...base, recording: rec1, notes: [note(1, 'event', 'x', { author: '' })], fragments: [fragment(1, 2, 'f', { author: '' })] })).toContain('TIER_ID="fragments"');
  });
});

describe('toEafFiles', () => {
  it('makes one document per recording, named after the recording', () => {
    const rec2 = recording(REC2, 2, '/Users/onderzoek/gesprek: deel 2?.mov', 300);
    const files = toEafFiles({ ...base, recordings: [rec1, rec2], notes, fragments });
    expect(files.map((f) => [f.recordingId, f.fileName])).toEqual([
      [REC1, 'gesprek deel1.eaf'],
      [REC2, 'gesprek_ deel 2_.eaf'],
    ]);
    const second = fromEaf(files[1]?.xml ?? '');
    expect(second.notes.map((n) => n.text)).toEqual(['Andere video']);
    expect(second.fragments.map((f) => f.title)).toEqual(['Andere video']);
    expect(second.mediaUrls).toEqual(['./gesprek%3A%20deel%202%3F.mov']);
    expect(files[1]?.xml).toContain('MIME_TYPE="video/quicktime"');
  });
});

// As ELAN itself saves a file: its own tier names, a dependent (REF_ANNOTATION) tier two levels
// deep, a time-subdivision tier with an unaligned slot, an empty annotation, two media files.
const ELAN_MADE = `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-11-05T14:22:31+01:00" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///C:/Onderzoek/gesprek%203.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./gesprek%203.mp4"/>
        <MEDIA_DESCRIPTOR EXTRACTED_FROM="file:///C:/Onderzoek/gesprek%203.mp4" MEDIA_URL="file:///C:/Onderzoek/gesprek%203.wav" MIME_TYPE="audio/x-wav"/>
        <PROPERTY NAME="URN">urn:nl-mpi-tools-elan-eaf:3f2c1a7e-8b0d-4c5e-9f1a-2b3c4d5e6f70</PROPERTY>
        <PROPERTY NAME="lastUsedAnnotationId">7</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1250"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="3980"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="4100"/>
        <TIME_SLOT TIME_SLOT_ID="ts4"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="9100"/>
        <TIME_SLOT TIME_SLOT_ID="ts6" TIME_VALUE="12000"/>
        <TIME_SLOT TIME_SLOT_ID="ts7" TIME_VALUE="15500"/>
    </TIME_ORDER>
    <TIER ANNOTATOR="Onderzoeker A" LINGUISTIC_TYPE_REF="utterance" PARTICIPANT="KM" TIER_ID="KM-spraak">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>Hoe gaat het nu met je?</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts6" TIME_SLOT_REF2="ts7">
                <ANNOTATION_VALUE></ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="utterance" TIER_ID="Cliënt">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts5">
                <ANNOTATION_VALUE>Ik wéét het niet &amp; zo</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="translation" PARENT_REF="KM-spraak" PARTICIPANT="KM" TIER_ID="KM-vertaling">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a1">
                <ANNOTATION_VALUE>How are you now?</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="comment" PARENT_REF="KM-vertaling" TIER_ID="opmerkingen">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a5" ANNOTATION_REF="a4">
                <ANNOTATION_VALUE>vraag naar welzijn</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="words" PARENT_REF="Cliënt" PARTICIPANT=" " TIER_ID="Cliënt-woorden">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a6" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                <ANNOTATION_VALUE>Ik</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a7" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts5">
                <ANNOTATION_VALUE>wéét</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="utterance" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="translation" TIME_ALIGNABLE="false"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="comment" TIME_ALIGNABLE="false"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Time_Subdivision" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="words" TIME_ALIGNABLE="true"/>
    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138580-001" LANG_ID="nld" LANG_LABEL="Dutch (nld)"/>
    <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation's time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>
    <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>
</ANNOTATION_DOCUMENT>
`;

describe('fromEaf on a file made in ELAN', () => {
  it('reads every tier as transcript lines, REF_ANNOTATIONs at their parent time, unaligned slots interpolated', () => {
    expect(fromEaf(ELAN_MADE)).toEqual({
      mediaUrls: ['file:///C:/Onderzoek/gesprek%203.mp4', 'file:///C:/Onderzoek/gesprek%203.wav'],
      fragments: [],
      notes: [
        { timeSec: 1.25, kind: 'transcript', author: 'Onderzoeker A', speaker: 'KM', text: 'Hoe gaat het nu met je?' },
        { timeSec: 1.25, kind: 'transcript', author: '', speaker: 'KM', text: 'How are you now?' },
        { timeSec: 1.25, kind: 'transcript', author: '', speaker: 'opmerkingen', text: 'vraag naar welzijn' },
        { timeSec: 4.1, kind: 'transcript', author: '', speaker: 'Cliënt', text: 'Ik wéét het niet & zo' },
        { timeSec: 4.1, kind: 'transcript', author: '', speaker: 'Cliënt-woorden', text: 'Ik' },
        { timeSec: 6.6, kind: 'transcript', author: '', speaker: 'Cliënt-woorden', text: 'wéét' },
      ],
    });
  });

  it('reads a CRLF file with a BOM the same way', () => {
    expect(fromEaf(`\uFEFF${ELAN_MADE.replace(/\n/g, '\r\n')}`)).toEqual(fromEaf(ELAN_MADE));
  });
});

describe('fromEaf errors', () => {
  const doc = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT FORMAT="3.0"><HEADER TIME_UNITS="milliseconds"/>${body}</ANNOTATION_DOCUMENT>`;
  const slots = '<TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="500"/></TIME_ORDER>';
  const tier = (annotations: string) => `<TIER LINGUISTIC_TYPE_REF="lt" TIER_ID="t">${annotations}</TIER>`;
  const aligned = (id: string, r1: string, r2: string) =>
    `<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="${id}" TIME_SLOT_REF1="${r1}" TIME_SLOT_REF2="${r2}"><ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`;
  const ref = (id: string, parent: string) => `<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="${id}" ANNOTATION_REF="${parent}"><ANNOTATION_VALUE>y</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>`;

  it.each([
    ['malformed XML', '<ANNOTATION_DOCUMENT><HEADER></ANNOTATION_DOCUMENT>', /Not a usable ELAN \(\.eaf\) file: XML error at line 1, column \d+: unexpected close tag/],
    ['a truncated file', ELAN_MADE.slice(0, 2000), /XML error .*(unclosed tag|unexpected end)/],
    ['another XML document', '<?xml version="1.0"?><TextGrid/>', /the root element is <TextGrid>, expected <ANNOTATION_DOCUMENT>/],
    ['an unknown time slot', doc(slots + tier(aligned('a1', 'ts1', 'ts9'))), /annotation "a1" refers to time slot "ts9", which is not in TIME_ORDER/],
    ['a missing parent annotation', doc(slots + tier(aligned('a1', 'ts1', 'ts2') + ref('a2', 'a7'))), /annotation "a2" refers to annotation "a7", which does not exist/],
    ['a reference cycle', doc(slots + tier(ref('a1', 'a2') + ref('a2', 'a1'))), /refers to itself through a chain of references/],
    ['a duplicate annotation id', doc(slots + tier(aligned('a1', 'ts1', 'ts2') + aligned('a1', 'ts1', 'ts2'))), /annotation id "a1" is used twice/],
    ['a bad time value', doc('<TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1.5s"/></TIME_ORDER>'), /time slot "ts1" has TIME_VALUE "1\.5s", expected whole milliseconds/],
    ['a duplicate time slot id', doc('<TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1"/><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="2"/></TIME_ORDER>'), /time slot id "ts1" is used twice/],
    ['an annotation without id', doc(slots + tier('<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"/></ANNOTATION>')), /an annotation on tier "t" has no ANNOTATION_ID/],
    ['an annotation value nested 20 000 deep', doc(slots + tier(`<ANNOTATION>${'<b>'.repeat(20_000)}${'</b>'.repeat(20_000)}</ANNOTATION>`)), /nested more than 200 deep/],
    ['an unknown annotation element', doc(slots + tier('<ANNOTATION><SVG_ANNOTATION ANNOTATION_ID="a1"/></ANNOTATION>')), /unexpected <SVG_ANNOTATION> inside an ANNOTATION on tier "t"/],
  ])('rejects %s with EafParseError naming the problem', (_label, xml, message) => {
    expect(() => fromEaf(xml)).toThrow(EafParseError);
    expect(() => fromEaf(xml)).toThrow(message);
  });
});

describe('fragment values', () => {
  it.each([
    ['title, themes, valence', 'Doel [themes: shared-goal, authenticity] {valence: concern}', { title: 'Doel', themes: ['shared-goal', 'authenticity'], valence: 'concern', note: '' }],
    ['no themes', 'Doel [themes: ] {valence: positive}', { title: 'Doel', themes: [], valence: 'positive', note: '' }],
    ['a note on the next lines', 'Doel [themes: a] {valence: positive}\nregel 1\nregel 2', { title: 'Doel', themes: ['a'], valence: 'positive', note: 'regel 1\nregel 2' }],
    ['brackets in the title', 'A [themes: x] B [themes: y] {valence: positive}', { title: 'A [themes: x] B', themes: ['y'], valence: 'positive', note: '' }],
    ['an empty title', '[themes: a] {valence: positive}', { title: '', themes: ['a'], valence: 'positive', note: '' }],
    ['free text typed in ELAN', 'Mooi moment hier', { title: 'Mooi moment hier', themes: [], valence: 'positive', note: '' }],
    ['an unknown valence', 'X [themes: ] {valence: neutral}', { title: 'X', themes: [], valence: 'positive', note: '' }],
  ])('parses %s', (_label, value, expected) => {
    expect(parseFragmentValue(value)).toEqual(expected);
  });

  it('formats what it parses', () => {
    const f = { title: 'Titel [met] haken', themes: ['a', 'b'], valence: 'concern' as const, note: 'n' };
    expect(parseFragmentValue(formatFragmentValue(f))).toEqual(f);
    expect(formatFragmentValue({ ...f, title: 'twee\nregels' })).toMatch(/^twee regels \[themes/);
  });
});

describe('mediaMimeType', () => {
  it.each([
    ['a.MP4', 'video/mp4'],
    ['a.mov', 'video/quicktime'],
    ['a.mkv', 'video/x-matroska'],
    ['a.webm', 'video/webm'],
    ['a.avi', 'video/x-msvideo'],
    ['a.wav', 'audio/x-wav'],
    ['a.m4a', 'audio/mp4'],
    ['a.xyz', 'unknown'],
    ['geen-extensie', 'unknown'],
  ])('%s is %s', (name, mime) => {
    expect(mediaMimeType(name)).toBe(mime);
  });
});
