/** Explains 403 responses: a read-only app, an app outside a Project, and an auth type the endpoint rejects. */
import { AUTH_TYPES, labelAuthType, requiresUserContext, type AuthType } from '../auth-types.ts';
import type { ExplainAction, ExplainContext, Explanation } from './types.ts';
import { readString, type ProblemFacts } from './response-facts.ts';
import { DEVELOPER_PORTAL_URL } from './unauthorized.ts';

/** Returns the auth types that X accepts for a built-in request. */
export function acceptedAuthTypes(requestId: string): AuthType[] {
  return requiresUserContext(requestId) ? ['oauth1', 'oauth2'] : [...AUTH_TYPES];
}

export function explainForbidden(problem: ProblemFacts, context: ExplainContext): Explanation {
  const reason = readString(problem.body, 'reason');
  if (problem.name === 'oauth1-permissions') {
    return explainReadOnlyApp(problem, context);
  }
  if (problem.name === 'client-forbidden' || reason === 'client-not-enrolled') {
    return explainNotEnrolled(problem, context);
  }
  if (problem.name === 'unsupported-authentication') {
    return explainUnsupportedAuthentication(problem, context);
  }

  return {
    ...base(problem),
    title: 'X refused the request',
    cause: 'The credentials are valid, but X does not allow this app or token to make this request.',
    steps: [
      'Read the detail that X sent below.',
      'For OAuth 2.0, check that the token was granted the scopes the endpoint needs (follows.write, tweet.read and users.read to follow); sign in again to grant them.',
    ],
    actions: portalActions(context),
  };
}

function explainReadOnlyApp(problem: ProblemFacts, context: ExplainContext): Explanation {
  const steps = [
    'In the X developer portal, open the app\'s "User authentication settings" and set "App permissions" to Read and write.',
    'Regenerate the access token and secret under "Keys and tokens". Old tokens keep the permission level they were created with, so changing the setting alone does not help.',
    'Paste the new access_token and token_secret into the environment and send again.',
  ];
  if (context.environmentKind === 'sandbox') {
    steps.push('In the sandbox, the "Read-only app" scenario causes this: press "Reset sandbox" to give the app Read and write again.');
  }

  return {
    ...base(problem),
    title: 'The app is read-only',
    cause: 'The app that issued the access token has Read permission, and following or unfollowing needs Read and write.',
    steps,
    actions: [...portalActions(context), { kind: 'open-environment', label: 'Open the environment' }],
  };
}

function explainNotEnrolled(problem: ProblemFacts, context: ExplainContext): Explanation {
  const registrationUrl = readHttpsUrl(problem.body, 'registration_url');
  const clientId = readString(problem.body, 'client_id');
  const app = clientId === null ? 'The app' : `The app ${clientId}`;
  const steps = [
    'In the X developer portal, open "Projects & Apps", create a Project (or open one) and add this app to it.',
    'Keep the same keys and tokens, and send again.',
  ];
  if (context.environmentKind === 'sandbox') {
    steps.push('In the sandbox, the "App not in a Project" scenario causes this: press "Reset sandbox" to attach the app again.');
  }
  const actions: ExplainAction[] =
    registrationUrl === null ? portalActions(context) : [{ kind: 'open-portal-url', label: 'Open the registration page', url: registrationUrl }];
  if (registrationUrl !== null && context.environmentKind === 'sandbox') {
    actions.push({ kind: 'open-sandbox-scenarios', label: 'Open sandbox scenarios' });
  }

  return {
    ...base(problem),
    title: 'The app is not attached to a Project',
    cause: `${app} is not attached to a Project, and X API v2 endpoints only accept keys and tokens of apps in a Project.`,
    steps,
    actions,
  };
}

function explainUnsupportedAuthentication(problem: ProblemFacts, context: ExplainContext): Explanation {
  const accepted = acceptedAuthTypes(context.requestId);
  const alternatives = accepted.filter((authType) => authType !== context.authType);

  return {
    ...base(problem),
    title: `This endpoint does not accept ${labelAuthType(context.authType)}`,
    cause: `This endpoint acts for a user, so it accepts only ${accepted.map(labelAuthType).join(' and ')}. ${labelAuthType(context.authType)} has no user.`,
    steps: ['Switch the request to an auth type that acts for a user, then send again.'],
    actions: alternatives.map((authType) => ({ kind: 'switch-auth', label: `Use ${labelAuthType(authType)}`, authType })),
  };
}

function base(problem: ProblemFacts): Pick<Explanation, 'tone' | 'received' | 'checks' | 'rateLimitReset'> {
  return {
    tone: 'error',
    received: { title: problem.title, detail: problem.detail, type: problem.type },
    checks: [],
    rateLimitReset: null,
  };
}

function portalActions(context: ExplainContext): ExplainAction[] {
  if (context.environmentKind === 'sandbox') {
    return [{ kind: 'open-sandbox-scenarios', label: 'Open sandbox scenarios' }];
  }

  return [{ kind: 'open-portal-url', label: 'Open the X developer portal', url: DEVELOPER_PORTAL_URL }];
}

/** Reads a URL from an untrusted body, accepting only https, so that a link never runs script. */
function readHttpsUrl(body: Record<string, unknown>, key: string): string | null {
  const value = readString(body, key);
  if (value === null) {
    return null;
  }
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
