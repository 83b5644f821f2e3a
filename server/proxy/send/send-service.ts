import { OAUTH1_VARIABLE_KEYS, type HeaderList, type SendRequest, type SendResult, type SentRequest } from '../../../shared/api.ts';
import { findBuiltinRequest } from '../../../shared/collection.ts';
import { ApiError } from '../../http/errors.ts';
import type { EnvironmentStore, ResolvedVariable } from '../environments/store.ts';
import type { UpstreamPolicy } from '../upstreams.ts';
import { forward } from './forward.ts';
import { prepareRequest } from './prepare.ts';
import { signOAuth1, type OAuth1Credentials } from './sign-oauth1.ts';

const USER_AGENT = 'x-api-workbench/0.1';

export interface SendServiceOptions {
  environments: EnvironmentStore;
  upstreams: UpstreamPolicy;
  timeoutMs: number;
}

/** Resolves, signs and forwards one request from the browser, and returns what came back. */
export class SendService {
  constructor(private readonly options: SendServiceOptions) {}

  async send(workspaceId: string, input: SendRequest): Promise<SendResult> {
    const definition = findBuiltinRequest(input.requestId);
    if (!definition) {
      throw new ApiError('invalid_request', `requestId ${JSON.stringify(input.requestId)} is not a request of the collection`, {
        field: 'requestId',
      });
    }
    const environment = this.options.environments.readWithValues(workspaceId, input.environmentId);
    const environmentName = environment.view.name;
    const origin = this.options.upstreams.requireAllowed(environment.view.baseUrl, `The base URL of environment ${JSON.stringify(environmentName)}`);

    const prepared = prepareRequest({ definition, input, origin, environmentName, variables: environment.variables });
    if (!prepared.path.startsWith('/2/')) {
      throw new ApiError('upstream_not_allowed', `Only X API v2 paths (under /2/) are forwarded; got ${JSON.stringify(prepared.path)}`);
    }
    const credentials = requireOAuth1Credentials(environment.variables, environmentName);
    const signature = signOAuth1(prepared, credentials);

    const headers: HeaderList = [
      ['Accept', 'application/json'],
      ['User-Agent', USER_AGENT],
    ];
    if (prepared.body !== null) {
      headers.push(['Content-Type', 'application/json']);
    }
    const sent: SentRequest = {
      method: prepared.method,
      url: prepared.url,
      headers: [['Authorization', signature.redactedAuthorization], ...headers],
      body: prepared.body,
    };
    const result = await forward({
      request: sent,
      headers: [['Authorization', signature.authorization], ...headers],
      timeoutMs: this.options.timeoutMs,
    });

    return { environmentName, request: sent, ...result };
  }
}

function requireOAuth1Credentials(variables: ReadonlyMap<string, ResolvedVariable>, environmentName: string): OAuth1Credentials {
  const missing = OAUTH1_VARIABLE_KEYS.filter((key) => {
    const variable = variables.get(key);
    return !variable || !variable.enabled || variable.value === '';
  });
  if (missing.length > 0) {
    throw new ApiError(
      'invalid_request',
      `OAuth 1.0a needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not set in environment ${JSON.stringify(environmentName)} (open Manage environments and paste them from the X developer portal, under your app's "Keys and tokens")`,
      { field: `environment.${missing[0]}` },
    );
  }

  return {
    consumerKey: variables.get('consumer_key')!.value,
    consumerSecret: variables.get('consumer_secret')!.value,
    accessToken: variables.get('access_token')!.value,
    tokenSecret: variables.get('token_secret')!.value,
  };
}
