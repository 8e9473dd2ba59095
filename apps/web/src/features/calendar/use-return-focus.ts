import { useCallback, useMemo, useRef } from 'react';

/**
 * Gives focus back to where it was when a dialog opened, once it closes. Mantine's dialogs do
 * this themselves only when they were mounted closed; the calendar's load on first use and
 * mount open.
 */
export function useReturnFocus(): {
  remember(): void;
  /** Back to where focus was; to `fallback` when that is gone (a cancelled block, say). */
  restore(fallback?: HTMLElement | null): void;
} {
  const origin = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement;
    origin.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
  const restore = useCallback((fallback?: HTMLElement | null) => {
    const target = origin.current;
    origin.current = null;
    // After the dialog has let go of focus.
    requestAnimationFrame(() => {
      if (target?.isConnected) target.focus();
      else if (target) fallback?.focus();
    });
  }, []);
  return useMemo(() => ({ remember, restore }), [remember, restore]);
}
