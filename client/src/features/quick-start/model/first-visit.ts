/**
 * Remembers whether the quick start was shown, as one boolean in localStorage, so that it opens by
 * itself only on the first visit. Nothing else is stored.
 */
const SEEN_KEY = 'x-api-workbench.quick-start-seen';

export function hasSeenQuickStart(): boolean {
  try {
    return window.localStorage.getItem(SEEN_KEY) === 'true';
  } catch {
    // Storage can be disabled; the quick start then opens on every visit, which is harmless.
    return false;
  }
}

export function markQuickStartSeen(): void {
  try {
    window.localStorage.setItem(SEEN_KEY, 'true');
  } catch {
    // See hasSeenQuickStart.
  }
}
