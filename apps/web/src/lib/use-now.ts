import { useEffect, useState } from 'react';

/**
 * Now, as an instant, renewed every `everyMs`: on a screen left open the calendar's now-line
 * moves and past slots grey out, a task turns overdue when its time passes, and "today" turns
 * at the clinic's midnight, all without a reload.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
