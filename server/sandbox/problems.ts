/**
 * X's error bodies. Failed requests throw a SandboxProblem, and the one error handler in app.ts
 * writes it as `application/problem+json`. Errors that X returns with HTTP 200 (a user that is not
 * found or suspended) are plain objects that handlers put in `errors[]`.
 */

/** The problem type prefix of X's live responses; newer docs show https://api.x.com/2/problems/. */
export const PROBLEM_TYPE_PREFIX = 'https://api.twitter.com/2/problems/';

/** Sandbox-only response header that names why authentication or authorization failed. */
export const AUTH_ERROR_HEADER = 'x-sandbox-auth-error';

export type ProblemBody = Record<string, unknown>;

export class SandboxProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
    this.name = 'SandboxProblem';
  }
}

/** One entry of an invalid-request problem's `errors[]`. */
export interface ParameterError {
  parameters?: Record<string, string[]>;
  message: string;
}

export function invalidRequest(errors: ParameterError[]): SandboxProblem {
  return new SandboxProblem(400, {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEM_TYPE_PREFIX}invalid-request`,
  });
}

/** X's 401 body, which is the same for every cause, so the cause goes only in AUTH_ERROR_HEADER. */
export function unauthorized(reason: string): SandboxProblem {
  return new SandboxProblem(
    401,
    { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    { [AUTH_ERROR_HEADER]: reason },
  );
}

export function unsupportedAuthentication(): SandboxProblem {
  return new SandboxProblem(
    403,
    {
      title: 'Unsupported Authentication',
      detail:
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
      type: `${PROBLEM_TYPE_PREFIX}unsupported-authentication`,
      status: 403,
    },
    { [AUTH_ERROR_HEADER]: 'app_only_not_supported' },
  );
}

export function oauth1Permissions(): SandboxProblem {
  return new SandboxProblem(
    403,
    {
      title: 'Forbidden',
      detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
      type: `${PROBLEM_TYPE_PREFIX}oauth1-permissions`,
      status: 403,
    },
    { [AUTH_ERROR_HEADER]: 'read_only_app' },
  );
}

/**
 * Builds the 403 for an OAuth 2.0 token without the endpoint's scopes.
 * NOTE: X does not publish this body. The sandbox keeps X's problem shape with the client-forbidden
 * type, and its detail names the missing scopes.
 */
export function missingScopes(missing: readonly string[], required: readonly string[]): SandboxProblem {
  return new SandboxProblem(
    403,
    {
      title: 'Forbidden',
      detail: `Missing scopes: ${missing.join(' ')}. This endpoint needs the OAuth 2.0 scopes ${required.join(' ')}.`,
      type: `${PROBLEM_TYPE_PREFIX}client-forbidden`,
      status: 403,
    },
    { [AUTH_ERROR_HEADER]: 'missing_scopes' },
  );
}

/** X's body for an app that is not attached to a Project. It has no `status` field. */
export function clientForbidden(appId: string): SandboxProblem {
  return new SandboxProblem(
    403,
    {
      client_id: appId,
      detail:
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
      registration_url: 'https://developer.x.com/en/portal/product',
      title: 'Client Forbidden',
      required_enrollment: 'Appropriate Level of API Access',
      reason: 'client-not-enrolled',
      type: `${PROBLEM_TYPE_PREFIX}client-forbidden`,
    },
    { [AUTH_ERROR_HEADER]: 'client_not_enrolled' },
  );
}

export function tooManyRequests(): SandboxProblem {
  return new SandboxProblem(429, { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' });
}

export function payloadTooLarge(limitBytes: number): SandboxProblem {
  return new SandboxProblem(413, {
    title: 'Payload Too Large',
    type: 'about:blank',
    status: 413,
    detail: `The request body is larger than the sandbox accepts (${limitBytes} bytes).`,
  });
}

/**
 * Path that X's newer Postman export uses for "Authenticated User Lookup", though X documents the
 * endpoint as /2/users/me.
 */
const UNDOCUMENTED_ME_PATH = '/2/me';

export function routeNotFound(method: string, path: string, knownRoutes: readonly string[]): SandboxProblem {
  const detail =
    path === UNDOCUMENTED_ME_PATH
      ? `${method} ${path} is not an X API v2 endpoint. X documents the authenticated user lookup as GET /2/users/me, so change the path to /2/users/me.`
      : `No sandbox endpoint matches ${method} ${path}. It is not an X API v2 endpoint that the sandbox implements, so check the method and the path. The sandbox implements ${knownRoutes.join(', ')}.`;

  return new SandboxProblem(404, { title: 'Not Found Error', type: 'about:blank', status: 404, detail });
}

export function internalError(): SandboxProblem {
  return new SandboxProblem(500, {
    title: 'Internal Server Error',
    type: 'about:blank',
    status: 500,
    detail: 'The sandbox failed to handle this request. The sandbox log has the error.',
  });
}

export function misdirectedRequest(host: string, allowedHosts: readonly string[]): SandboxProblem {
  return new SandboxProblem(421, {
    title: 'Misdirected Request',
    detail: `The Host header ${JSON.stringify(host)} is not one this sandbox serves. Send the request to one of: ${allowedHosts.join(', ')}.`,
    type: 'about:blank',
    status: 421,
  });
}

/** An entry of `errors[]` in an HTTP 200 response, for a user that is not found or suspended. */
export interface ResourceError {
  value: string;
  detail: string;
  title: string;
  resource_type: 'user';
  parameter: string;
  resource_id: string;
  type: string;
}

export function userNotFound(parameter: string, value: string): ResourceError {
  return {
    value,
    detail: `Could not find user with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEM_TYPE_PREFIX}resource-not-found`,
  };
}

/** X reports a suspended user with title Forbidden but keeps the resource-not-found type. */
export function userSuspended(parameter: string, value: string): ResourceError {
  return {
    value,
    detail: `User has been suspended: [${value}].`,
    title: 'Forbidden',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEM_TYPE_PREFIX}resource-not-found`,
  };
}
