// About VKZ: the versions of the app and what it is built on, with their licences.
import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../../shared/startup-contract';
import { call } from '../api';
import { Modal } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  useEffect(() => {
    call('app.about', {}).then(setAbout).catch(reportError);
  }, [reportError]);

  return (
    <Modal title={t('about.title')} onClose={onClose}>
      <div className="about">
        <img className="about-icon" src="/icon.svg" alt="" width={64} height={64} />
        <p>{t('about.tagline')}</p>
        {about && (
          <table className="about-versions">
            <thead>
              <tr>
                <th scope="col">{t('about.component')}</th>
                <th scope="col">{t('about.version')}</th>
                <th scope="col">{t('about.licence')}</th>
              </tr>
            </thead>
            <tbody>
              {about.components.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.version}</td>
                  <td>{c.name === 'VKZ' ? t('about.appLicence') : c.licence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {about?.ffmpeg && (
          <p className="settings-info">
            {about.ffmpeg.licenceFileShipped
              ? t('about.ffmpegLicenceShipped')
              : t('about.ffmpegLicenceReported', { path: about.ffmpeg.path, licence: about.ffmpeg.licence })}
          </p>
        )}
        {about && about.licenceTexts.length > 0 && (
          <section className="about-licences" aria-label={t('about.licenceTexts')}>
            {about.licenceTexts.map((licence) => (
              <details key={licence.title}>
                <summary>{licence.title}</summary>
                <pre className="about-licence-text">{licence.text}</pre>
              </details>
            ))}
          </section>
        )}
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
