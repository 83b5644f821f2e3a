import type { HeaderList, SendRequest } from '../../../shared/api.ts';
import type { AuthType } from '../../../shared/auth-types.ts';
import type { ParameterKind, RequestDefinition } from '../../../shared/collection.ts';
import type { CollectionDetail } from '../../../shared/collections-api.ts';
import { effectiveAuth, findRequest, type AuthSpec, type LocatedRequest } from '../../../shared/postman/model.ts';
import { tokenUserScriptVariable } from '../../../shared/postman/script-note.ts';
import { findSendBlocker, resolveTarget } from '../../../shared/postman/sendable.ts';
import { ApiError } from '../../http/errors.ts';
import type { EnvironmentWithValues, ResolvedVariable } from '../environments/store.ts';
import type { UpstreamPolicy } from '../upstreams.ts';
import { resolveTemplate } from './variables.ts';

/**
 * Turns an item of an imported collection into what the send service sends: a request definition
 * like the built-in ones, the origin, the auth type after Postman's inheritance, and the headers
 * that may be forwarded. Secret variables are used only by the signer, through the auth fields'
 * `{{variable}}` references; headers, like the URL and body, never receive a secret.
 */

/** The request, origin, credentials and headers that the send service prepares, authorizes and forwards. */
export interface SendSource {
  definition: RequestDefinition;
  origin: string;
  authType: AuthType;
  /** The environment's variables, with the credentials that the auth fields refer to under the signer's names. */
  variables: ReadonlyMap<string, ResolvedVariable>;
  /** Extra headers to forward. */
  headers: HeaderList;
  /** Parts of the collection request that the proxy did not send, one sentence each. */
  notes: string[];
}

export interface ImportedSourceContext {
  collection: CollectionDetail;
  input: SendRequest;
  environment: EnvironmentWithValues;
  /** The environment's base URL, already checked against the allowed upstreams. */
  environmentOrigin: string;
  upstreams: UpstreamPolicy;
}

/** Path variables checked with the user ID rule: they hold user, Post or list IDs, which are all 1 to 19 digits. */
const ID_VARIABLES = new Set(['id', 'source_user_id', 'target_user_id', 'user_id', 'participant_id', 'tweet_id', 'list_id']);

/** The signer's variable names for the credential fields of each Postman auth type. */
const CREDENTIAL_VARIABLES: Record<string, Record<string, string>> = {
  oauth1: { consumerKey: 'consumer_key', consumerSecret: 'consumer_secret', token: 'access_token', tokenSecret: 'token_secret' },
  bearer: { token: 'bearer_token' },
};

export function resolveImportedSource(context: ImportedSourceContext): SendSource {
  const { collection, input, environment } = context;
  const located = findRequest(collection.model, input.requestId);
  if (!located) {
    throw new ApiError('invalid_request', `requestId ${JSON.stringify(input.requestId)} is not a request of the collection ${JSON.stringify(collection.name)} (reload the page)`, {
      field: 'requestId',
    });
  }
  const auth = effectiveAuth(collection.model, located);
  const blocker = findSendBlocker(located.request, auth, context.upstreams.list());
  if (blocker !== null) {
    throw new ApiError('upstream_not_allowed', `"${located.request.name}" cannot be sent: ${blocker}`, { field: 'requestId' });
  }

  const target = resolveTarget(located.request.url.raw);
  const origin = target.kind === 'origin' ? context.upstreams.requireAllowed(target.origin, `The URL of "${located.request.name}"`) : context.environmentOrigin;
  const path = target.kind === 'invalid' ? '/' : target.path;
  const notes: string[] = [];
  const authType = input.authType ?? authTypeOf(auth.auth, environment.view.authType);

  return {
    definition: toDefinition(located, path),
    origin,
    authType,
    variables: input.authType === undefined && auth.auth !== null ? mapCredentials(auth.auth, environment) : environment.variables,
    headers: forwardableHeaders(input, located, environment, notes),
    notes,
  };
}

