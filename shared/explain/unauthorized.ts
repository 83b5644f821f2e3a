/**
 * Explains a 401. X sends the same body for every cause, so the explainer checks what it can: the
 * clock skew against the Date header, the URL signed against the URL sent, unset credentials, and
 * (only against the sandbox) the reason header.
 */
import type { ExplainableResult, ExplainAction, ExplainCheck, ExplainContext, Explanation } from './types.ts';
import { formatTimeOfDay } from './format-time.ts';
import { readDateHeader, readHeader, readOAuthTimestamp, type ProblemFacts } from './response-facts.ts';

/** Response header in which the sandbox names why authentication failed. Real X never sends it. */
export const SANDBOX_AUTH_ERROR_HEADER = 'x-sandbox-auth-error';

/**
 * Largest clock skew in seconds that the explainer treats as harmless. X publishes no timestamp
 * window; 5 minutes is common among OAuth 1.0a servers and is what the sandbox allows.
 */
export const CLOCK_SKEW_LIMIT_SECONDS = 300;

export const DEVELOPER_PORTAL_URL = 'https://developer.x.com/en/portal/dashboard';

interface SandboxReason {
  title: string;
  cause: string;
  step: string;
}

const COPY_KEYS_AGAIN =
  'Copy consumer_key, consumer_secret, access_token and token_secret again from the same app (the sandbox portal, or "Keys and tokens" in the X developer portal) into the environment.';

const MALFORMED_HEADER: SandboxReason = {
  title: 'The Authorization header is malformed',
  cause: 'The sandbox could not read the OAuth 1.0a Authorization header.',
  step: 'Send through the workbench, which builds the header for you, or compare your header with RFC 5849 section 3.5.1.',
};

const SANDBOX_REASONS: Record<string, SandboxReason> = {
  signature_mismatch: {
    title: 'The signature does not match',
    cause: 'The sandbox computed a different signature, so the consumer secret or the token secret does not belong to the consumer key and access token sent.',
    step: COPY_KEYS_AGAIN,
  },
  timestamp_out_of_window: {
    title: 'The clocks are too far apart',
    cause: `oauth_timestamp is more than ${CLOCK_SKEW_LIMIT_SECONDS} s away from the server's clock, so the request counts as too old or from the future.`,
    step: 'Set the clock of the machine that runs the workbench automatically (NTP). Against the sandbox, the Clock skew scenario moved its clock: press "Reset sandbox".',
  },
  unknown_consumer_key: {
    title: 'The consumer key is unknown',
    cause: 'oauth_consumer_key does not belong to any app: it has a typo, or the key was regenerated.',
    step: COPY_KEYS_AGAIN,
  },
  unknown_token: {
    title: 'The access token is unknown',
    cause: 'oauth_token is not a known access token: it has a typo, or it was revoked or regenerated.',
    step: 'Generate a new access token and secret for the app and paste both into the environment.',
  },
  token_consumer_mismatch: {
    title: 'The access token belongs to another app',
    cause: 'The access token was generated for a different app than the consumer key. A token only works with the keys of the app that issued it.',
    step: "Use the consumer key and secret of the token's app, or generate a token under this app.",
  },
  nonce_reused: {
    title: 'The request was replayed',
    cause: 'oauth_nonce was already used with this timestamp. X treats a repeated nonce as a replay.',
    step: 'Send again: the workbench makes a new nonce for every send. A script must do the same.',
  },
  unknown_bearer_token: {
    title: 'The bearer token is unknown',
    cause: 'The bearer token does not belong to any app: it has a typo, or it was regenerated.',
    step: 'Copy the bearer token again from the app and paste it into the environment as bearer_token.',
  },
  missing_authorization: { ...MALFORMED_HEADER, title: 'The Authorization header is missing', cause: 'The request carried no Authorization header.' },
  unsupported_scheme: MALFORMED_HEADER,
  malformed_authorization: MALFORMED_HEADER,
  duplicate_oauth_parameter: MALFORMED_HEADER,
  missing_oauth_parameter: MALFORMED_HEADER,
  unsupported_signature_method: { ...MALFORMED_HEADER, cause: 'X accepts only the HMAC-SHA1 signature method for OAuth 1.0a.' },
  unsupported_oauth_version: MALFORMED_HEADER,
  invalid_timestamp: { ...MALFORMED_HEADER, cause: 'oauth_timestamp must be Unix time in whole seconds.' },
  invalid_percent_encoding: { ...MALFORMED_HEADER, cause: 'The query string has an invalid percent-encoding, so it cannot be signed.' },
};

