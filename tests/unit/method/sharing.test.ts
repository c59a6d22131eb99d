import { describe, expect, it } from 'vitest';
import { type ClientFeedback, feedbackForOutside } from '../../../shared/method';
import { clientFeedback } from './fixtures';

describe('feedbackForOutside', () => {
  const quote = (sharing: ClientFeedback['sharing']) =>
    clientFeedback(`f-${sharing}`, {
      sharing,
      isQuote: true,
      text: 'Ik durfde niet te zeggen dat ik het niet begreep.',
      themeId: 'authenticity',
      fragmentId: 'frag-1',
      agendaItemId: 'interview-item-3',
    });

  it("keeps 'share' with its attribution and its quote", () => {
    expect(feedbackForOutside([quote('share')], 'Cliënt A')).toEqual([
      {
        id: 'f-share',
        agendaItemId: 'interview-item-3',
        fragmentId: 'frag-1',
        themeId: 'authenticity',
        text: 'Ik durfde niet te zeggen dat ik het niet begreep.',
        isQuote: true,
        paraphrase: false,
        attribution: 'Cliënt A',
      },
    ]);
  });

  it("falls back to the client's label when the speaker label is empty", () => {
    const [shared] = feedbackForOutside([clientFeedback('f', { speakerLabel: ' ' })], 'Cliënt B');
    expect(shared?.attribution).toBe('Cliënt B');
  });

  it("drops who said it for 'anonymous' and turns a quote into a paraphrase", () => {
    const [shared] = feedbackForOutside([quote('anonymous')], 'Cliënt A');
    expect(shared).toMatchObject({ id: 'f-anonymous', isQuote: false, paraphrase: true, attribution: null });
  });

  it("removes the client's name from anonymous text", () => {
    const f = clientFeedback('f', {
      sharing: 'anonymous',
      speakerLabel: 'Cliënt A',
      text: 'cliënt a vond het gesprek te snel; Cliënt A wil meer tijd.',
    });
    expect(feedbackForOutside([f], 'Cliënt A')[0]?.text).toBe('[cliënt] vond het gesprek te snel; [cliënt] wil meer tijd.');
    expect(feedbackForOutside([f], 'Cliënt A', 'en')[0]?.text).toBe('[client] vond het gesprek te snel; [client] wil meer tijd.');
  });

  it('marks anonymous summaries as no quote and not a converted quote', () => {
    const [shared] = feedbackForOutside([clientFeedback('f', { sharing: 'anonymous', isQuote: false })], 'Cliënt A');
    expect(shared).toMatchObject({ isQuote: false, paraphrase: false, attribution: null });
  });

  it("never lets 'private' out, nor anything with an unknown sharing value", () => {
    const unknown = { ...clientFeedback('f-odd'), sharing: 'public' } as unknown as ClientFeedback;
    const out = feedbackForOutside([quote('private'), unknown], 'Cliënt A');
    expect(out).toEqual([]);
    expect(JSON.stringify(feedbackForOutside([quote('private'), quote('share')], 'Cliënt A'))).not.toContain('f-private');
  });

  it('keeps the order of the feedback', () => {
    const out = feedbackForOutside(
      [clientFeedback('a'), clientFeedback('b', { sharing: 'private' }), clientFeedback('c', { sharing: 'anonymous' })],
      'Cliënt A',
    );
    expect(out.map((f) => f.id)).toEqual(['a', 'c']);
  });
});
