// Short messages at the bottom of the window: confirmations, errors in plain Dutch, and
// "undo" after a delete. While a modal dialog is open they show at the foot of the dialog, below
// its buttons: the page behind a modal is dimmed and can't be clicked (a message there could not
// be read or closed), and a message laid over the dialog would hide its buttons on a small screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
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
/** Where an open modal wants the messages: a ref callback for its outlet element. */
const OutletContext = createContext<(element: HTMLElement | null) => (() => void) | undefined>(() => undefined);
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

  /** The outlets of the open modals, the newest (topmost) last. */
  const [outlets, setOutlets] = useState<HTMLElement[]>([]);
  const outletRef = useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    setOutlets((all) => [...all, element]);
    return () => setOutlets((all) => all.filter((x) => x !== element));
  }, []);
  const outlet = outlets.at(-1);
  // A dialog that scrolls shows a new message: it sits below the dialog's buttons, which stay in view.
  useEffect(() => {
    if (outlet && toasts.length > 0) outlet.scrollIntoView({ block: 'nearest' });
  }, [outlet, toasts]);

  const list = (
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
          <button type="button" className="toast-close" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      <OutletContext.Provider value={outletRef}>{children}</OutletContext.Provider>
      {outlet ? createPortal(list, outlet) : list}
    </ToastContext.Provider>
  );
}

/** For a modal dialog: the ref of the element its messages show in while it is open. */
export function useToastOutlet() {
  return useContext(OutletContext);
}

export function useToasts(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToasts outside ToastProvider');
  return value;
}
