/** Builds the explainer's context from the environment that a request was sent with. */
import type { EnvironmentView } from '../api.ts';
import { AUTH_TYPE_VARIABLES, authenticatedUserIdFor, type AuthType } from '../auth-types.ts';
import type { ExplainContext } from './types.ts';

export interface ContextInput {
  requestId: string;
  authType: AuthType;
  environment: Pick<EnvironmentView, 'kind' | 'variables' | 'tokenUserId' | 'oauth2'>;
  receivedAtMs: number;
  timeZone?: string;
}

export function buildExplainContext(input: ContextInput): ExplainContext {
  return {
    requestId: input.requestId,
    authType: input.authType,
    environmentKind: input.environment.kind,
    unsetCredentials: findUnsetCredentials(input.environment, input.authType),
    authenticatedUserId: authenticatedUserIdFor(input.environment, input.authType),
    receivedAtMs: input.receivedAtMs,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  };
}

/**
 * Lists the credentials of the auth type that the environment lacks. OAuth 2.0 needs a signed-in
 * user rather than stored tokens, and its client_secret is absent for public clients, so only the
 * sign-in counts there.
 */
function findUnsetCredentials(environment: ContextInput['environment'], authType: AuthType): string[] {
  if (authType === 'oauth2') {
    return environment.oauth2 === null ? ['OAuth 2.0 sign-in'] : [];
  }

  return AUTH_TYPE_VARIABLES[authType].filter((key) => {
    const variable = environment.variables.find((candidate) => candidate.key === key);
    return variable === undefined || !variable.enabled || !variable.set;
  });
}
