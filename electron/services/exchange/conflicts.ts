// Conflicts of project exchange: the same record changed on both sides since they last shared
// it. Each waits in exchange_conflicts with the incoming version ("theirs"); the local record
// ("mine") is untouched until the user chooses. This module shows both versions side by side
// and applies the choice.
import type { Language } from '../../../shared/domain';
import { kindLabel, valenceLabel } from '../../../shared/exchange/labels';
import { formatTimecode } from '../../../shared/timecode';
import type { MergeRecordType, Store, StoredConflict } from '../store';
import {
  ArchiveCycle,
  ArchiveFragment,
  ArchiveMethod,
  ArchiveNote,
  ArchiveRecording,
  ArchiveReportSettings,
  ArchiveTrajectory,
} from './archive-model';
import { parsePseudonyms } from './archive-import';
import { ExchangeError } from './exchange-error';
import { contentOf, hashContent, unitePseudonyms } from './merge-plan';

export interface ConflictField {
  name: string;
  value: string;
}
export interface ConflictVersion {
  author: string;
  updatedAt: string;
  deleted: boolean;
  fields: ConflictField[];
}
export interface ConflictView {
  id: string;
  recordType: MergeRecordType;
  recordId: string;
  archiveAuthor: string;
  archiveCreatedAt: string;
  foundAt: string;
  context: {
    trajectory: string;
    cycleNumber: number | null;
    cycleTitle: string | null;
    recordingPosition: number | null;
    timeSec: number | null;
  };
  /** null when the local record has gone meanwhile (its cycle or recording was deleted). */
  mine: ConflictVersion | null;
  theirs: ConflictVersion;
  /** Names of the fields whose values differ ("deleted" when one side deleted it). */
  differing: string[];
}

const SCHEMAS = {
  trajectory: ArchiveTrajectory,
  cycle: ArchiveCycle,
  recording: ArchiveRecording,
  note: ArchiveNote,
  fragment: ArchiveFragment,
  method: ArchiveMethod,
  report_settings: ArchiveReportSettings,
} as const;

type Theirs =
  | { type: 'trajectory'; record: ArchiveTrajectory }
  | { type: 'cycle'; record: ArchiveCycle }
  | { type: 'recording'; record: ArchiveRecording }
  | { type: 'note'; record: ArchiveNote }
  | { type: 'fragment'; record: ArchiveFragment }
  | { type: 'method'; record: ArchiveMethod }
  | { type: 'report_settings'; record: ArchiveReportSettings };

function theirsOf(conflict: StoredConflict): Theirs {
  const parsed = SCHEMAS[conflict.recordType].safeParse(conflict.theirs);
  if (!parsed.success) throw new ExchangeError('invalid-data', `Conflict ${conflict.id} holds an unreadable record`);
  return { type: conflict.recordType, record: parsed.data } as Theirs;
}

/** 6:11, or 6:11.50 when the time has a fraction (two versions may differ by less than a second). */
const time = (sec: number) => formatTimecode(sec, { fractionDigits: Number.isInteger(Math.round(sec * 100) / 100) ? 0 : 2 });

