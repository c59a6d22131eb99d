// The client interview: its agenda (general questions, the fragments for the client, the analysts'
// questions for the client, the closing) and, per agenda item, what the client said, with the
// client's choice of what may be passed on. Without consent there is no interview: the agenda
// cannot be opened and the page says why.
import type { MethodView } from '../../../shared/contract';
import type { Framework } from '../../../shared/framework';
import type { AgendaItem, ClientFeedback } from '../../../shared/method';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { goTo, hrefFor } from '../route';
import { AgendaEditor } from './agenda-editor';
import { DateField } from './date-field';
import type { FeedbackUpdate } from './feedback-entry';
import { InterviewRecord } from './interview-record';
import type { MethodActions } from './use-method';
import { useEditControl } from '../startup/read-only';

export function InterviewPage({
  cycleId,
  view,
  actions,
  framework,
  onPlay,
}: {
  cycleId: string;
  view: MethodView;
  actions: MethodActions;
  framework: Framework | null;
  onPlay: (item: AgendaItem) => void;
}) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const editControl = useEditControl();
  const { method, clientLabel } = view;
  const { intake, interviewAgenda: agenda } = method;

  if (intake.consent === 'no') {
    return (
      <section className="card blocked-card" role="note" aria-labelledby="interview-blocked-title" data-testid="interview-blocked">
        <h2 id="interview-blocked-title">{t('interview.blockedTitle')}</h2>
        <p>{t('interview.blockedText')}</p>
        <p className="blocked-reason">
          <strong>{t('interview.skipReason')}</strong>{' '}
          {intake.skipReason.trim() !== '' ? intake.skipReason : t('interview.noSkipReason')}
        </p>
        <p>
          <a href={hrefFor({ screen: 'cycle', cycleId, view: 'cycle' })}>{t('interview.changeConsent')}</a>
        </p>
      </section>
    );
  }

  const addFeedback = (item: AgendaItem | null) => {
    const entry: ClientFeedback = {
      id: globalThis.crypto.randomUUID(),
      agendaItemId: item?.id ?? null,
      fragmentId: item?.fragmentId ?? null,
      themeId: item?.themeId ?? null,
      text: '',
      isQuote: false,
      // Nothing leaves the interview unless the client said it may.
      sharing: 'private',
      speakerLabel: '',
    };
    actions.change((m) => ({ feedback: [...m.feedback, entry] }));
  };
  const updateFeedback = (id: string, update: FeedbackUpdate, opts?: { typing?: boolean }) =>
    actions.change((m) => ({ feedback: m.feedback.map((f) => (f.id === id ? { ...f, ...update } : f)) }), opts);
  const deleteFeedback = (entry: ClientFeedback) => {
    const at = method.feedback.findIndex((f) => f.id === entry.id);
    actions.change((m) => ({ feedback: m.feedback.filter((f) => f.id !== entry.id) }));
    notify({
      kind: 'info',
      text: t('feedback.deleted'),
      action: {
        label: t('common.undo'),
        run: () =>
          actions.change((m) => {
            const feedback = [...m.feedback];
            feedback.splice(Math.min(at, feedback.length), 0, entry);
            return { feedback };
          }),
      },
    });
  };

  const activeIds = new Set(agenda?.items.filter((i) => !i.removed).map((i) => i.id) ?? []);
  const loose = method.feedback.filter((f) => f.agendaItemId === null || !activeIds.has(f.agendaItemId));
  const counts = {
    share: method.feedback.filter((f) => f.sharing === 'share').length,
    anonymous: method.feedback.filter((f) => f.sharing === 'anonymous').length,
    private: method.feedback.filter((f) => f.sharing === 'private').length,
  };
  const record = (entries: ClientFeedback[], item: AgendaItem | null, title?: string) => (
    <InterviewRecord
      entries={entries}
      title={title}
      framework={framework}
      clientLabel={clientLabel}
      onAdd={() => addFeedback(item)}
      onUpdate={updateFeedback}
      onDelete={deleteFeedback}
      onFlush={() => void actions.flush()}
      addLabel={item ? undefined : t('feedback.addGeneral')}
    />
  );

  return (
    <div className="method-page-body">
      <section className="card" aria-labelledby="interview-title">
        <div className="card-head">
          <h2 id="interview-title">{t('interview.title')}</h2>
          <div className="button-row">
            <button type="button" className={agenda ? '' : 'primary'} onClick={() => void actions.buildAgenda('interview')} {...editControl()}>
              {agenda ? t('agenda.regenerate') : t('agenda.build')}
            </button>
            {agenda && (
              <button type="button" onClick={() => goTo({ screen: 'review', cycleId, source: { kind: 'interview' } })}>
                ▶ {t('agenda.reviewMode')}
              </button>
            )}
            <DateField
              label={t('interview.date')}
              value={method.interviewDate}
              onChange={(interviewDate) => actions.change(() => ({ interviewDate }))}
            />
          </div>
        </div>
        {intake.consent === 'not-asked' && (
          <p className="notice" data-testid="consent-not-asked">
            {t('interview.consentNotAsked')}{' '}
            <a href={hrefFor({ screen: 'cycle', cycleId, view: 'cycle' })}>{t('interview.changeConsent')}</a>
          </p>
        )}
        <p className="hint">{agenda ? t('agenda.regenerateHint') : t('interview.buildHint')}</p>
        {method.feedback.length > 0 && (
          <p className="privacy-summary" data-testid="privacy-summary">
            {t('interview.privacySummary', counts)}
          </p>
        )}
      </section>

      {agenda && (
        <AgendaEditor
          agenda={agenda}
          framework={framework}
          label={t('interview.agendaLabel')}
          onChange={(update, opts) =>
            actions.change((m) => (m.interviewAgenda ? { interviewAgenda: update(m.interviewAgenda) } : {}), opts)
          }
          onFlush={() => void actions.flush()}
          onPlay={onPlay}
          renderItemExtra={(item) =>
            record(
              method.feedback.filter((f) => f.agendaItemId === item.id),
              item,
              t('feedback.whatClientSaid'),
            )
          }
        />
      )}

      {(agenda || loose.length > 0) && (
        <section className="card" aria-labelledby="loose-feedback-title" data-testid="loose-feedback">
          <h3 id="loose-feedback-title">{t('feedback.looseTitle')}</h3>
          <p className="hint">{t('feedback.looseHint')}</p>
          {record(loose, null)}
        </section>
      )}
    </div>
  );
}
