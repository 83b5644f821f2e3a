import type { Logger } from 'pino';
import type { OAuth2Complete, OAuth2CompleteResult, OAuth2SignOutResult, OAuth2Start, OAuth2StartResult } from '../../../shared/api.ts';
import { DEFAULT_OAUTH2_SCOPES } from '../../../shared/auth-types.ts';
import { ApiError } from '../../http/errors.ts';
import type { Session } from '../../http/sessions.ts';
import type { EnvironmentStore } from '../environments/store.ts';
import type { UpstreamPolicy } from '../upstreams.ts';
import { readClientCredentials } from './client-credentials.ts';
import { oauth2EndpointsFor, type OAuth2Endpoints } from './endpoints.ts';
import { codeChallengeS256, createCodeVerifier, createState, hashState } from './pkce.ts';
import type { OAuth2TokenClient, ClientCredentials } from './token-client.ts';
import type { OAuth2TokenStore, StoredTokens } from './token-store.ts';

/**
 * OAuth 2.0 Authorization Code with PKCE for an environment: starts a sign-in, finishes it from the
 * redirect, hands out a fresh access token for each send, and signs out. Tokens stay on the server.
 */

/** How long an Authorize click stays valid. */
const AUTHORIZATION_TTL_MS = 10 * 60_000;
/** An access token that expires sooner than this is refreshed before it is used. */
export const REFRESH_MARGIN_MS = 60_000;

export interface OAuth2ServiceOptions {
  environments: EnvironmentStore;
  upstreams: UpstreamPolicy;
  tokens: OAuth2TokenStore;
  client: OAuth2TokenClient;
  /** The redirect URI registered with X; known only once the server listens. */
  redirectUri: () => string;
  now: () => number;
  logger: Logger;
}

/** A usable access token and whether it was refreshed to get it. */
export interface AccessTokenGrant {
  accessToken: string;
  refreshed: boolean;
}

interface EnvironmentClient {
  environmentName: string;
  apiOrigin: string;
  endpoints: OAuth2Endpoints;
  credentials: ClientCredentials;
}

export class OAuth2Service {
  /** Refreshes in flight, per environment, so that racing sends never spend the same refresh token twice. */
  private readonly refreshing = new Map<string, Promise<StoredTokens>>();

  constructor(private readonly options: OAuth2ServiceOptions) {}

  start(session: Session, input: OAuth2Start): OAuth2StartResult {
    const client = this.environmentClient(session.workspaceId, input.environmentId);
    const verifier = createCodeVerifier();
    const state = createState();
    const scopes = input.scopes ?? [...DEFAULT_OAUTH2_SCOPES];
    const redirectUri = this.options.redirectUri();

    this.options.tokens.savePending(hashState(state), {
      workspaceId: session.workspaceId,
      sessionHash: session.idHash,
      environmentId: input.environmentId,
      verifier,
      redirectUri,
      scopes,
      expiresAt: new Date(this.options.now() + AUTHORIZATION_TTL_MS),
    });

    const query = [
      ['response_type', 'code'],
      ['client_id', client.credentials.clientId],
      ['redirect_uri', redirectUri],
      ['scope', scopes.join(' ')],
      ['state', state],
      ['code_challenge', codeChallengeS256(verifier)],
      ['code_challenge_method', 'S256'],
    ]
      .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
      .join('&');

    return { authorizeUrl: `${client.endpoints.authorize}?${query}` };
  }

