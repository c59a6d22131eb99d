// Progress of clip exports and showreels: a bar with cancel while ffmpeg works, then where the
// file was saved and a button that plays it in a small dialog (served as `/clips/<id>`, only
// for clips exported in this session).
import { useState } from 'react';
import type { ClipJobKind } from '../../../shared/contract';
import { call } from '../api';
import { Modal } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { dismissClipJob, useClipJobs, type ClipJobView } from './clip-jobs';
import './clips.css';

export function ClipProgress({ kind }: { kind: ClipJobKind }) {
  const jobs = useClipJobs(kind);
  const [playing, setPlaying] = useState<{ url: string; fileName: string } | null>(null);
  if (jobs.length === 0) return null;
  return (
    <>
      <ul className="clip-jobs" data-testid={`clip-jobs-${kind}`}>
        {jobs.map((job) => (
          <ClipJobRow key={job.jobId} job={job} onPlay={setPlaying} />
        ))}
      </ul>
      {playing && <ClipPlayerDialog url={playing.url} fileName={playing.fileName} onClose={() => setPlaying(null)} />}
    </>
  );
}

function ClipJobRow({ job, onPlay }: { job: ClipJobView; onPlay: (clip: { url: string; fileName: string }) => void }) {
  const { t, tDynamic } = useI18n();
  const { reportError } = useToasts();
  const busy = job.state === 'queued' || job.state === 'running';
  const percent = Math.round(job.progress * 100);
  const cancel = () => void call('clips.cancel', { jobId: job.jobId }).catch(reportError);

  return (
    <li className={`clip-job clip-job-${job.state}`} data-testid="clip-job" data-state={job.state}>
      <div className="clip-job-head">
        <span className="clip-job-label">{job.label || t(job.kind === 'showreel' ? 'clips.showreel' : 'clips.clip')}</span>
        {busy ? (
          <>
            <progress max={1} value={job.progress} aria-label={t('clips.progress', { label: job.label })} />
            <span className="clip-job-percent">{job.state === 'queued' ? t('clips.queued') : `${percent}%`}</span>
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="link clip-job-dismiss" aria-label={t('clips.dismiss')} onClick={() => dismissClipJob(job.jobId)}>
            ×
          </button>
        )}
      </div>
      {job.state === 'done' && (
        <>
          <p className="clip-job-saved" role="status" data-testid="clip-saved">
            {t('clips.savedTo', { path: job.path ?? '' })}
          </p>
          <div className="clip-job-files">
            {job.clips.map((clip) => (
              <button key={clip.id} type="button" onClick={() => onPlay(clip)} title={clip.fileName}>
                ▶ {job.clips.length > 1 ? t('clips.playFile', { file: clip.fileName }) : job.kind === 'showreel' ? t('clips.playShowreel') : t('clips.play')}
              </button>
            ))}
          </div>
        </>
      )}
      {job.warning && <p className="hint clip-job-warning">{tDynamic(`clips.warning.${job.warning}`, job.warning)}</p>}
      {job.state === 'cancelled' && <p className="hint">{t('clips.cancelled')}</p>}
      {job.state === 'failed' && job.error && (
        <p className="field-error" role="alert">
          {tDynamic(`error.${job.error.code}`, t('error.generic', { detail: job.error.message }))}
        </p>
      )}
    </li>
  );
}

export function ClipPlayerDialog({ url, fileName, onClose }: { url: string; fileName: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('clips.playerTitle', { file: fileName })} onClose={onClose} wide>
      <video className="clip-player" src={url} controls autoPlay preload="auto" data-testid="clip-video" />
      <div className="modal-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