/** Reasons that the sandbox reports only after it matched the token to the consumer key's app. */
const REASONS_AFTER_APP_MATCH = new Set(['signature_mismatch', 'nonce_reused']);

export function explainUnauthorized(result: ExplainableResult, context: ExplainContext, problem: ProblemFacts | null): Explanation {
  const sandboxReason = readHeader(result.response.headers, SANDBOX_AUTH_ERROR_HEADER);
  const checks = context.authType === 'oauth1' ? oauth1Checks(result, context, sandboxReason) : [checkCredentialsSet(context)];
  const known = sandboxReason === null ? undefined : SANDBOX_REASONS[sandboxReason];
  const firstFailed = checks.find((check) => check.result === 'failed');

  const { title, cause } = describeCause(context, sandboxReason, known, firstFailed);
  const steps = [
    ...(known === undefined ? [] : [known.step]),
    ...(firstFailed === undefined ? [] : [stepForCheck(firstFailed, context)]),
    ...genericSteps(context),
  ];
  if (sandboxReason !== null) {
    steps.push(`The sandbox names the cause in the ${SANDBOX_AUTH_ERROR_HEADER} header ("${sandboxReason}"). Real X does not send it: it returns the same 401 body for every cause.`);
  }

  return {
    tone: 'error',
    title,
    cause,
    received: problem === null ? null : { title: problem.title, detail: problem.detail, type: problem.type },
    checks,
    steps: [...new Set(steps)],
    actions: unauthorizedActions(context),
    rateLimitReset: null,
  };
}

function describeCause(
  context: ExplainContext,
  sandboxReason: string | null,
  known: SandboxReason | undefined,
  firstFailed: ExplainCheck | undefined,
): { title: string; cause: string } {
  if (known !== undefined) {
    return { title: known.title, cause: known.cause };
  }
  if (firstFailed !== undefined) {
    return { title: firstFailed.label, cause: firstFailed.detail };
  }
  if (sandboxReason !== null) {
    return { title: 'The sandbox rejected the credentials', cause: `The sandbox rejected the request for the reason "${sandboxReason}".` };
  }
  if (context.authType === 'oauth2') {
    return {
      title: 'X rejected the OAuth 2.0 access token',
      cause: 'The access token expired or was revoked, or it was issued by another app or for another environment.',
    };
  }
  if (context.authType === 'app-only') {
    return { title: 'X rejected the bearer token', cause: 'The bearer token has a typo, or it was regenerated or revoked.' };
  }

  return {
    title: 'X rejected the credentials',
    cause:
      'X returns the same 401 body for every authentication failure. The checks below found nothing wrong, so the usual cause remains: a consumer secret or token secret that does not match its key, often after one of them was regenerated.',
  };
}

function oauth1Checks(result: ExplainableResult, context: ExplainContext, sandboxReason: string | null): ExplainCheck[] {
  const checks: ExplainCheck[] = [];
  if (sandboxReason !== null) {
    checks.push({
      id: 'sandbox-reason',
      label: 'Reason reported by the sandbox',
      result: 'failed',
      detail: SANDBOX_REASONS[sandboxReason]?.cause ?? `The sandbox reported "${sandboxReason}".`,
    });
  }
  checks.push(checkClock(result, context), checkHost(result), checkCredentialsSet(context), checkSameApp(sandboxReason));

  return checks;
}

function checkClock(result: ExplainableResult, context: ExplainContext): ExplainCheck {
  const label = 'The clocks are too far apart';
  const serverMs = readDateHeader(result.response.headers);
  if (serverMs === null) {
    return { id: 'clock', label, result: 'unknown', detail: 'The response has no Date header to compare the clock with.' };
  }
  const signedSeconds = readOAuthTimestamp(result.request.headers);
  const localSeconds = signedSeconds ?? Math.floor(context.receivedAtMs / 1000);
  const skew = localSeconds - Math.floor(serverMs / 1000);
  const subject = signedSeconds === null ? 'The local clock' : 'The request was signed at';
  const times = `${subject} ${formatTimeOfDay(localSeconds * 1000, context.timeZone)}; the server's Date header says ${formatTimeOfDay(serverMs, context.timeZone)}`;

  if (Math.abs(skew) > CLOCK_SKEW_LIMIT_SECONDS) {
    const direction = skew > 0 ? 'ahead of' : 'behind';
    return {
      id: 'clock',
      label,
      result: 'failed',
      detail: `${times}: the local clock is ${Math.abs(skew)} s ${direction} the server's, more than the ${CLOCK_SKEW_LIMIT_SECONDS} s that OAuth 1.0a servers commonly allow.`,
    };
  }

  return { id: 'clock', label, result: 'passed', detail: `${times}: ${Math.abs(skew)} s apart, within ${CLOCK_SKEW_LIMIT_SECONDS} s.` };
}

