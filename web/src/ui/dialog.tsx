import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import './dialog.css';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  /** The button that does the act ("Withdraw Harbor Greens"); say what happens, not "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** The act cannot be undone: the confirm button is styled as dangerous. */
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/**
 * A modal dialog on the native <dialog>: `showModal()` makes the rest of the page inert (focus stays
 * inside), Escape cancels, and focus returns to what had it before. Focus starts on the cancel
 * button, so a stray Enter does not do an irreversible act.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  actions,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children?: ReactNode;
  actions: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  useEffect(() => {
    if (open) return;
    const target = returnTo.current;
    returnTo.current = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="button-row dialog-actions">{actions}</div>
        </>
      ) : null}
    </dialog>
  );
}

interface Pending extends ConfirmOptions {
  resolve: (yes: boolean) => void;
}

/** Mounts the one confirmation dialog that `useConfirm()` opens. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback<Confirm>(
    (options) => new Promise<boolean>((resolve) => setPending({ ...options, resolve })),
    [],
  );
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={pending !== null}
        title={pending?.title ?? ''}
        onClose={() => answer(false)}
        actions={
          <>
            <button type="button" className="secondary" data-autofocus onClick={() => answer(false)}>
              {pending?.cancelLabel ?? 'Cancel'}
            </button>
            <button
              type="button"
              className={pending?.danger ? 'danger' : undefined}
              onClick={() => answer(true)}
            >
              {pending?.confirmLabel}
            </button>
          </>
        }
      >
        {typeof pending?.body === 'string' ? <p>{pending.body}</p> : pending?.body}
      </Dialog>
    </ConfirmContext.Provider>
  );
}

/** Asks before an act that cannot be undone: `if (await confirm({ title, confirmLabel })) act()`. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider above it');
  return confirm;
}
