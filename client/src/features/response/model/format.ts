/** Formats a byte count as "512 B", "1.5 KB" or "2.25 MB" (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${trimZeros((bytes / 1024).toFixed(2))} KB`;
  }

  return `${trimZeros((bytes / (1024 * 1024)).toFixed(2))} MB`;
}

/** Formats a duration as whole milliseconds: "87 ms". */
export function formatDuration(milliseconds: number): string {
  return `${Math.round(milliseconds)} ms`;
}

export type StatusClass = 'success' | 'redirect' | 'client-error' | 'server-error' | 'other';

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) {
    return 'success';
  }
  if (status >= 300 && status < 400) {
    return 'redirect';
  }
  if (status >= 400 && status < 500) {
    return 'client-error';
  }
  if (status >= 500 && status < 600) {
    return 'server-error';
  }

  return 'other';
}

export function isRateLimitHeader(name: string): boolean {
  return name.toLowerCase().startsWith('x-rate-limit-');
}

/**
 * Explains an x-rate-limit-reset value (Unix epoch seconds) as a local time and a wait, such as
 * "14:05:00, in 12 min". Returns null for a value that is not a whole number of seconds.
 */
export function describeRateLimitReset(value: string, now: Date): string | null {
  if (!/^[0-9]{1,12}$/.test(value.trim())) {
    return null;
  }
  const reset = new Date(Number(value.trim()) * 1000);
  const seconds = Math.round((reset.getTime() - now.getTime()) / 1000);
  const time = reset.toLocaleTimeString();

  if (seconds <= 0) {
    return `${time}, already passed`;
  }
  if (seconds < 60) {
    return `${time}, in ${seconds} s`;
  }

  return `${time}, in ${Math.ceil(seconds / 60)} min`;
}

function trimZeros(text: string): string {
  return text.replace(/\.?0+$/, '');
}
