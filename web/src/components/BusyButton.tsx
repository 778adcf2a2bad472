import type { ButtonHTMLAttributes } from 'react';
import './busy-button.css';

/**
 * A button that stays focusable while its action runs. A disabled button drops keyboard focus
 * (to the page's start); this one is only `aria-disabled`, and a press meanwhile does nothing
 * (nor submits its form), so focus stays where the user was.
 */
export function BusyButton({
  busy,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      type="button"
      {...props}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
