// Aligning two researchers' analyses of a cycle (afstemmen): records each decision and the
// joint fragment or note it makes, undoes decisions, and exports the agreement table. What a
// decision makes is decided by the pure functions in shared/alignment; this checks the
// originals, writes the records in one transaction and names the joint author.
import { writeFile } from 'node:fs/promises';
import {
  ACTIONS_FOR,
  agreementTable,
  agreementToCsv,
  combineFragments,
  decisionFor,
  jointAuthor,
  jointRecordIds,
  mergeNoteTexts,
  takeVersion,
  validThreshold,
  type AlignmentAction,
  type AlignmentDecision,
  type AlignmentSubject,
  type JointFragmentDraft,
  type RangeChoice,
} from '../../../shared/alignment';
import type { Fragment, Language, Note } from '../../../shared/domain';
import { PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import { localText, themeById, type Framework } from '../../../shared/framework';
import type { FragmentPatch, Store } from '../store';
import type { RecordExport } from './export-log-service';
import { UserFacingError } from './errors';

export interface AlignmentServiceOptions {
  store: Store;
  author: () => string;
  framework: (cycleId: string) => Promise<Framework>;
  pickSavePath?: (options: { defaultName: string; extensions: string[] }) => Promise<string | null>;
  /** The export log: told once the agreement CSV is written. */
  recordExport?: RecordExport;
}

export interface DecideRequest {
  cycleId: string;
  subject: AlignmentSubject;
  /** The originals: a pair's left then right, a single fragment, or a group's notes. */
  sourceIds: string[];
  action: AlignmentAction;
  /** For "take": which of the originals. */
  takeId?: string;
  /** For "combine": the range of both, or what both marked. */
  range?: RangeChoice;
  comment?: string;
}

export class AlignmentService {
  constructor(private readonly opts: AlignmentServiceOptions) {}

  list(cycleId: string): AlignmentDecision[] {
    this.mustCycle(cycleId);
    return this.opts.store.alignments.listByCycle(cycleId);
  }

  decide(request: DecideRequest): AlignmentDecision {
    const { store } = this.opts;
    this.mustCycle(request.cycleId);
    const me = this.opts.author();
    return store.transaction(() => {
      if (!ACTIONS_FOR[request.subject].includes(request.action)) {
        throw new UserFacingError('alignment.bad-action', `"${request.action}" does not apply to ${request.subject}`);
      }
      const live = store.alignments.listByCycle(request.cycleId);
      const joint = jointRecordIds(live);
      for (const id of request.sourceIds) {
        if (joint.has(id)) throw new UserFacingError('alignment.joint-source', `${id} is itself a joint record`);
        if (decisionFor([id], live)) throw new UserFacingError('alignment.already-aligned', `${id} is already aligned; undo that first`);
      }
      const base = { cycleId: request.cycleId, subject: request.subject, sourceIds: request.sourceIds, action: request.action, comment: request.comment ?? '' };
      if (request.subject === 'fragments') {
        const sources = request.sourceIds.map((id) => this.mustFragment(id, request.cycleId));
        const recordingId = sameRecording(sources);
        const authors = [...new Set(sources.map((f) => f.author))];
        const draft = this.fragmentDraft(request, sources);
        const result = draft
          ? store.fragments.create({ ...draft, cycleId: request.cycleId, recordingId }, jointAuthor(authors))
          : null;
        return store.alignments.create({ ...base, recordingId, resultId: result?.id ?? null, authors }, me);
      }
      const sources = request.sourceIds.map((id) => this.mustNote(id, request.cycleId));
      const recordingId = sameRecording(sources);
      const authors = [...new Set(sources.map((n) => n.author))];
      let resultId: string | null = null;
      if (request.action === 'merge') {
        const first = [...sources].sort((a, b) => a.timeSec - b.timeSec)[0]!;
        resultId = store.notes.create(
          { cycleId: request.cycleId, recordingId, timeSec: first.timeSec, kind: first.kind, text: mergeNoteTexts(sources), speaker: first.speaker },
          jointAuthor(authors),
        ).id;
      }
      return store.alignments.create({ ...base, recordingId, resultId, authors }, me);
    });
  }

  /** Edits a decision's joint fragment; it stays written by "samen". */
  editResult(decisionId: string, patch: FragmentPatch): Fragment {
    const { store } = this.opts;
    return store.transaction(() => {
      const decision = store.alignments.get(decisionId);
      if (!decision) throw new UserFacingError('alignment.not-found', `No alignment decision ${decisionId}`);
      if (decision.subject !== 'fragments' || decision.resultId === null) {
        throw new UserFacingError('alignment.no-result', `Decision ${decisionId} made no joint fragment`);
      }
      const updated = store.fragments.update(decision.resultId, patch, jointAuthor(decision.authors));
      store.alignments.touch(decisionId, undefined, this.opts.author());
      return updated;
    });
  }

  setComment(decisionId: string, comment: string): AlignmentDecision {
    return this.opts.store.alignments.touch(decisionId, comment, this.opts.author());
  }

  /** Undoes a decision: it and its joint record are deleted (soft, so undo merges too); the originals are untouched. */
  undo(decisionId: string): { done: true } {
    const { store } = this.opts;
    const me = this.opts.author();
    store.transaction(() => {
      const decision = store.alignments.get(decisionId);
      if (!decision) throw new UserFacingError('alignment.not-found', `No alignment decision ${decisionId}`);
      if (decision.resultId !== null) {
        if (decision.subject === 'fragments' && store.fragments.get(decision.resultId)) store.fragments.delete(decision.resultId, me);
        if (decision.subject === 'notes' && store.notes.get(decision.resultId)) store.notes.delete(decision.resultId, me);
      }
      store.alignments.delete(decisionId, me);
    });
    return { done: true };
  }

  /** The agreement table as CSV, pseudonymised; main asks where to save. path null: cancelled. */
  async exportAgreement(request: {
    cycleId: string;
    left: string;
    right: string;
    threshold: number;
    separator?: ';' | ',';
  }): Promise<{ path: string | null }> {
    const { store } = this.opts;
    const cycle = this.mustCycle(request.cycleId);
    const lang: Language = store.settings.get().language;
    const framework = await this.opts.framework(request.cycleId);
    const decisions = store.alignments.listByCycle(request.cycleId);
    const joint = jointRecordIds(decisions);
    const threshold = validThreshold(request.threshold);
    const rows = agreementTable({
      recordings: store.recordings.listByCycle(request.cycleId).map((r) => ({ id: r.id, durationSec: r.media.durationSec })),
      fragments: store.fragments.listByCycle(request.cycleId).filter((f) => !joint.has(f.id)),
      authors: { left: request.left, right: request.right },
      threshold,
      themeIds: framework.themes.map((t) => t.id),
    });
    let csv: string;
    try {
      csv = agreementToCsv({
        rows,
        authors: { left: request.left, right: request.right },
        threshold,
        lang,
        themeLabel: (id) => {
          const theme = themeById(framework, id);
          return theme ? localText(theme.short, lang) : id;
        },
        pseudonyms: store.reportSettings.get(cycle.trajectoryId).pseudonyms,
        separator: request.separator,
      });
    } catch (error) {
      if (error instanceof PseudonymisationError) {
        const names = [...new Set(error.findings.flatMap((f) => f.names))];
        throw new UserFacingError('report.name-left', error.message, { names: names.join(', ') });
      }
      throw error;
    }
    if (!this.opts.pickSavePath) throw new UserFacingError('exchange.no-dialog', 'This shell has no save dialog');
    const chosen = await this.opts.pickSavePath({ defaultName: `overeenstemming-cyclus-${cycle.number}.csv`, extensions: ['csv'] });
    if (!chosen) return { path: null };
    const target = chosen.toLowerCase().endsWith('.csv') ? chosen : `${chosen}.csv`;
    try {
      await writeFile(target, csv, 'utf8');
    } catch (error) {
      throw new UserFacingError('exchange.write-failed', `Could not write ${target}: ${(error as Error).message}`, { path: target });
    }
    this.opts.recordExport?.({ trajectoryId: cycle.trajectoryId, what: 'agreement', scope: `cycle:${cycle.number}`, format: 'csv', destination: target });
    return { path: target };
  }

  private fragmentDraft(request: DecideRequest, sources: Fragment[]): JointFragmentDraft | null {
    switch (request.action) {
      case 'take': {
        const taken = sources.find((f) => f.id === request.takeId);
        if (!taken) throw new UserFacingError('alignment.bad-take', 'The version to take is not one of the pair');
        return takeVersion(taken);
      }
      case 'combine':
        return combineFragments(sources, request.range ?? 'union');
      default:
        return null;
    }
  }

  private mustCycle(cycleId: string) {
    const cycle = this.opts.store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    return cycle;
  }

  private mustFragment(id: string, cycleId: string): Fragment {
    const fragment = this.opts.store.fragments.get(id);
    if (!fragment || fragment.cycleId !== cycleId) throw new UserFacingError('alignment.source-gone', `No fragment ${id} in this cycle`);
    return fragment;
  }

  private mustNote(id: string, cycleId: string): Note {
    const note = this.opts.store.notes.get(id);
    if (!note || note.cycleId !== cycleId) throw new UserFacingError('alignment.source-gone', `No note ${id} in this cycle`);
    return note;
  }
}

function sameRecording(records: readonly { recordingId: string }[]): string {
  const ids = new Set(records.map((r) => r.recordingId));
  const [only] = ids;
  if (ids.size !== 1 || only === undefined) throw new UserFacingError('alignment.two-recordings', 'The records to align lie in different recordings');
  return only;
}
