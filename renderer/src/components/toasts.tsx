// Short messages at the bottom of the window: confirmations, errors in plain Dutch, and
// "undo" after a delete.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

interface ToastApi {
  notify(toast: Omit<Toast, 'id'>): void;
  /** Shows any thrown error as a human message; logs the technical one in English. */
  reportError(error: unknown): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 7000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t, tDynamic } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);

  const notify = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );

  const reportError = useCallback(
    (error: unknown) => {
      console.error('[vkz]', error);
      const text =
        error instanceof ApiError
          ? tDynamic(`error.${error.error.code}`, t('error.generic', { detail: error.error.message }), error.error.params)
          : t('error.generic', { detail: error instanceof Error ? error.message : String(error) });
      notify({ kind: 'error', text });
    },
    [notify, t, tDynamic],
  );

  const api = useMemo(() => ({ notify, reportError }), [notify, reportError]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToasts outside ToastProvider');
  return value;
}
