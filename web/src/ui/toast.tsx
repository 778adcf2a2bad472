import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import './toast.css';

export type ToastTone = 'success' | 'info' | 'error';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

type Show = (message: string, tone?: ToastTone) => void;

const ToastContext = createContext<Show | null>(null);

/** How long a toast stays: long enough to read a sentence, short enough not to pile up. */
const toastMs = 6000;

/**
 * Short notes after a write ("Application recorded"), read out by screen readers through a polite
 * live region that is always in the page (a region added with its text is often not announced).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (message, tone = 'success') => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, message, tone }]);
      setTimeout(() => dismiss(id), toastMs);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {toasts.map((toast) => (
            <div key={toast.id} className={`toast toast-${toast.tone}`}>
              <p>{toast.message}</p>
              <button
                type="button"
                className="toast-close"
                aria-label={`Dismiss: ${toast.message}`}
                onClick={() => dismiss(toast.id)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast('Decision created')`. */
export function useToast(): Show {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a ToastProvider above it');
  return show;
}
