import { z } from 'zod';
import type { HeaderList } from '../../../shared/api.ts';
import { ApiError } from '../../http/errors.ts';
import { forward, type ForwardResult } from '../send/forward.ts';
import type { OAuth2Endpoints } from './endpoints.ts';

/**
 * The HTTP calls of OAuth 2.0: code exchange, refresh and revoke at the token endpoints, and
 * /2/users/me to learn who signed in. They go through `forward`, like every request of the proxy:
 * real HTTP, a time limit and no redirects. Errors never carry the request, whose body contains the
 * code, the verifier or a refresh token.
 */

export interface ClientCredentials {
  clientId: string;
  /** Null for a public client, which sends client_id in the body instead of Basic auth. */
  clientSecret: string | null;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string | null;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Granted scopes, or null when the response does not list them. */
  scopes: string[] | null;
}

const tokenResponseSchema = z.object({
  token_type: z.string().refine((value) => value.toLowerCase() === 'bearer', 'must be "bearer"'),
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
});

const meResponseSchema = z.object({
  data: z.object({ id: z.string().regex(/^[0-9]{1,19}$/), username: z.string() }),
});

const USER_AGENT = 'x-api-workbench/0.1';

export class OAuth2TokenClient {
  constructor(private readonly timeoutMs: number) {}

  exchangeCode(
    endpoints: OAuth2Endpoints,
    client: ClientCredentials,
    grant: { code: string; verifier: string; redirectUri: string },
  ): Promise<TokenResponse> {
    return this.requestToken(endpoints, client, {
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    });
  }

  refresh(endpoints: OAuth2Endpoints, client: ClientCredentials, refreshToken: string): Promise<TokenResponse> {
    return this.requestToken(endpoints, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Revokes one token. Throws an ApiError when the endpoint cannot be reached or does not respond with 200. */
  async revoke(endpoints: OAuth2Endpoints, client: ClientCredentials, token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    const { response } = await this.postForm(endpoints.revoke, client, { token, token_type_hint: hint });
    if (response.status !== 200) {
      throw endpointError(endpoints.revoke, response.status, response.body);
    }
  }

  /** Returns the user that owns an access token, from GET /2/users/me on the API origin. */
  async fetchMe(apiOrigin: string, accessToken: string): Promise<{ id: string; username: string }> {
    const url = `${apiOrigin}/2/users/me`;
    const result = await sendWithoutRequestDetails({
      request: { method: 'GET', url, headers: [['Authorization', 'Bearer [redacted]'], ['Accept', 'application/json']], body: null },
      headers: [
        ['Authorization', `Bearer ${accessToken}`],
        ['Accept', 'application/json'],
        ['User-Agent', USER_AGENT],
      ],
      timeoutMs: this.timeoutMs,
    });
    const parsed = meResponseSchema.safeParse(parseJson(result.response.body));
    if (result.response.status !== 200 || !parsed.success) {
      throw new ApiError(
        'upstream_unreachable',
        `GET ${url} with the new OAuth 2.0 token returned ${result.response.status} without a user ID: ${shorten(result.response.body)} (check that the users.read and tweet.read scopes were granted)`,
        { target: url },
      );
    }

    return parsed.data.data;
  }

  private async requestToken(endpoints: OAuth2Endpoints, client: ClientCredentials, form: Record<string, string>): Promise<TokenResponse> {
    const { response } = await this.postForm(endpoints.token, client, form);
    if (response.status !== 200) {
      throw endpointError(endpoints.token, response.status, response.body);
    }
    const parsed = tokenResponseSchema.safeParse(parseJson(response.body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError(
        'upstream_unreachable',
        `POST ${endpoints.token} returned 200 with an unexpected body: ${issue.path.join('.') || 'body'} ${issue.message} (is the base URL an X API host?)`,
        { target: endpoints.token },
      );
    }
    const body = parsed.data;

    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? null,
      expiresIn: body.expires_in,
      scopes: body.scope === undefined ? null : body.scope.split(' ').filter((scope) => scope !== ''),
    };
  }

  /** Posts a form. A confidential client authenticates with Basic auth, a public one with client_id in the body. */
  private postForm(url: string, client: ClientCredentials, fields: Record<string, string>): Promise<ForwardResult> {
    const form = new URLSearchParams(fields);
    const headers: HeaderList = [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Accept', 'application/json'],
      ['User-Agent', USER_AGENT],
    ];
    if (client.clientSecret === null) {
      form.set('client_id', client.clientId);
    } else {
      // X documents Basic base64(client_id:client_secret) without the form-encoding of RFC 6749
      // section 2.3.1; its client IDs and secrets contain no characters that the two would treat differently.
      const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
      headers.unshift(['Authorization', `Basic ${basic}`]);
    }

    return sendWithoutRequestDetails({
      request: { method: 'POST', url, headers: [], body: form.toString() },
      headers,
      timeoutMs: this.timeoutMs,
    });
  }
}

/** Forwards, and drops the request from any error, because its body or headers hold credentials. */
async function sendWithoutRequestDetails(input: Parameters<typeof forward>[0]): Promise<ForwardResult> {
  try {
    return await forward(input);
  } catch (error) {
    if (error instanceof ApiError) {
      const { target } = error.details;
      throw new ApiError(error.code, error.message, { ...(target === undefined ? {} : { target }), cause: error.cause });
    }
    throw error;
  }
}

/** Turns an RFC 6749 error response, such as {"error":"invalid_grant"}, into an ApiError whose message gives the next step. */
function endpointError(url: string, status: number, body: string): ApiError {
  const parsed = parseJson(body) as { error?: unknown; error_description?: unknown } | undefined;
  const code = typeof parsed?.error === 'string' ? parsed.error : null;
  const description = typeof parsed?.error_description === 'string' ? parsed.error_description : null;
  const summary = code === null ? shorten(body) : `${code}${description === null ? '' : `: ${description}`}`;
  const errorCode = status >= 500 ? 'upstream_unreachable' : 'invalid_request';

  return new ApiError(errorCode, `POST ${url} returned ${status} ${summary} (${fixFor(code, status)})`, { target: url });
}

function fixFor(code: string | null, status: number): string {
  if (code === 'invalid_client' || status === 401) {
    return 'check client_id and client_secret in the environment against "Keys and tokens" → OAuth 2.0 Client ID and Client Secret in the X developer portal';
  }
  if (code === 'invalid_grant') {
    return 'the code or refresh token is expired, used or revoked; press Authorize to sign in again';
  }
  if (status >= 500) {
    return 'the OAuth 2.0 server failed; try again later';
  }

  return 'press Authorize to sign in again';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();

  return single.length > 200 ? `${single.slice(0, 200)}…` : single || '(empty body)';
}
