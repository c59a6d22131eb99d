// Settings: the researcher's name (author of every note), the language, and optionally which
// ffmpeg/ffprobe to run: chosen in main's own file dialog and checked there, never typed here.
import { Fragment, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import type { Language, Settings } from '../../shared/domain';
import { call } from './api';
import { Modal } from './components/modal';
import { useToasts } from './components/toasts';
import { useI18n } from './i18n';
import { AboutDialog } from './about/about-dialog';
import { BackupsSection } from './settings/backups-section';
import { MediaToolsInfo } from './settings/media-tools-info';
import { useEditControl } from './startup/read-only';

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
  const [aboutOpen, setAboutOpen] = useState(false);
  const editControl = useEditControl();

  useEffect(() => {
    call('app.info', {}).then(setInfo).catch(reportError);
  }, [reportError]);

  const save = async () => {
    try {
      onSaved(await call('settings.update', { authorName: draft.authorName.trim(), language: draft.language }));
      onClose();
    } catch (error) {
      reportError(error);
    }
  };

  const binary = async (which: 'ffmpeg' | 'ffprobe', action: 'choose' | 'reset') => {
    try {
      const saved = await call(action === 'choose' ? 'settings.chooseBinary' : 'settings.resetBinary', { which });
      setDraft((d) => ({ ...d, ffmpegPath: saved.ffmpegPath, ffprobePath: saved.ffprobePath }));
      onSaved({ ...saved, authorName: settings.authorName, language: settings.language });
      setInfo(await call('app.info', {}));
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
        {(['ffmpeg', 'ffprobe'] as const).map((which) => {
          const chosen = which === 'ffmpeg' ? draft.ffmpegPath : draft.ffprobePath;
          return (
            <Fragment key={which}>
              <span id={`settings-${which}`}>{t(which === 'ffmpeg' ? 'settings.ffmpegPath' : 'settings.ffprobePath')}</span>
              <div className="settings-binary" role="group" aria-labelledby={`settings-${which}`}>
                <code data-testid={`settings-${which}-path`}>{chosen || t('settings.automatic')}</code>
                <button type="button" {...editControl()} onClick={() => void binary(which, 'choose')}>
                  {t('settings.chooseBinary')}
                </button>
                {chosen && (
                  <button type="button" {...editControl()} onClick={() => void binary(which, 'reset')}>
                    {t('settings.automatic')}
                  </button>
                )}
              </div>
            </Fragment>
          );
        })}
        {/* Its room is kept from the first render (app.info answers a moment later): the buttons below stay put. */}
        <div className="settings-info settings-tools" aria-busy={!info}>
          {info && (
            <>
              <p title={info.dataDir}>{t('settings.dataDir', { path: info.dataDir })}</p>
              <MediaToolsInfo info={info} />
            </>
          )}
        </div>
        <div className="settings-wide">
          <BackupsSection />
        </div>
        <div className="modal-actions">
          <button type="button" className="about-button" onClick={() => setAboutOpen(true)}>
            {t('about.open')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" {...editControl()}>
            {t('common.save')}
          </button>
        </div>
      </form>
      {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
    </Modal>
  );
}
