import { ApiError } from '../../http/errors.ts';

/**
 * Limits sends per workspace per minute, so that a runaway loop in a script or a stuck key cannot
 * burn the user's X quota. A fixed one-minute window per workspace, kept in memory.
 */
export class SendRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one send for the workspace, or throws a `rate_limited` ApiError when the limit is reached. */
  take(workspaceId: string): void {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(workspaceId);
    if (!window || now - window.startedAt >= 60_000) {
      window = { startedAt: now, count: 0 };
      this.windows.set(workspaceId, window);
    }
    if (window.count >= this.perMinute) {
      const waitSeconds = Math.ceil((window.startedAt + 60_000 - now) / 1000);
      throw new ApiError(
        'rate_limited',
        `This workspace reached its limit of ${this.perMinute} sends per minute; wait ${waitSeconds} s. The limit guards your X quota against runaway loops (WORKBENCH_SENDS_PER_MINUTE sets it)`,
      );
    }
    window.count += 1;
  }

  /** Drops expired windows once the map grows, so memory stays bounded by the active workspaces. */
  private sweep(now: number): void {
    if (this.windows.size < 1000) {
      return;
    }
    for (const [workspaceId, window] of this.windows) {
      if (now - window.startedAt >= 60_000) {
        this.windows.delete(workspaceId);
      }
    }
  }
}