function authTypeOf(auth: AuthSpec | null, environmentAuthType: AuthType): AuthType {
  if (auth?.type === 'oauth1') {
    return 'oauth1';
  }
  if (auth?.type === 'bearer') {
    return 'app-only';
  }
  if (auth?.type === 'oauth2') {
    return 'oauth2';
  }

  return environmentAuthType;
}

/** Builds a request definition like the built-in ones, so that the same checks and signer apply. */
function toDefinition(located: LocatedRequest, path: string): RequestDefinition {
  const { request, folders } = located;
  const tokenVariable = request.scripts.map(tokenUserScriptVariable).find((key) => key !== null) ?? null;

  return {
    id: request.id,
    folder: folders.map((folder) => folder.name).join(' / '),
    name: request.name,
    description: request.description,
    method: request.method as RequestDefinition['method'],
    path,
    pathVariables: request.url.pathVariables.map((variable) => ({
      key: variable.key,
      kind: kindOf(variable.key),
      description: variable.description,
      defaultsToTokenUser: variable.key === tokenVariable,
    })),
    query: request.url.query.map((row) => ({ key: row.key, description: row.description })),
    // An empty raw body, as in X's unfollow request, means no body.
    bodyTemplate: request.body?.mode === 'raw' && request.body.raw.trim() !== '' ? request.body.raw : null,
    changesState: request.method !== 'GET',
  };
}

function kindOf(key: string): ParameterKind {
  if (key === 'username') {
    return 'username';
  }

  return ID_VARIABLES.has(key) ? 'user_id' : 'segment';
}

/**
 * Returns the variables with each credential that an auth field refers to, such as
 * consumerKey = {{my_key}}, copied under the signer's name (consumer_key). Empty fields and
 * fields that already use the signer's names change nothing.
 */
function mapCredentials(auth: AuthSpec, environment: EnvironmentWithValues): ReadonlyMap<string, ResolvedVariable> {
  const fields = CREDENTIAL_VARIABLES[auth.type];
  if (fields === undefined) {
    return environment.variables;
  }
  const variables = new Map(environment.variables);
  for (const param of auth.params) {
    const signerName = fields[param.key];
    const reference = typeof param.value === 'string' ? /^\{\{\s*([^{}\s]+)\s*\}\}$/.exec(param.value)?.[1] : undefined;
    if (signerName === undefined || reference === undefined || reference === signerName) {
      continue;
    }
    const variable = environment.variables.get(reference);
    if (!variable || !variable.enabled) {
      throw new ApiError(
        'invalid_request',
        `The ${auth.type} field ${param.key} refers to {{${reference}}}, which is not set in environment ${JSON.stringify(environment.view.name)} (add it in Manage environments)`,
        { field: `auth.${param.key}` },
      );
    }
    variables.set(signerName, { ...variable, key: signerName });
  }

  return variables;
}

/**
 * Keeps the custom X-* headers, with `{{variables}}` resolved (secrets are refused there as in a
 * URL), and notes every other header that was not forwarded: the proxy builds Authorization,
 * Content-Type, Accept and User-Agent itself.
 */
function forwardableHeaders(input: SendRequest, located: LocatedRequest, environment: EnvironmentWithValues, notes: string[]): HeaderList {
  const rows = input.headers ?? located.request.headers;
  const headers: HeaderList = [];
  rows.forEach((row, index) => {
    if (!row.enabled || row.key === '') {
      return;
    }
    const name = row.key.trim();
    const lower = name.toLowerCase();
    if (lower === 'content-type' && /^application\/json\b/i.test(row.value)) {
      return;
    }
    // Method overrides would let a GET act as a DELETE or POST at servers that honour them.
    if (!/^x-[a-z0-9-]+$/i.test(name) || /^x-(forwarded|real-ip|csrf|http-method|method-override)/i.test(name)) {
      notes.push(`The header ${name} was not forwarded: the proxy forwards only custom X-* headers and builds the others itself.`);
      return;
    }
    const field = `headers.${index}.value`;
    const value = resolveTemplate(row.value, field, environment.variables, environment.view.name);
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      throw new ApiError('invalid_request', `${field} of header ${name} contains a control character (remove line breaks, which could inject a header)`, { field });
    }
    headers.push([name, value]);
  });

  return headers;
}
