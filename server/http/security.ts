import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { CSRF_HEADER } from '../../shared/api.ts';
import { ApiError } from './errors.ts';
import { SESSION_COOKIE, type Session, type SessionStore } from './sessions.ts';

/**
 * Middleware that keeps other websites and other people out: a Host check against DNS rebinding,
 * security headers, session lookup, and CSRF protection for state-changing calls.
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Returns the session of the request, which `requireSession` stored. */
export function sessionOf(res: Response): Session {
  const session = res.locals.session as Session | undefined;
  if (!session) {
    throw new Error('sessionOf() was called on a route without requireSession');
  }

  return session;
}

/**
 * Rejects a request whose Host header is not a loopback name with the listening port or one of
 * the configured public hosts (a name, which allows any port, or a name:port), before any handler runs. A DNS rebinding attack reaches the
 * loopback port with the attacker's host name, so it stops here.
 */
export function hostCheck(getPort: () => number, publicHosts: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const port = getPort();
    const allowed = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
    const hostName = host.replace(/:[0-9]+$/, '');
    if (allowed.includes(host) || publicHosts.includes(hostName) || publicHosts.includes(host)) {
      next();
      return;
    }

    next(
      new ApiError(
        'misdirected_host',
        `The Host header ${JSON.stringify(host)} is not one of this server's names (${[...allowed, ...publicHosts].join(', ')}). ` +
          'Open the workbench by one of those names, or add the name to WORKBENCH_PUBLIC_HOSTS',
      ),
    );
  };
}

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
};

/** Reads one cookie from the Cookie header without a dependency. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) {
      continue;
    }
    if (part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }

  return undefined;
}

export function setSessionCookie(req: Request, res: Response, cookieValue: string): void {
  const attributes = [`${SESSION_COOKIE}=${cookieValue}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (req.secure) {
    attributes.push('Secure');
  }
  res.append('Set-Cookie', attributes.join('; '));
}

/** Puts the caller's session in `res.locals.session`, or rejects the call with 401. */
export function requireSession(sessions: SessionStore): RequestHandler {
  return (req, res, next) => {
    const session = sessions.find(readCookie(req, SESSION_COOKIE));
    if (!session) {
      next(
        new ApiError(
          'session_required',
          'No valid session: load the workbench page first (it starts a session), or reload it if the session expired',
        ),
      );
      return;
    }
    res.locals.session = session;
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rejects state-changing calls from other websites before their body is read: the Origin, when
 * sent, must be this server's own, and Sec-Fetch-Site, when sent, must be same-origin. A page on
 * another port of the same host is same-site, so the SameSite=Strict cookie alone does not stop it.
 */
export const sameOriginCheck: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }

  const ownOrigin = `${req.protocol}://${req.headers.host ?? ''}`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) {
    next(
      new ApiError(
        'forbidden_origin',
        `Cross-site request rejected: Origin ${JSON.stringify(origin)} is not this workbench (${ownOrigin}). Use the workbench page itself`,
      ),
    );
    return;
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    next(new ApiError('forbidden_origin', `Cross-site request rejected: Sec-Fetch-Site is ${JSON.stringify(fetchSite)}`));
    return;
  }

  next();
};

/**
 * Protects state-changing calls of a session: the body must be JSON (a plain HTML form cannot
 * send that), and the CSRF token of the session must be in the x-csrf-token header.
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }

  if (mediaType(req.headers['content-type']) !== 'application/json') {
    next(
      new ApiError(
        'unsupported_media_type',
        `Content-Type must be application/json; got ${JSON.stringify(req.headers['content-type'] ?? '(none)')}`,
      ),
    );
    return;
  }
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !tokensMatch(sent, sessionOf(res).csrfToken)) {
    next(
      new ApiError(
        'csrf_failed',
        `Missing or wrong ${CSRF_HEADER} header: state-changing calls need the token that GET /api/session returns (reload the page)`,
      ),
    );
    return;
  }

  next();
};

/** Returns the media type of a Content-Type header, lower-cased and without parameters such as charset. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function tokensMatch(sent: string, expected: string): boolean {
  const sentBuffer = Buffer.from(sent);
  const expectedBuffer = Buffer.from(expected);

  return sentBuffer.length === expectedBuffer.length && timingSafeEqual(sentBuffer, expectedBuffer);
}
