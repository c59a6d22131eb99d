// "Voorbereidingspakket maken": a folder with one page and the fragments as clips that a case
// manager opens from disk (no install, no network), made from the reflection agenda or from every
// fragment with one theme. The researcher sees what goes in and its estimated size first, and
// can leave items out; the package is made in the background with progress and cancel.
import { useEffect, useState } from 'react';
import type { PackagePlan } from '../../../shared/contract';
import { type Framework, localText } from '../../../shared/framework';
import type { PackageSource } from '../../../shared/review-package';
import { call } from '../api';
import { registerClipJob } from '../clips/clip-jobs';
import { Modal } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { formatBytes, useCount, useErrorText } from '../exchange/use-error-text';
import './review-package.css';

/** The select's value: 'reflection', or a theme id. */
function sourceOf(key: string): PackageSource {
  return key === 'reflection' ? { kind: 'reflection' } : { kind: 'theme', themeId: key };
}

export function PackageMaker({ cycleId, framework, onClose }: { cycleId: string; framework: Framework | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { reportError } = useToasts();
  const count = useCount();
  const [sourceKey, setSourceKey] = useState('reflection');
  const [plan, setPlan] = useState<PackagePlan | null>(null);
  const [planError, setPlanError] = useState<unknown>(null);
  const [leaveOut, setLeaveOut] = useState<Set<string>>(new Set());
  const [starting, setStarting] = useState(false);
  const [asZip, setAsZip] = useState(false);
  const source = sourceOf(sourceKey);

  useEffect(() => {
    let live = true;
    setPlan(null);
    setPlanError(null);
    setLeaveOut(new Set());
    call('reviewPackage.plan', { cycleId, source: sourceOf(sourceKey) })
      .then((p) => live && setPlan(p))
      .catch((error: unknown) => live && setPlanError(error));
    return () => {
      live = false;
    };
  }, [cycleId, sourceKey]);

  const included = plan?.items.filter((i) => !leaveOut.has(i.id)) ?? [];
  const bytes = (plan?.pageBytes ?? 0) + included.reduce((sum, i) => sum + i.estimatedBytes, 0);
  const clips = included.filter((i) => i.clipLabel !== null).length;
  const toggle = (id: string, on: boolean) =>
    setLeaveOut((prev) => {
      const next = new Set(prev);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const make = async () => {
    setStarting(true);
    try {
      const { jobId, path } = await call('reviewPackage.make', { cycleId, source, leaveOut: [...leaveOut], asZip });
      if (jobId) {
        registerClipJob(jobId, 'package', t('package.jobLabel'), path);
        onClose();
      }
    } catch (error) {
      reportError(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Modal title={t('package.title')} onClose={onClose} wide>
      <p className="hint">{t('package.intro')}</p>
      <label className="stacked">
        {t('package.source')}
        <select value={sourceKey} onChange={(e) => setSourceKey(e.target.value)}>
          <option value="reflection">{t('package.sourceReflection')}</option>
          {framework?.themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {t('package.sourceTheme', { theme: localText(theme.label, lang) })}
            </option>
          ))}
        </select>
      </label>
      {planError !== null && <PlanError error={planError} />}
      {plan === null && planError === null && <p className="hint">{t('package.planning')}</p>}
      {plan && (
        <>
          <fieldset className="package-items">
            <legend>{t('package.items')}</legend>
            <ul>
              {plan.items.map((item, index) => (
                <li key={item.id}>
                  <label>
                    <input type="checkbox" checked={!leaveOut.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                    <span className="package-item-title">{item.title.trim() || t('agenda.untitled')}</span>
                    {item.clipLabel && (
                      <span className="package-item-clip">
                        {t('package.clip', { label: item.clipLabel, size: formatBytes(item.estimatedBytes, lang) })}
                      </span>
                    )}
                    {index === 0 || plan.items[index - 1]?.section !== item.section ? (
                      <span className="package-item-section">{item.section}</span>
                    ) : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label className="package-zip">
            <input type="checkbox" checked={asZip} onChange={(e) => setAsZip(e.target.checked)} />
            {t('package.asZip')}
          </label>
          <p className="package-size" data-testid="package-size" role="status">
            {t('package.size', { size: formatBytes(bytes, lang), items: count('items', included.length), clips: count('clips', clips) })}
          </p>
        </>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!plan || included.length === 0 || starting} onClick={() => void make()}>
          {t('package.make')}
        </button>
      </div>
    </Modal>
  );
}

function PlanError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return (
    <p className="field-error" role="alert">
      {errorText(error)}
    </p>
  );
}
