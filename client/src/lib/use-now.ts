import { useEffect, useState } from 'react';

/** Returns the current time in milliseconds, updated every `intervalMs` while `active`, for live countdowns. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) {
      return;
    }
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);

    return () => window.clearInterval(timer);
  }, [active, intervalMs]);

  return now;
}
