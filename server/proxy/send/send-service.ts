import type { HeaderList, SendRequest, SendResult, SentRequest } from '../../../shared/api.ts';
import type { AuthType } from '../../../shared/auth-types.ts';
import { findBuiltinRequest } from '../../../shared/collection.ts';
import { ApiError } from '../../http/errors.ts';
import type { CollectionStore } from '../collections/store.ts';
import type { EnvironmentStore, EnvironmentWithValues } from '../environments/store.ts';
import type { OAuth2Service } from '../oauth2/oauth2-service.ts';
import { requireForwardablePath, type UpstreamPolicy } from '../upstreams.ts';
import { forward, type ForwardResult } from './forward.ts';
import { resolveImportedSource, type SendSource } from './imported-request.ts';
import { prepareRequest, type PrepareContext, type PreparedRequest } from './prepare.ts';
import { appOnlyAuthorization, bearerAuthorization, oauth1Authorization, type RequestAuthorization } from './request-auth.ts';

const USER_AGENT = 'x-api-workbench/0.1';

export interface SendServiceOptions {
  environments: EnvironmentStore;
  upstreams: UpstreamPolicy;
  oauth2: OAuth2Service;
  /** Imported collections, for sends with a collectionId. */
  collections?: CollectionStore;
  timeoutMs: number;
}

/** The Authorization of a send, plus the OAuth 2.0 access token it carries, to tell a stale one apart. */
interface SendAuthorization extends RequestAuthorization {
  accessToken: string | null;
}

/** Resolves, authorizes and forwards one request from the browser, and returns what came back. */
export class SendService {
  constructor(private readonly options: SendServiceOptions) {}

  async send(workspaceId: string, input: SendRequest): Promise<SendResult> {
    const loaded = this.options.environments.readWithValues(workspaceId, input.environmentId);
    const environmentName = loaded.view.name;
    const environmentOrigin = this.options.upstreams.requireAllowed(loaded.view.baseUrl, `The base URL of environment ${JSON.stringify(environmentName)}`);
    const source = this.resolveSource(workspaceId, input, loaded, environmentOrigin);
    const { definition, origin, authType } = source;
    const environment: EnvironmentWithValues = { ...loaded, variables: new Map(source.variables) };

    const prepared = prepareRequest({ definition, input, origin, environmentName, variables: environment.variables, auth: authContext(authType, environment) });
    requireForwardablePath(prepared.origin, prepared.path);
    const notes: string[] = [...source.notes];
    const authorization = await this.authorize(authType, prepared, workspaceId, environment, notes);

    let exchange = await this.forward(prepared, authorization, source.headers);
    if (authType === 'oauth2' && exchange.result.response.status === 401) {
      exchange = await this.retryAfterRefresh(prepared, workspaceId, environment, authorization, exchange, notes, source.headers);
    }

    const signature = authorization.signature === undefined ? {} : { signature: authorization.signature };

    return { environmentName, request: exchange.sent, ...exchange.result, authType, notes, ...signature };
  }

  /** Finds what to send: a built-in request, or an item of an imported collection (`collectionId`). */
  private resolveSource(workspaceId: string, input: SendRequest, environment: EnvironmentWithValues, environmentOrigin: string): SendSource {
    if (input.collectionId !== undefined) {
      if (this.options.collections === undefined) {
        throw new ApiError('invalid_request', 'collectionId is not supported by this server (send a built-in request)', { field: 'collectionId' });
      }
      const collection = this.options.collections.get(workspaceId, input.collectionId);
      return resolveImportedSource({ collection, input, environment, environmentOrigin, upstreams: this.options.upstreams });
    }

    const definition = findBuiltinRequest(input.requestId);
    if (!definition) {
      throw new ApiError('invalid_request', `requestId ${JSON.stringify(input.requestId)} is not a request of the collection`, {
        field: 'requestId',
      });
    }
    if (input.headers !== undefined) {
      throw new ApiError('invalid_request', 'headers are accepted only for imported requests (remove them)', { field: 'headers' });
    }

    return {
      definition,
      origin: environmentOrigin,
      authType: input.authType ?? environment.view.authType,
      variables: environment.variables,
      headers: [],
      notes: [],
    };
  }

  private async authorize(
    authType: AuthType,
    prepared: PreparedRequest,
    workspaceId: string,
    environment: EnvironmentWithValues,
    notes: string[],
  ): Promise<SendAuthorization> {
    if (authType === 'oauth1') {
      return { ...oauth1Authorization(prepared, environment.variables, environment.view.name), accessToken: null };
    }
    if (authType === 'app-only') {
      return { ...appOnlyAuthorization(environment.variables, environment.view.name), accessToken: null };
    }

    const grant = await this.options.oauth2.accessToken(workspaceId, environment.view.id);
    if (grant.refreshed) {
      notes.push('The OAuth 2.0 access token was about to expire, so the proxy refreshed it before sending.');
    }

    return { ...bearerAuthorization(grant.accessToken), accessToken: grant.accessToken };
  }

  /**
   * Sends once more with a refreshed token after X responded with 401. A 401 means X rejected the call
   * before acting on it, so this is safe for follow and unfollow too; it happens at most once.
   */
  private async retryAfterRefresh(
    prepared: PreparedRequest,
    workspaceId: string,
    environment: EnvironmentWithValues,
    rejected: SendAuthorization,
    first: { sent: SentRequest; result: ForwardResult },
    notes: string[],
    extraHeaders: HeaderList,
  ): Promise<{ sent: SentRequest; result: ForwardResult }> {
    const grant = await this.options.oauth2.refreshAfterRejection(workspaceId, environment.view.id, rejected.accessToken!);
    if (typeof grant === 'string') {
      notes.push(`X answered 401 to the OAuth 2.0 access token, and it could not be refreshed: ${grant}.`);
      return first;
    }
    notes.push('X answered 401 to the OAuth 2.0 access token, so the proxy refreshed it and sent the request once more.');

    return this.forward(prepared, { ...bearerAuthorization(grant.accessToken), accessToken: grant.accessToken }, extraHeaders);
  }

  private async forward(prepared: PreparedRequest, authorization: SendAuthorization, extraHeaders: HeaderList): Promise<{ sent: SentRequest; result: ForwardResult }> {
    const headers: HeaderList = [
      ['Accept', 'application/json'],
      ['User-Agent', USER_AGENT],
      ...extraHeaders,
    ];
    if (prepared.body !== null) {
      headers.push(['Content-Type', 'application/json']);
    }
    const sent: SentRequest = {
      method: prepared.method,
      url: prepared.url,
      headers: [['Authorization', authorization.redactedAuthorization], ...headers],
      body: prepared.body,
    };
    const result = await forward({
      request: sent,
      headers: [['Authorization', authorization.authorization], ...headers],
      timeoutMs: this.options.timeoutMs,
    });

    return { sent, result };
  }
}

function authContext(authType: AuthType, environment: EnvironmentWithValues): PrepareContext['auth'] {
  if (authType === 'oauth1') {
    return { type: 'oauth1' };
  }
  if (authType === 'oauth2') {
    return { type: 'oauth2', userId: environment.view.oauth2?.userId ?? null };
  }

  return { type: 'app-only', userId: null };
}
