// The method around one cycle: its record (steps, intake, agendas, client feedback, meeting
// outcome), the agendas assembled from the analysis, and review playlists. The assembly and
// the sharing rules are pure functions in shared/method; this only gathers their inputs.
import path from 'node:path';
import type { MethodView, PlaylistEntry, PlaylistSource } from '../../../shared/contract';
import type { Framework } from '../../../shared/framework';
import {
  applyConsentToSteps,
  buildInterviewAgenda,
  buildReflectionAgenda,
  buildReviewPlaylist,
  intentionsForNextCycle,
  isBlockedAgenda,
  methodWithLiveFeedback,
  newCycleMethod,
  playlistForTheme,
  type CycleMethod,
} from '../../../shared/method';
import { jointAnalysis } from '../../../shared/alignment';
import { createPseudonymiser } from '../../../shared/exchange/pseudonymise';
import { loadFrameworks } from '../frameworks/load-frameworks';
import type { Store } from '../store';
import { UserFacingError } from './errors';

const DEFAULT_FRAMEWORK_ID = 'kijkwijzer';

export interface MethodServiceOptions {
  store: Store;
  resourcesPath: string;
  dataDir: string;
  author: () => string;
}

export class MethodService {
  constructor(private readonly opts: MethodServiceOptions) {}

  view(cycleId: string): MethodView {
    const { store } = this.opts;
    const cycle = store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const trajectory = store.trajectories.get(cycle.trajectoryId);
    const previousCycle =
      store.cycles
        .listByTrajectory(cycle.trajectoryId)
        .filter((c) => c.number < cycle.number)
        .at(-1) ?? null;
    const previousOutcome = previousCycle ? store.methods.get(previousCycle.id)?.outcome : null;
    return {
      method: methodWithLiveFeedback(this.record(cycleId), trajectory?.client ?? '', store.settings.get().language),
      previousCycle,
      previousIntentions: intentionsForNextCycle(previousOutcome),
      clientLabel: trajectory?.client ?? '',
    };
  }

  update(cycleId: string, patch: Partial<Omit<CycleMethod, 'cycleId'>>): MethodView {
    const current = this.record(cycleId);
    const next: CycleMethod = { ...current, ...patch, cycleId };
    // Consent "no" skips the interview step (and says why); the page shows it at once.
    if (patch.intake) next.steps = applyConsentToSteps(next.steps, next.intake);
    this.opts.store.methods.save(next, this.opts.author());
    return this.view(cycleId);
  }

  async buildInterviewAgenda(cycleId: string): Promise<MethodView> {
    const method = this.record(cycleId);
    const analysis = this.analysis(cycleId);
    const agenda = buildInterviewAgenda(
      { ...analysis, framework: await this.framework(method.frameworkId), consent: method.intake.consent },
      method.interviewAgenda,
    );
    if (isBlockedAgenda(agenda)) {
      throw new UserFacingError('method.no-consent', 'The client did not consent to an interview');
    }
    return this.update(cycleId, { interviewAgenda: agenda });
  }

  async buildReflectionAgenda(cycleId: string): Promise<MethodView> {
    const method = this.record(cycleId);
    const { previousIntentions, clientLabel } = this.view(cycleId);
    const agenda = buildReflectionAgenda(
      {
        ...this.analysis(cycleId),
        framework: await this.framework(method.frameworkId),
        intake: method.intake,
        feedback: method.feedback,
        clientLabel,
        previousIntentions,
      },
      method.reflectionAgenda,
    );
    return this.update(cycleId, { reflectionAgenda: agenda });
  }

  /**
   * Review mode is a screen shown in a meeting: its texts are pseudonymised like an export, and
   * its feedback is what the client allows now (the agenda is read with live feedback).
   */
  async playlist(cycleId: string, source: PlaylistSource): Promise<PlaylistEntry[]> {
    const method = this.view(cycleId).method;
    const { fragments, recordings, lang } = this.analysis(cycleId);
    let entries: PlaylistEntry[];
    if (source.kind === 'theme') {
      const framework = await this.framework(method.frameworkId);
      entries = playlistForTheme(source.themeId, fragments, framework, { lang, audience: source.audience, recordings });
    } else {
      const agenda = source.kind === 'interview' ? method.interviewAgenda : method.reflectionAgenda;
      entries = agenda ? buildReviewPlaylist(agenda, fragments, recordings) : [];
    }
    const cycle = this.opts.store.cycles.get(cycleId);
    const p = createPseudonymiser(cycle ? this.opts.store.reportSettings.get(cycle.trajectoryId).pseudonyms : []);
    return entries.map((e) => ({
      ...e,
      title: p.pseudonymise(e.title),
      questions: e.questions.map(p.pseudonymise),
      recordingLabel: e.recordingLabel && p.pseudonymise(e.recordingLabel),
      feedback: e.feedback.map((f) => ({ ...f, text: p.pseudonymise(f.text), attribution: f.attribution && p.pseudonymise(f.attribution) })),
    }));
  }

  /** The framework the cycle's method uses. */
  async frameworkOfCycle(cycleId: string): Promise<Framework> {
    return this.framework(this.record(cycleId).frameworkId);
  }

  private record(cycleId: string): CycleMethod {
    return this.opts.store.methods.get(cycleId) ?? newCycleMethod(cycleId, DEFAULT_FRAMEWORK_ID);
  }

  /** What the agendas are built from: the joint analysis once the researchers started aligning. */
  private analysis(cycleId: string) {
    const { store } = this.opts;
    const joint = jointAnalysis(
      store.fragments.listByCycle(cycleId),
      store.notes.listByCycle(cycleId),
      store.alignments.listByCycle(cycleId),
    );
    return {
      lang: store.settings.get().language,
      fragments: joint.fragments,
      notes: joint.notes,
      recordings: store.recordings.listByCycle(cycleId),
    };
  }

  private async framework(id: string): Promise<Framework> {
    const { frameworks } = await loadFrameworks(
      path.join(this.opts.resourcesPath, 'frameworks'),
      path.join(this.opts.dataDir, 'frameworks'),
    );
    const found = frameworks.find((f) => f.id === id) ?? frameworks.find((f) => f.id === DEFAULT_FRAMEWORK_ID);
    if (!found) throw new UserFacingError('framework.not-found', `No framework ${id}`);
    return found;
  }
}
