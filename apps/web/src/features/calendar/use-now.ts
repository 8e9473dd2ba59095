import { useEffect, useState } from 'react';

/**
 * Now, as an instant, renewed every `everyMs`: the now-line moves, past slots grey out and
 * "today" turns at the clinic's midnight on a screen left open.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
