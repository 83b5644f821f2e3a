import { OAUTH1_VARIABLE_KEYS, type SignatureView } from '../../../shared/api.ts';
import { ApiError } from '../../http/errors.ts';
import type { ResolvedVariable } from '../environments/store.ts';
import type { PreparedRequest } from './prepare.ts';
import { signOAuth1, type OAuth1Credentials } from './sign-oauth1.ts';

/** The Authorization header of one request, as sent and as shown. */
export interface RequestAuthorization {
  authorization: string;
  /** The same header with every credential replaced by "[redacted]". */
  redactedAuthorization: string;
  /** Steps of the OAuth 1.0a signature, for the signature inspector; absent for bearer tokens. */
  signature?: SignatureView;
}

export const REDACTED_BEARER = 'Bearer [redacted]';

export function bearerAuthorization(token: string): RequestAuthorization {
  return { authorization: `Bearer ${token}`, redactedAuthorization: REDACTED_BEARER };
}

/** Signs with OAuth 1.0a User Context from the environment's four OAuth 1.0a variables. */
export function oauth1Authorization(
  prepared: PreparedRequest,
  variables: ReadonlyMap<string, ResolvedVariable>,
  environmentName: string,
): RequestAuthorization {
  const signature = signOAuth1(prepared, requireOAuth1Credentials(variables, environmentName));

  return { authorization: signature.authorization, redactedAuthorization: signature.redactedAuthorization, signature: signature.view };
}

/** Authorizes with the app's bearer_token, which acts as the app and no user. */
export function appOnlyAuthorization(variables: ReadonlyMap<string, ResolvedVariable>, environmentName: string): RequestAuthorization {
  const bearer = variables.get('bearer_token');
  if (!bearer || !bearer.enabled || bearer.value === '') {
    throw new ApiError(
      'invalid_request',
      `App-only Bearer needs bearer_token, which is not set in environment ${JSON.stringify(environmentName)} (open Manage environments and paste the Bearer Token from the X developer portal, under your app's "Keys and tokens")`,
      { field: 'environment.bearer_token' },
    );
  }

  return bearerAuthorization(bearer.value);
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