  async complete(session: Session, input: OAuth2Complete): Promise<OAuth2CompleteResult> {
    const stateHash = hashState(input.state);
    const pending = this.options.tokens.takePending(stateHash, session.idHash);
    if (pending === 'missing') {
      throw new ApiError(
        'invalid_request',
        'state does not match a sign-in in progress: it was already used, or it never came from this workbench (press Authorize again)',
        { field: 'state' },
      );
    }
    if (pending === 'other-session') {
      throw new ApiError(
        'invalid_request',
        'state belongs to a sign-in started in another browser session, so it is rejected (press Authorize again in this browser, and open the workbench at the same address as the redirect URI)',
        { field: 'state' },
      );
    }
    if (pending.expiresAt.getTime() <= this.options.now()) {
      throw new ApiError('invalid_request', 'This sign-in expired: finish it within 10 minutes of pressing Authorize (press Authorize again)', {
        field: 'state',
      });
    }
    if (input.error !== undefined) {
      throw authorizationDenied(input.error, input.errorDescription);
    }
    if (input.code === undefined) {
      throw new ApiError('invalid_request', 'code is missing: the redirect carried neither a code nor an error (press Authorize again)', {
        field: 'code',
      });
    }

    const client = this.environmentClient(session.workspaceId, pending.environmentId);
    const granted = await this.options.client.exchangeCode(client.endpoints, client.credentials, {
      code: input.code,
      verifier: pending.verifier,
      redirectUri: pending.redirectUri,
    });
    const user = await this.options.client.fetchMe(client.apiOrigin, granted.accessToken);
    this.options.tokens.saveTokens(pending.environmentId, {
      clientId: client.credentials.clientId,
      userId: user.id,
      username: user.username,
      scopes: granted.scopes ?? pending.scopes,
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      expiresAt: new Date(this.options.now() + granted.expiresIn * 1000),
    });
    this.options.logger.info({ environmentId: pending.environmentId, userId: user.id }, 'oauth2: signed in');

    return {
      environmentId: pending.environmentId,
      environmentName: client.environmentName,
      status: this.options.tokens.readStatus(pending.environmentId)!,
    };
  }

  /** Revokes the refresh and access tokens at X, then deletes them; they are deleted even when revoking fails. */
  async signOut(workspaceId: string, environmentId: string): Promise<OAuth2SignOutResult> {
    const view = this.options.environments.get(workspaceId, environmentId);
    const tokens = this.options.tokens.readTokens(view.id);
    if (tokens === null) {
      return { revoked: false, message: `Nobody was signed in with OAuth 2.0 in environment ${JSON.stringify(view.name)}` };
    }

    const failures: string[] = [];
    try {
      const client = this.environmentClient(workspaceId, environmentId);
      if (tokens.refreshToken !== null) {
        await this.revokeQuietly(client, tokens.refreshToken, 'refresh_token', failures);
      }
      await this.revokeQuietly(client, tokens.accessToken, 'access_token', failures);
    } catch (error) {
      failures.push(error instanceof ApiError ? error.message : 'the revoke endpoint could not be called');
    }
    this.options.tokens.deleteTokens(view.id);
    if (failures.length > 0) {
      this.options.logger.warn({ environmentId, failures }, 'oauth2: signed out, but revoking failed');
    } else {
      this.options.logger.info({ environmentId }, 'oauth2: signed out');
    }

    return {
      revoked: failures.length === 0,
      message: failures.length === 0 ? null : `The tokens were deleted here, but revoking failed: ${failures.join('; ')}`,
    };
  }

  /** Returns the environment's access token, refreshed first when it expires within a minute. */
  async accessToken(workspaceId: string, environmentId: string): Promise<AccessTokenGrant> {
    const view = this.options.environments.get(workspaceId, environmentId);
    const tokens = this.options.tokens.readTokens(view.id);
    if (tokens === null) {
      throw new ApiError(
        'invalid_request',
        `Nobody is signed in with OAuth 2.0 in environment ${JSON.stringify(view.name)} (open the Authorization tab and press Authorize)`,
        { field: 'authType' },
      );
    }
    const remainingMs = tokens.expiresAt.getTime() - this.options.now();
    if (remainingMs > REFRESH_MARGIN_MS) {
      return { accessToken: tokens.accessToken, refreshed: false };
    }
    if (tokens.refreshToken === null && remainingMs > 0) {
      return { accessToken: tokens.accessToken, refreshed: false };
    }
    if (tokens.refreshToken === null) {
      throw new ApiError(
        'invalid_request',
        `The OAuth 2.0 access token of environment ${JSON.stringify(view.name)} expired, and without the offline.access scope there is no refresh token (press Authorize to sign in again)`,
        { field: 'authType' },
      );
    }

    const refreshed = await this.refresh(workspaceId, environmentId, tokens.accessToken);

    return { accessToken: refreshed.accessToken, refreshed: true };
  }

