import { lazy, Suspense, useEffect, useState } from 'react';
import type { PalettePage } from './palette-items.ts';
import './palette-launcher.css';

// The palette and its search load on first use, so the first page load does not carry them.
const CommandPalette = lazy(() =>
  import('./CommandPalette.tsx').then((module) => ({ default: module.CommandPalette })),
);

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The topbar's search button, and Ctrl-K / Cmd-K anywhere in the staff app. */
export function PaletteLauncher({ pages }: { pages: readonly PalettePage[] }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const handleKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((wasOpen) => !wasOpen);
      }
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="secondary palette-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        Jump to… <kbd>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <CommandPalette pages={pages} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
