import type { AuthParam, AuthSpec } from './model.ts';

/**
 * Postman authorization types and the credential fields in them. A credential field may hold only
 * a `{{variable}}` reference or nothing: a literal value is replaced on import by the reference to
 * the workbench's standard variable, so that no secret is stored or exported with a collection.
 */

/** The auth types the workbench can send with. Other Postman types are kept by name only. */
export const SUPPORTED_AUTH_TYPES = ['noauth', 'oauth1', 'bearer', 'oauth2'] as const;

/**
 * Credential fields per auth type, with the environment variable that contains the value in the
 * workbench (null for fields with no workbench variable, such as an OAuth 2.0 access token, which
 * comes from the workbench's own OAuth 2.0 sign-in).
 */
export const CREDENTIAL_FIELDS: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  oauth1: {
    consumerKey: 'consumer_key',
    consumerSecret: 'consumer_secret',
    token: 'access_token',
    tokenSecret: 'token_secret',
    privateKey: null,
  },
  bearer: { token: 'bearer_token' },
  oauth2: {
    accessToken: null,
    refreshToken: null,
    clientSecret: 'client_secret',
    password: null,
    code_verifier: null,
  },
};

const WHOLE_REFERENCE = /^\{\{[^{}]+\}\}$/;

export function isSupportedAuthType(type: string): boolean {
  return (SUPPORTED_AUTH_TYPES as readonly string[]).includes(type);
}

/** Reports whether a value is empty or exactly one `{{variable}}` reference, the only forms a credential field may have. */
export function isReferenceOrEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'string' && WHOLE_REFERENCE.test(value));
}

/**
 * Returns the auth with every literal credential replaced, and one warning per replaced field.
 * Parameters of an unsupported type are all dropped, because any of them may be a secret (a basic
 * auth password, an API key).
 */
export function sanitizeAuth(auth: AuthSpec, where: string): { auth: AuthSpec; warnings: string[] } {
  if (!isSupportedAuthType(auth.type)) {
    const warnings =
      auth.params.length === 0
        ? []
        : [`${where}: the ${auth.type} authorization is not supported, so its fields were not imported (requests that use it cannot be sent)`];
    return { auth: { type: auth.type, params: [] }, warnings };
  }

  const fields = CREDENTIAL_FIELDS[auth.type] ?? {};
  const warnings: string[] = [];
  const params: AuthParam[] = auth.params.map((param) => {
    if (!(param.key in fields) || isReferenceOrEmpty(param.value)) {
      return param;
    }
    const variable = fields[param.key] ?? null;
    const replacement = variable === null ? '' : `{{${variable}}}`;
    warnings.push(
      `${where}: the ${auth.type} field ${param.key} held a literal value, which was not imported; it now ${
        variable === null ? 'is empty' : `refers to ${replacement}`
      } (keep credentials in an environment's secret variables)`,
    );
    return { key: param.key, value: replacement };
  });

  return { auth: { type: auth.type, params }, warnings };
}

/** Returns the value of one auth parameter as a string, or '' when it is absent or not a string. */
export function authParamText(auth: AuthSpec, key: string): string {
  const value = auth.params.find((param) => param.key === key)?.value;

  return typeof value === 'string' ? value : '';
}