  /**
   * Gets a new access token after X rejected `rejectedToken` with 401. Returns why not, as a
   * sentence, when there is no refresh token or the refresh fails.
   */
  async refreshAfterRejection(workspaceId: string, environmentId: string, rejectedToken: string): Promise<AccessTokenGrant | string> {
    const tokens = this.options.tokens.readTokens(environmentId);
    if (tokens === null) {
      return 'nobody is signed in any more';
    }
    if (tokens.accessToken !== rejectedToken) {
      return { accessToken: tokens.accessToken, refreshed: true };
    }
    if (tokens.refreshToken === null) {
      return 'there is no refresh token, because the offline.access scope was not granted; press Authorize to sign in again';
    }
    try {
      const refreshed = await this.refresh(workspaceId, environmentId, rejectedToken);
      return { accessToken: refreshed.accessToken, refreshed: true };
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      this.options.logger.warn({ environmentId, err: error }, 'oauth2: refresh after a 401 failed');
      return error.message;
    }
  }

  private refresh(workspaceId: string, environmentId: string, staleAccessToken: string): Promise<StoredTokens> {
    const running = this.refreshing.get(environmentId);
    if (running !== undefined) {
      return running;
    }
    const refresh = this.refreshNow(workspaceId, environmentId, staleAccessToken).finally(() => {
      this.refreshing.delete(environmentId);
    });
    this.refreshing.set(environmentId, refresh);

    return refresh;
  }

  private async refreshNow(workspaceId: string, environmentId: string, staleAccessToken: string): Promise<StoredTokens> {
    const current = this.options.tokens.readTokens(environmentId);
    if (current === null || current.refreshToken === null) {
      throw new ApiError('invalid_request', 'The OAuth 2.0 sign-in ended while refreshing (press Authorize to sign in again)', {
        field: 'authType',
      });
    }
    // Another send refreshed after this one read the token: use the newer token.
    if (current.accessToken !== staleAccessToken) {
      return current;
    }

    const client = this.environmentClient(workspaceId, environmentId);
    let granted;
    try {
      granted = await this.options.client.refresh(client.endpoints, client.credentials, current.refreshToken);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_request') {
        // X rejected the refresh token: this sign-in cannot be renewed, so it ends here.
        this.options.tokens.deleteTokens(environmentId);
        this.options.logger.warn({ environmentId, err: error }, 'oauth2: refresh rejected, signed out');
      }
      throw error;
    }
    const refreshed: StoredTokens = {
      ...current,
      accessToken: granted.accessToken,
      // X rotates refresh tokens; keep the old one only when no new one came.
      refreshToken: granted.refreshToken ?? current.refreshToken,
      scopes: granted.scopes ?? current.scopes,
      expiresAt: new Date(this.options.now() + granted.expiresIn * 1000),
    };
    this.options.tokens.saveTokens(environmentId, refreshed);
    this.options.logger.info({ environmentId }, 'oauth2: access token refreshed');

    return refreshed;
  }

  private environmentClient(workspaceId: string, environmentId: string): EnvironmentClient {
    const environment = this.options.environments.readWithValues(workspaceId, environmentId);
    const environmentName = environment.view.name;
    const apiOrigin = this.options.upstreams.requireAllowed(
      environment.view.baseUrl,
      `The base URL of environment ${JSON.stringify(environmentName)}`,
    );

    return {
      environmentName,
      apiOrigin,
      endpoints: oauth2EndpointsFor(apiOrigin),
      credentials: readClientCredentials(environment.variables, environmentName),
    };
  }

  private async revokeQuietly(
    client: EnvironmentClient,
    token: string,
    hint: 'access_token' | 'refresh_token',
    failures: string[],
  ): Promise<void> {
    try {
      await this.options.client.revoke(client.endpoints, client.credentials, token, hint);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      failures.push(`${hint}: ${error.message}`);
    }
  }
}

function authorizationDenied(error: string, description: string | undefined): ApiError {
  if (error === 'access_denied') {
    return new ApiError(
      'invalid_request',
      'Authorization was cancelled on the consent page (access_denied), so nothing was stored (press Authorize to try again)',
      { field: 'error' },
    );
  }

  return new ApiError(
    'invalid_request',
    `The authorize page returned the error ${JSON.stringify(error)}${description === undefined ? '' : `: ${description}`} (check client_id and that the redirect URI is registered exactly, then press Authorize again)`,
    { field: 'error' },
  );
}
