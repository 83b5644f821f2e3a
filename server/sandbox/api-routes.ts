/**
 * Mounts the X API v2 endpoints. Every request runs the same steps: authenticate, authorize, count
 * against the rate limit, then let the endpoint parse and respond. Every response, errors included,
 * carries the x-rate-limit-* headers of the endpoint's bucket.
 */
import express, { type Express, type Request, type Response } from 'express';

import { authenticate, authorize, rawQuery, type Caller } from './auth.ts';
import type { Endpoint } from './endpoint.ts';
import { followEndpoint, followersEndpoint, followingEndpoint, unfollowEndpoint } from './follows-endpoints.ts';
import { tooManyRequests } from './problems.ts';
import { rateLimitBucketKey, type EndpointName, type RateLimitStatus } from './rate-limit.ts';
import type { SandboxState } from './state.ts';
import {
  meEndpoint,
  userByIdEndpoint,
  userByUsernameEndpoint,
  usersByIdsEndpoint,
  usersByUsernamesEndpoint,
} from './users-endpoints.ts';

/** Maximum request body size in bytes; the follow body needs about 40. */
export const MAX_BODY_BYTES = 16_384;

/**
 * Express tries routes in this order. /2/users/me and /2/users/by come before /2/users/:id, so that
 * `me` and `by` are never read as an ID.
 */
export const ENDPOINTS: readonly Endpoint[] = [
  meEndpoint,
  usersByUsernamesEndpoint,
  userByUsernameEndpoint,
  usersByIdsEndpoint,
  userByIdEndpoint,
  followEndpoint,
  unfollowEndpoint,
  followingEndpoint,
  followersEndpoint,
];

/** Bucket that requests without valid credentials report; they are not counted against any caller. */
const UNAUTHENTICATED_CALLER_ID = 'unauthenticated';

function bucketKeyFor(endpoint: EndpointName, caller: Caller): string {
  return caller.kind === 'user'
    ? rateLimitBucketKey(endpoint, 'user', caller.userId)
    : rateLimitBucketKey(endpoint, 'app', caller.app.appId);
}

function setRateLimitHeaders(response: Response, status: RateLimitStatus): void {
  response.set('x-rate-limit-limit', String(status.limit));
  response.set('x-rate-limit-remaining', String(status.remaining));
  response.set('x-rate-limit-reset', String(status.resetSeconds));
}

export function mountApiRoutes(app: Express, state: SandboxState): void {
  const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

  for (const endpoint of ENDPOINTS) {
    const reportUnauthenticatedLimit = (_request: Request, response: Response, next: () => void) => {
      setRateLimitHeaders(response, state.rateLimiter.peek(rateLimitBucketKey(endpoint.name, 'user', UNAUTHENTICATED_CALLER_ID)));
      next();
    };

    const handle = (request: Request, response: Response) => {
      const caller = authenticate(request, state);
      const bucketKey = bucketKeyFor(endpoint.name, caller);
      setRateLimitHeaders(response, state.rateLimiter.peek(bucketKey));

      authorize(caller, endpoint);

      const { allowed, status } = state.rateLimiter.consume(bucketKey);
      setRateLimitHeaders(response, status);
      if (!allowed) {
        throw tooManyRequests();
      }

      const body = endpoint.respond(
        {
          rawQuery: rawQuery(request),
          params: request.params as Record<string, string>,
          contentType: request.headers['content-type'],
          body: Buffer.isBuffer(request.body) ? request.body : undefined,
        },
        caller,
        state,
      );
      response.status(200).json(body);
    };

    app.route(endpoint.path)[endpoint.method](reportUnauthenticatedLimit, readBody, handle);
  }
}

/** Describes the implemented routes for the 404 message, such as "GET /2/users/me". */
export function describeRoutes(): string[] {
  return ENDPOINTS.map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`);
}