const yesNo = (value: boolean, lang: Language) => (value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no');

/** All string leaves of a value, for a readable summary of a method part. */
function summary(value: unknown, limit = 400): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.trim() !== '' && !/^[0-9a-f-]{36}$/i.test(v)) parts.push(v.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  const text = parts.join(' · ');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** A field as shown, with the raw value it was made from (compared to find what differs). */
type RawField = ConflictField & { raw: string };
type Fielded = { author: string; updatedAt: string; deleted: boolean; fields: RawField[] };

function versionOf(type: MergeRecordType, record: Record<string, unknown>, lang: Language): Fielded {
  const f = (name: string, value: string, raw: unknown = value): RawField => ({ name, value, raw: JSON.stringify(raw ?? null) });
  const base = { author: String(record.author ?? ''), updatedAt: String(record.updatedAt ?? ''), deleted: record.deletedAt != null };
  switch (type) {
    case 'trajectory':
      return { ...base, fields: [f('caseManager', String(record.caseManager)), f('client', String(record.client))] };
    case 'cycle':
      return { ...base, fields: [f('title', String(record.title)), f('date', String(record.date ?? ''))] };
    case 'recording':
      return { ...base, fields: [f('position', String(record.position))] };
    case 'note':
      return {
        ...base,
        fields: [
          f('time', time(Number(record.timeSec)), record.timeSec),
          f('kind', kindLabel(record.kind as never, lang), record.kind),
          f('speaker', String(record.speaker)),
          f('text', String(record.text)),
        ],
      };
    case 'fragment':
      return {
        ...base,
        fields: [
          f('in', time(Number(record.inSec)), record.inSec),
          f('out', time(Number(record.outSec)), record.outSec),
          f('title', String(record.title)),
          f('note', String(record.note)),
          f('valence', valenceLabel(record.valence as never, lang), record.valence),
          f('themes', (record.themes as string[]).join(', ')),
          f('forClient', yesNo(Boolean(record.forClient), lang)),
          f('forCaseManager', yesNo(Boolean(record.forCaseManager), lang)),
          f('still', record.stillSec == null ? '' : time(Number(record.stillSec)), record.stillSec ?? null),
        ],
      };
    case 'method': {
      const doc = (record.doc ?? {}) as Record<string, unknown>;
      const parts = Object.keys(doc).filter((k) => k !== 'cycleId');
      return { ...base, fields: parts.map((k) => f(`method.${k}`, summary(doc[k]), doc[k])) };
    }
    case 'report_settings':
      return { ...base, fields: [f('background', String(record.background))] };
  }
}

/** The local record a conflict is about, in the archive's shape (null when it is gone). */
function localRecord(store: Store, type: MergeRecordType, id: string): Record<string, unknown> | null {
  const ex = store.exchange;
  switch (type) {
    case 'trajectory':
      return ex.trajectory(id);
    case 'cycle':
      return store.cycles.get(id);
    case 'recording':
      return store.recordings.get(id);
    case 'note':
      return ex.note(id);
    case 'fragment':
      return ex.fragment(id);
    case 'method':
      return ex.method(id) as Record<string, unknown> | null;
    case 'report_settings':
      return ex.reportSettings(id) as Record<string, unknown> | null;
  }
}

function contextOf(store: Store, theirs: Theirs): ConflictView['context'] {
  const r = theirs.record as Record<string, unknown>;
  const cycleId = theirs.type === 'cycle' ? (r.id as string) : ((r.cycleId as string | undefined) ?? null);
  const cycle = cycleId ? store.cycles.get(cycleId) : null;
  const trajectoryId =
    theirs.type === 'trajectory' ? (r.id as string) : theirs.type === 'report_settings' ? (r.trajectoryId as string) : (cycle?.trajectoryId ?? null);
  const trajectory = trajectoryId ? store.trajectories.get(trajectoryId) : null;
  const recordingId = (r.recordingId as string | undefined) ?? null;
  const recording = recordingId ? store.recordings.get(recordingId) : null;
  return {
    trajectory: trajectory ? `${trajectory.caseManager} · ${trajectory.client}` : '',
    cycleNumber: cycle?.number ?? null,
    cycleTitle: cycle?.title ?? null,
    recordingPosition: recording?.position ?? null,
    timeSec: theirs.type === 'note' ? theirs.record.timeSec : theirs.type === 'fragment' ? theirs.record.inSec : null,
  };
}

export function describeConflict(store: Store, conflict: StoredConflict, lang: Language): ConflictView {
  const theirs = theirsOf(conflict);
  const local = localRecord(store, conflict.recordType, conflict.recordId);
  const theirsVersion = versionOf(conflict.recordType, theirs.record as Record<string, unknown>, lang);
  const mineVersion = local ? versionOf(conflict.recordType, local, lang) : null;
  const differing: string[] = [];
  if (mineVersion) {
    const mineValues = new Map(mineVersion.fields.map((x) => [x.name, x.raw]));
    const names = new Set([...mineVersion.fields.map((x) => x.name), ...theirsVersion.fields.map((x) => x.name)]);
    for (const name of names) {
      const theirsValue = theirsVersion.fields.find((x) => x.name === name)?.raw;
      if (mineValues.get(name) !== theirsValue) differing.push(name);
    }
    if (mineVersion.deleted !== theirsVersion.deleted) differing.push('deleted');
  }
  const shown = (v: Fielded): ConflictVersion => ({ ...v, fields: v.fields.map(({ name, value }) => ({ name, value })) });
  return {
    id: conflict.id,
    recordType: conflict.recordType,
    recordId: conflict.recordId,
    archiveAuthor: conflict.archiveAuthor,
    archiveCreatedAt: conflict.archiveCreatedAt,
    foundAt: conflict.foundAt,
    context: contextOf(store, theirs),
    mine: mineVersion && shown(mineVersion),
    theirs: shown(theirsVersion),
    differing,
  };
}

export function listConflicts(store: Store, lang: Language): ConflictView[] {
  return store.exchange.conflicts().map((c) => describeConflict(store, c, lang));
}

function strip<T extends { syncedHash: string | null }>(record: T): Omit<T, 'syncedHash'> {
  const { syncedHash: _synced, ...rest } = record;
  return rest;
}

/**
 * Applies the user's choice for one conflict. "theirs" writes the incoming version; "mine"
 * keeps the local one and stamps it (now, by `author`), so the other side takes it next time
 * without asking. Either way the merge log learns the incoming version.
 */
export function resolveConflict(store: Store, conflictId: string, take: 'theirs' | 'mine', author: string, now = () => new Date().toISOString()): void {
  store.transaction(() => {
    const conflict = store.exchange.conflict(conflictId);
    if (!conflict) throw new ExchangeError('conflict-not-found', `No conflict ${conflictId}`);
    const theirs = theirsOf(conflict);
    const ex = store.exchange;
    const stamp = { updatedAt: now(), author };
    let theirsContent: unknown;
    switch (theirs.type) {
      case 'trajectory': {
        const r = theirs.record;
        theirsContent = contentOf.trajectory(r);
        const mine = ex.trajectory(r.id);
        if (take === 'theirs') ex.putTrajectory(strip(r));
        else if (mine) ex.putTrajectory({ ...mine, ...stamp });
        break;
      }
      case 'cycle': {
        const r = theirs.record;
        theirsContent = contentOf.cycle(r);
        const mine = store.cycles.get(r.id);
        if (mine) ex.putCycle(take === 'theirs' ? { ...strip(r), number: mine.number } : { ...mine, ...stamp });
        break;
      }
      case 'recording': {
        const r = theirs.record;
        theirsContent = contentOf.recording(r);
        const mine = store.recordings.get(r.id);
        if (mine) {
          if (take === 'theirs') ex.setRecordingPosition(r.id, r.position, r.updatedAt, r.author);
          else ex.setRecordingPosition(r.id, mine.position, stamp.updatedAt, author);
          ex.renumberRecordings(mine.cycleId);
        }
        break;
      }
      case 'note': {
        const r = theirs.record;
        theirsContent = contentOf.note(r);
        const mine = ex.note(r.id);
        if (take === 'theirs') {
          if (store.recordings.get(r.recordingId)) ex.putNote(strip(r));
        } else if (mine) ex.putNote({ ...mine, ...stamp });
        break;
      }
      case 'fragment': {
        const r = theirs.record;
        theirsContent = contentOf.fragment(r);
        const mine = ex.fragment(r.id);
        if (take === 'theirs') {
          if (store.recordings.get(r.recordingId)) ex.putFragment(strip(r));
        } else if (mine) ex.putFragment({ ...mine, ...stamp });
        break;
      }
      case 'method': {
        const r = theirs.record;
        theirsContent = contentOf.method(r);
        const mine = ex.method(r.cycleId);
        if (take === 'theirs') {
          if (store.cycles.get(r.cycleId)) ex.putMethod(strip(r));
        } else if (mine) ex.putMethod({ ...mine, ...stamp });
        break;
      }
      case 'report_settings': {
        const r = theirs.record;
        theirsContent = contentOf.report_settings(r);
        const mine = ex.reportSettings(r.trajectoryId);
        const mineList = mine ? parsePseudonyms(mine.pseudonyms) : [];
        if (take === 'theirs') {
          if (store.trajectories.get(r.trajectoryId)) ex.putReportSettings({ ...strip(r), pseudonyms: unitePseudonyms(r.pseudonyms, mineList) });
        } else if (mine) ex.putReportSettings({ ...mine, pseudonyms: unitePseudonyms(mineList, r.pseudonyms), ...stamp });
        break;
      }
    }
    ex.setMergeLog(conflict.recordType, conflict.recordId, {
      contentHash: hashContent(theirsContent),
      updatedAt: theirs.record.updatedAt,
    });
    ex.deleteConflict(conflict.id);
  });
}
