/** The shape of one API endpoint: its route, who may call it, and its parse and handle steps. */
import type { Caller } from './auth.ts';
import type { OAuth2Scope } from './oauth2/scopes.ts';
import type { EndpointName } from './rate-limit.ts';
import type { SandboxState } from './state.ts';

/** Parts of the HTTP request that an endpoint's parse step reads. */
export interface ApiRequest {
  /** Query string as sent, without the `?`. */
  rawQuery: string;
  /** Path parameters, percent-decoded by Express. */
  params: Readonly<Record<string, string>>;
  contentType: string | undefined;
  /** Raw body, or undefined when the request had none. */
  body: Buffer | undefined;
}

interface EndpointInfo {
  name: EndpointName;
  method: 'get' | 'post' | 'delete';
  /** Express route path, such as `/2/users/:id/following`. */
  path: string;
  /** Whether app-only bearer tokens are rejected with 403 unsupported-authentication. */
  userContextOnly: boolean;
  /** Whether the app needs read-write permission. */
  writes: boolean;
  /** Scopes an OAuth 2.0 user access token needs, from X's authentication mapping for the endpoint. */
  oauth2Scopes: readonly OAuth2Scope[];
}

export interface EndpointDefinition<Input> extends EndpointInfo {
  /** Validates the request and returns the handler's input; throws X's 400 problem. */
  parse(request: ApiRequest, caller: Caller, state: SandboxState): Input;
  /** Returns the body of the HTTP 200 response. */
  handle(input: Input, caller: Caller, state: SandboxState): unknown;
}

export interface Endpoint extends EndpointInfo {
  respond(request: ApiRequest, caller: Caller, state: SandboxState): unknown;
}

export function defineEndpoint<Input>(definition: EndpointDefinition<Input>): Endpoint {
  const { parse, handle, ...info } = definition;

  return {
    ...info,
    respond(request, caller, state) {
      const input = parse(request, caller, state);

      return handle(input, caller, state);
    },
  };
}

/** Returns the user ID that a user-context-only endpoint acts for; authorize() already rejected app-only callers. */
export function authenticatedUserId(caller: Caller): string {
  if (caller.kind !== 'user') {
    throw new Error('this endpoint needs a user-context caller; authorize() must run first');
  }

  return caller.userId;
}
