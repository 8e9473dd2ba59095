import { useEffect, useState } from 'react';

/**
 * The time now, moved on every `intervalMs`: a list left open at the desk turns a task
 * overdue when its time passes, without a reload.
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
