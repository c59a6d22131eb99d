// Settings: the researcher's name (author of every note), the language, and optional ffmpeg paths.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import type { Language, Settings } from '../../shared/domain';
import { call } from './api';
import { Modal } from './components/modal';
import { useToasts } from './components/toasts';
import { useI18n } from './i18n';

export function SettingsDialog({
  settings,
  onSaved,
  onClose,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const [draft, setDraft] = useState(settings);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    call('app.info', {}).then(setInfo).catch(reportError);
  }, [reportError]);

  const save = async () => {
    try {
      onSaved(await call('settings.update', { ...draft, authorName: draft.authorName.trim() }));
      onClose();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Modal title={t('settings.title')} onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor="settings-name">{t('settings.authorName')}</label>
        <input
          id="settings-name"
          value={draft.authorName}
          autoFocus
          placeholder={t('settings.authorNamePlaceholder')}
          onChange={(e) => setDraft({ ...draft, authorName: e.target.value })}
        />
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={draft.language}
          onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}
        >
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
        <label htmlFor="settings-ffmpeg">{t('settings.ffmpegPath')}</label>
        <input
          id="settings-ffmpeg"
          value={draft.ffmpegPath}
          placeholder={t('settings.automatic')}
          onChange={(e) => setDraft({ ...draft, ffmpegPath: e.target.value })}
        />
        <label htmlFor="settings-ffprobe">{t('settings.ffprobePath')}</label>
        <input
          id="settings-ffprobe"
          value={draft.ffprobePath}
          placeholder={t('settings.automatic')}
          onChange={(e) => setDraft({ ...draft, ffprobePath: e.target.value })}
        />
        {info && (
          <p className="settings-info">
            {t('settings.dataDir', { path: info.dataDir })}
            <br />
            {info.ffmpeg.ok ? t('settings.ffmpegFound', { detail: info.ffmpeg.detail }) : t('settings.ffmpegMissing', { detail: info.ffmpeg.detail })}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
