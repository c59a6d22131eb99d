// Review mode: the fragments to replay, in agenda order or per theme, with what to ask.
import type { Language, Valence } from '../domain';
import { type Framework, themeById } from '../framework';
import { orderedItems, questionTexts } from './agenda-items';
import { comparePositiveFirst } from './fragment-order';
import type { Agenda, FragmentLike, RecordingLike, SharedFeedback } from './model';
import { fragmentTitle, recordingLabel } from './replay-labels';

export interface PlaylistEntry {
  /** The agenda item it comes from; null in a theme playlist. */
  agendaItemId: string | null;
  fragmentId: string;
  recordingId: string;
  /** "video 2" when the session has several recordings, else null. */
  recordingLabel: string | null;
  inSec: number;
  outSec: number;
  title: string;
  questions: string[];
  themeId: string | null;
  valence: Valence;
  /** Only what sharing.ts let into the agenda item. */
  feedback: SharedFeedback[];
}

/**
 * The agenda's fragment items in agenda order, skipping removed items and items whose fragment
 * or recording no longer exists. Times come from the fragment as it is now; title and
 * questions from the agenda item (the user may have edited them). Each fragment plays once.
 */
export function buildReviewPlaylist(
  agenda: Agenda,
  fragments: readonly FragmentLike[],
  recordings: readonly RecordingLike[],
): PlaylistEntry[] {
  const entries: PlaylistEntry[] = [];
  for (const item of orderedItems(agenda)) {
    if (item.removed || item.fragmentId === null) continue;
    if (entries.some((e) => e.fragmentId === item.fragmentId)) continue;
    const fragment = fragments.find((f) => f.id === item.fragmentId);
    if (!fragment || !recordings.some((r) => r.id === fragment.recordingId)) continue;
    entries.push({
      agendaItemId: item.id,
      fragmentId: fragment.id,
      recordingId: fragment.recordingId,
      recordingLabel: recordingLabel(recordings, fragment.recordingId, agenda.lang),
      inSec: fragment.inSec,
      outSec: fragment.outSec,
      title: item.title,
      questions: item.questions,
      themeId: item.themeId,
      valence: fragment.valence,
      feedback: item.feedback,
    });
  }
  return entries;
}

export interface ThemePlaylistOptions {
  lang?: Language;
  /** Whose fragments: those marked for the case manager (default), for the client, or all. */
  audience?: 'case-manager' | 'client' | 'all';
  /** For ordering by video and for "video 2" labels. */
  recordings?: readonly RecordingLike[];
}

/**
 * Every fragment tagged with the theme (as any of its themes, not only its first), positive
 * moments first, then by time, with the framework's per-fragment questions. Empty when the
 * framework doesn't know the theme.
 */
export function playlistForTheme(
  themeId: string,
  fragments: readonly FragmentLike[],
  framework: Framework,
  opts: ThemePlaylistOptions = {},
): PlaylistEntry[] {
  const lang = opts.lang ?? 'nl';
  const audience = opts.audience ?? 'case-manager';
  const recordings = opts.recordings ?? [];
  if (!themeById(framework, themeId)) return [];
  const questions = questionTexts(
    audience === 'client' ? framework.questionSets.interviewFragment : framework.questionSets.reflectionFragment,
    lang,
  );
  const wanted = (f: FragmentLike) =>
    audience === 'all' || (audience === 'client' ? f.forClient : f.forCaseManager);
  return fragments
    .filter((f) => f.themes.includes(themeId) && wanted(f))
    .sort(comparePositiveFirst(recordings))
    .map((f) => ({
      agendaItemId: null,
      fragmentId: f.id,
      recordingId: f.recordingId,
      recordingLabel: recordings.length > 0 ? recordingLabel(recordings, f.recordingId, lang) : null,
      inSec: f.inSec,
      outSec: f.outSec,
      title: fragmentTitle(f, lang),
      questions,
      themeId,
      valence: f.valence,
      feedback: [],
    }));
}