function checkHost(result: ExplainableResult): ExplainCheck {
  const label = 'The URL signed is not the URL sent';
  const signed = result.signature?.baseUrl;
  if (signed === undefined) {
    return { id: 'host', label, result: 'unknown', detail: 'This send has no signature details to compare with.' };
  }
  const sent = baseUrlOf(result.request.url);
  if (sent !== signed) {
    return {
      id: 'host',
      label,
      result: 'failed',
      detail: `The signature covers ${signed} but the request went to ${sent ?? result.request.url}. The signature covers scheme, host and path, so sign exactly the URL that is sent.`,
    };
  }

  return { id: 'host', label, result: 'passed', detail: `Signed and sent to ${signed}.` };
}

function checkCredentialsSet(context: ExplainContext): ExplainCheck {
  const label = 'A credential was never set';
  if (context.unsetCredentials.length > 0) {
    return {
      id: 'credentials-set',
      label,
      result: 'failed',
      detail: `${context.unsetCredentials.join(', ')} ${context.unsetCredentials.length === 1 ? 'is' : 'are'} not set in the environment.`,
    };
  }

  return {
    id: 'credentials-set',
    label,
    result: 'passed',
    detail: 'Every credential of this auth type is set. The workbench cannot tell whether their values are right.',
  };
}

function checkSameApp(sandboxReason: string | null): ExplainCheck {
  const label = 'The access token belongs to another app';
  if (sandboxReason === 'token_consumer_mismatch') {
    return { id: 'same-app', label, result: 'failed', detail: SANDBOX_REASONS.token_consumer_mismatch!.cause };
  }
  if (sandboxReason !== null && REASONS_AFTER_APP_MATCH.has(sandboxReason)) {
    return { id: 'same-app', label, result: 'passed', detail: "The sandbox matched the access token to the consumer key's app." };
  }

  return {
    id: 'same-app',
    label,
    result: 'unknown',
    detail: 'X does not say. Check that the access token and secret were generated under the app whose consumer key you use.',
  };
}

function stepForCheck(check: ExplainCheck, context: ExplainContext): string {
  switch (check.id) {
    case 'clock':
      return SANDBOX_REASONS.timestamp_out_of_window!.step;
    case 'host':
      return 'Sign the request for the same scheme, host and path that it is sent to.';
    case 'credentials-set':
      return `Open the environment and set ${context.unsetCredentials.join(', ')}.`;
    case 'same-app':
      return SANDBOX_REASONS.token_consumer_mismatch!.step;
    case 'sandbox-reason':
      return COPY_KEYS_AGAIN;
  }
}

function genericSteps(context: ExplainContext): string[] {
  if (context.authType === 'oauth2') {
    return ['Sign in with OAuth 2.0 again on the Authorization tab; the workbench stores the new token for this environment.'];
  }
  if (context.authType === 'app-only') {
    return ['Copy the bearer token again from the app\'s "Keys and tokens" page into bearer_token.'];
  }

  return [COPY_KEYS_AGAIN];
}

function unauthorizedActions(context: ExplainContext): ExplainAction[] {
  const actions: ExplainAction[] = [{ kind: 'open-environment', label: 'Open the environment' }];
  if (context.environmentKind === 'sandbox') {
    actions.push({ kind: 'open-sandbox-scenarios', label: 'Open sandbox scenarios' });
  } else {
    actions.push({ kind: 'open-portal-url', label: 'Open the X developer portal', url: DEVELOPER_PORTAL_URL });
  }

  return actions;
}

/** Returns scheme, host and path as OAuth 1.0a signs them: lower-case, no default port, no query. */
export function baseUrlOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return null;
  }
}
