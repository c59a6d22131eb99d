import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  buildReflectionAgenda,
  buildReviewPlaylist,
  type ClientFeedback,
  type FragmentLike,
  playlistForTheme,
} from '../../../shared/method';
import { clientFeedback, counterIds, fragment, kijkwijzer, noIntake, video1, video2 } from './fixtures';

const fragments: FragmentLike[] = [
  fragment('goal', { forCaseManager: true, themes: ['shared-goal'], valence: 'positive', inSec: 10, outSec: 20 }),
  fragment('auth-concern', { forCaseManager: true, themes: ['authenticity'], valence: 'concern', inSec: 30, outSec: 45 }),
  fragment('auth-positive', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 400, outSec: 430 }),
  fragment('flow', { forCaseManager: true, themes: ['flow', 'authenticity'], valence: 'positive', inSec: 5, outSec: 8, recordingId: video2.id }),
  fragment('client-only', { forClient: true, themes: ['authenticity'], inSec: 1, outSec: 2 }),
];

const feedback: ClientFeedback[] = [
  clientFeedback('shared', { fragmentId: 'auth-positive', text: 'Hier voelde ik me gehoord.', isQuote: true }),
  clientFeedback('anon', { fragmentId: 'auth-concern', sharing: 'anonymous', isQuote: true, text: 'Cliënt A schaamde zich.' }),
  clientFeedback('private', { fragmentId: 'auth-concern', sharing: 'private', text: 'GEHEIM: ik loog.' }),
];

function agenda(): Agenda {
  return buildReflectionAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    intake: noIntake,
    fragments,
    notes: [],
    recordings: [video1, video2],
    feedback,
    clientLabel: 'Cliënt A',
    previousIntentions: [],
    newId: counterIds(),
  });
}

describe('buildReviewPlaylist', () => {
  it('plays the agenda fragments in agenda order, each once', () => {
    const playlist = buildReviewPlaylist(agenda(), fragments, [video1, video2]);
    // authenticity: positives first (flow on video 2 goes under authenticity: focused themes first)
    expect(playlist.map((e) => e.fragmentId)).toEqual(['auth-positive', 'flow', 'auth-concern', 'goal']);
    expect(playlist[1]).toMatchObject({ recordingId: 'rec-2', recordingLabel: 'video 2', inSec: 5, outSec: 8 });
    expect(playlist[0]?.questions).toHaveLength(4);
  });

  it('skips removed items, and fragments or recordings that are gone', () => {
    const a = agenda();
    const removed = { ...a, items: a.items.map((i) => (i.fragmentId === 'goal' ? { ...i, removed: true } : i)) };
    const withoutFlowRecording = buildReviewPlaylist(removed, fragments.filter((f) => f.id !== 'auth-concern'), [video1]);
    expect(withoutFlowRecording.map((e) => e.fragmentId)).toEqual(['auth-positive']);
  });

  it("uses the fragment's current times and the agenda item's (edited) title and questions", () => {
    const a = agenda();
    const edited = {
      ...a,
      items: a.items.map((i) => (i.fragmentId === 'goal' ? { ...i, title: 'Samen het doel', questions: ['Wat zie je?'], userEdited: true } : i)),
    };
    const moved = fragments.map((f) => (f.id === 'goal' ? { ...f, inSec: 12, outSec: 25 } : f));
    const entry = buildReviewPlaylist(edited, moved, [video1, video2]).find((e) => e.fragmentId === 'goal');
    expect(entry).toMatchObject({ inSec: 12, outSec: 25, title: 'Samen het doel', questions: ['Wat zie je?'] });
  });

  it('carries only the feedback the client allowed to travel', () => {
    const playlist = buildReviewPlaylist(agenda(), fragments, [video1, video2]);
    const byId = Object.fromEntries(playlist.map((e) => [e.fragmentId, e.feedback]));
    expect(byId['auth-positive']).toEqual([expect.objectContaining({ id: 'shared', attribution: 'Cliënt A', isQuote: true })]);
    expect(byId['auth-concern']).toEqual([
      expect.objectContaining({ id: 'anon', attribution: null, isQuote: false, paraphrase: true, text: '[cliënt] schaamde zich.' }),
    ]);
    expect(JSON.stringify(playlist)).not.toContain('GEHEIM');
    expect(JSON.stringify(playlist)).not.toContain('"private"');
  });
});

describe('playlistForTheme', () => {
  it("lists every fragment with the theme, among all its themes, for the case manager, positives first", () => {
    const playlist = playlistForTheme('authenticity', fragments, kijkwijzer, { recordings: [video1, video2] });
    expect(playlist.map((e) => e.fragmentId)).toEqual(['auth-positive', 'flow', 'auth-concern']);
    expect(playlist[0]).toMatchObject({ agendaItemId: null, themeId: 'authenticity', recordingLabel: 'video 1', feedback: [] });
    expect(playlist[0]?.questions[0]).toBe('Wat gebeurt er hier volgens jou?');
  });

  it('can list the fragments for the client, with the interview questions, in English', () => {
    const playlist = playlistForTheme('authenticity', fragments, kijkwijzer, { audience: 'client', lang: 'en' });
    expect(playlist.map((e) => e.fragmentId)).toEqual(['client-only']);
    expect(playlist[0]?.questions[0]).toBe('What, in your view, is happening here?');
    expect(playlist[0]?.recordingLabel).toBeNull();
  });

  it('can list all fragments with the theme', () => {
    expect(playlistForTheme('authenticity', fragments, kijkwijzer, { audience: 'all' })).toHaveLength(4);
  });

  it('is empty for a theme the framework does not know', () => {
    expect(playlistForTheme('nope', [fragment('x', { themes: ['nope'], forCaseManager: true })], kijkwijzer)).toEqual([]);
  });
});
