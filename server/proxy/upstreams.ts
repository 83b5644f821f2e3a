import { ApiError } from '../http/errors.ts';

/** The X API hosts that the proxy may always forward to. */
export const X_API_ORIGINS = ['https://api.x.com', 'https://api.twitter.com'] as const;

/**
 * Decides which base URLs the proxy may forward to: X's API hosts, the embedded sandbox and the
 * origins listed in WORKBENCH_ALLOWED_UPSTREAMS. Anything else is rejected before a connection is
 * made, so the proxy cannot be used as an open relay.
 */
export class UpstreamPolicy {
  private readonly origins: Set<string>;

  constructor(
    readonly sandboxOrigin: string,
    extraOrigins: readonly string[],
  ) {
    this.origins = new Set([...X_API_ORIGINS, sandboxOrigin, ...extraOrigins]);
  }

  /** Returns the allowed origins, as shown to the user. */
  list(): string[] {
    return [...this.origins];
  }

  /**
   * Returns the origin of `baseUrl` when it is allowed. Throws an `upstream_not_allowed` ApiError
   * that names the value and the fix otherwise.
   */
  requireAllowed(baseUrl: string, field: string): string {
    const problem = this.findProblem(baseUrl);
    if (problem) {
      throw new ApiError('upstream_not_allowed', `${field} ${problem}`, { field });
    }

    return new URL(baseUrl).origin;
  }

  private findProblem(baseUrl: string): string | null {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      return `must be a URL such as https://api.x.com; got ${JSON.stringify(baseUrl)}`;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return `must start with https:// (such as https://api.x.com); got the scheme ${JSON.stringify(url.protocol)}`;
    }
    if (url.username || url.password) {
      return `must not contain a user name or password; got ${JSON.stringify(redactUserinfo(url))}`;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      return `must be an origin without a path, query or fragment (use ${url.origin}); got ${JSON.stringify(baseUrl)}`;
    }
    if (!this.origins.has(url.origin)) {
      return (
        `${JSON.stringify(url.origin)} is not an allowed upstream. Allowed: ${this.list().join(', ')}. ` +
        'To allow another origin, add it to WORKBENCH_ALLOWED_UPSTREAMS (comma-separated) and restart the server'
      );
    }

    return null;
  }
}

function redactUserinfo(url: URL): string {
  const copy = new URL(url.href);
  copy.username = copy.username ? '***' : '';
  copy.password = copy.password ? '***' : '';

  return copy.href;
}

/**
 * Throws an `upstream_not_allowed` ApiError unless `path` is an X API v2 path that no server
 * rewrites: under /2/, with no "." or ".." segment and no backslash, also percent-encoded, so the
 * path that is signed and checked here is the path that the upstream serves.
 */
export function requireForwardablePath(origin: string, path: string): void {
  const normalized = new URL(path, origin).pathname;
  if (normalized !== path || /%5c/i.test(path) || path.split('/').some((segment) => isDotSegment(segment))) {
    throw new ApiError(
      'upstream_not_allowed',
      `The path ${JSON.stringify(path)} contains "." or ".." segments or a backslash, which would change it after signing (it resolves to ${JSON.stringify(normalized)}); remove them`,
    );
  }
  if (!path.startsWith('/2/')) {
    throw new ApiError('upstream_not_allowed', `Only X API v2 paths (under /2/) are forwarded; got ${JSON.stringify(path)}`);
  }
}

function isDotSegment(segment: string): boolean {
  const lowered = segment.toLowerCase().replaceAll('%2e', '.');

  return lowered === '.' || lowered === '..';
}
