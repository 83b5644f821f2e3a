/**
 * Explains an X API response for a newcomer: what happened, why, and the next step. Matching goes
 * by status and by the last path segment of the problem type, since X's types differ only in host.
 * The one-line meaning comes from describeOutcome; this adds cause, steps and actions.
 */
import { findBuiltinRequest } from '../collection.ts';
import { describeOutcome, type Outcome } from '../outcome.ts';
import { explainForbidden } from './forbidden.ts';
import { formatSeconds, formatTimeOfDay } from './format-time.ts';
import { explainNotFound } from './not-found.ts';
import { computeLocalReset } from './rate-limit-clock.ts';
import {
  isJsonObject,
  parseJsonObject,
  readErrorEntries,
  readProblem,
  readRateLimit,
  readString,
  type JsonObject,
  type ProblemFacts,
} from './response-facts.ts';
import type { ExplainableResult, ExplainAction, ExplainContext, Explanation, RateLimitReset } from './types.ts';
import { explainUnauthorized } from './unauthorized.ts';

const AUTHENTICATING_USER = /must be the same as the authenticating user \[([0-9]{1,19})\]/;

export function explainResponse(result: ExplainableResult, context: ExplainContext): Explanation {
  const { response } = result;
  const body = parseJsonObject(response.body);
  const problem = body === null ? null : readProblem(body);
  const outcome = describeOutcome({
    requestId: context.requestId,
    status: response.status,
    statusText: response.statusText,
    body: response.body,
    sentBody: result.request.body,
    sentUrl: result.request.url,
    authType: context.authType,
  });

  if (response.status === 401) {
    return explainUnauthorized(result, context, problem);
  }
  if (response.status === 429) {
    return explainTooManyRequests(result, context, problem);
  }
  if (response.status === 403 && problem !== null) {
    return explainForbidden(problem, context);
  }
  if (response.status === 404) {
    return explainNotFound(result, context, problem);
  }
  if (response.status === 400 && problem?.name === 'invalid-request') {
    return explainInvalidRequest(problem, context);
  }
  if (response.status >= 200 && response.status < 300 && body !== null) {
    return explainSuccessStatus(body, outcome, context);
  }

  return {
    ...plain(outcome.tone, problem),
    title: `${response.status} ${response.statusText}`.trim(),
    cause: outcome.text,
    steps: response.status >= 500 ? ['X failed to handle the request. Wait a moment and send again.'] : [],
  };
}

function explainTooManyRequests(result: ExplainableResult, context: ExplainContext, problem: ProblemFacts | null): Explanation {
  const reading = readRateLimit(result.response.headers);
  const explanation: Explanation = {
    ...plain('error', problem),
    title: 'Rate limit reached',
    cause: 'X allows only so many requests per 15-minute window for these credentials and this endpoint, and none are left.',
    steps: ['The meter beside Send shows what is left after every response.'],
    actions: context.environmentKind === 'sandbox' ? [{ kind: 'open-sandbox-scenarios', label: 'Open sandbox scenarios' }] : [],
  };
  if (context.environmentKind === 'sandbox') {
    explanation.steps.push('In the sandbox, "Reset sandbox" refills the limit.');
  }
  if (reading === null) {
    explanation.steps.unshift('X did not say when the window resets. Windows last 15 minutes, so wait that long at most.');
    return explanation;
  }

  const reset = computeReset(reading.resetSeconds, result, context);
  const secondsLeft = (reset.localResetAtMs - context.receivedAtMs) / 1000;
  explanation.cause = `X allows ${reading.limit} requests per window for these credentials and this endpoint, and ${reading.remaining} are left.`;
  explanation.steps.unshift(`Wait until ${reset.localTime} (in ${formatSeconds(secondsLeft)}), when the window resets (x-rate-limit-reset: ${reading.resetSeconds}).`);
  explanation.rateLimitReset = reset;

  return explanation;
}

function computeReset(resetSeconds: number, result: ExplainableResult, context: ExplainContext): RateLimitReset {
  const localResetAtMs = computeLocalReset(resetSeconds, result.response.headers, context.receivedAtMs);

  return { epochSeconds: resetSeconds, localResetAtMs, localTime: formatTimeOfDay(localResetAtMs, context.timeZone) };
}

function explainInvalidRequest(problem: ProblemFacts, context: ExplainContext): Explanation {
  const entries = readErrorEntries(problem.body);
  const definition = findBuiltinRequest(context.requestId);
  const actions: ExplainAction[] = [];
  const steps: string[] = [];

  for (const entry of entries) {
    const parameter = firstParameter(entry);
    const message = readString(entry, 'message') ?? 'X sent no message for this parameter.';
    const field = parameter === null ? null : editorField(parameter.name, definition);
    steps.push(parameter === null ? message : `${parameter.name}: got ${JSON.stringify(parameter.value)}. ${message}`);

    const authenticatingUser = AUTHENTICATING_USER.exec(message)?.[1] ?? null;
    const userId = authenticatingUser ?? context.authenticatedUserId;
    if (authenticatingUser !== null && field !== null && userId !== null && !actions.some((action) => action.kind === 'use-my-id')) {
      actions.push({ kind: 'use-my-id', label: `Use my ID (${userId})`, field, userId });
    }
  }
  steps.push('X calls every parameter a "query parameter", even the ones in the path. Fix the value on the Params or Body tab and send again.');

  const first = entries[0] === undefined ? null : firstParameter(entries[0]);

  return {
    ...plain('error', problem),
    title: first === null ? 'X rejected a parameter' : `The parameter ${first.name} is not valid`,
    cause:
      actions.length > 0
        ? 'This endpoint acts for the authenticated user, so the user ID in the path must be the ID of the token\'s owner.'
        : 'X checked the parameters before doing anything and rejected at least one of them.',
    steps,
    actions,
  };
}

function explainSuccessStatus(body: JsonObject, outcome: Outcome, context: ExplainContext): Explanation {
  const data = body.data;
  const errors = readErrorEntries(body);
  if (data === undefined && errors[0] !== undefined) {
    return explainResourceError(errors[0], context);
  }
  if (context.requestId === 'follow' && isJsonObject(data)) {
    return explainFollow(data, outcome, context);
  }
  if (context.requestId === 'unfollow' && isJsonObject(data) && data.following === false) {
    return {
      ...plain('success', null),
      title: 'Not following',
      cause: `${outcome.text}. Unfollowing succeeds whether or not there was a follow, and it also cancels a pending follow request.`,
      steps: ['Check it with "Users a user ID is following".'],
    };
  }

  return { ...plain(outcome.tone, null), title: outcome.text, cause: 'X returned data, so the request succeeded.' };
}

function explainFollow(data: JsonObject, outcome: Outcome, context: ExplainContext): Explanation {
  if (data.pending_follow === true) {
    const sandbox = context.environmentKind === 'sandbox';
    return {
      ...plain('success', null),
      title: 'Follow request pending',
      cause: 'The account is protected, so X recorded a follow request: "pending_follow" is true, and "following" stays false until the person accepts it.',
      steps: [
        sandbox
          ? 'In the sandbox, accept or decline the request as that user under Sandbox scenarios. After accepting, following is true; after declining, the request is gone.'
          : 'Wait for the person to accept. Sending the follow again changes nothing.',
        'Unfollowing cancels the request.',
      ],
      actions: sandbox ? [{ kind: 'open-sandbox-scenarios', label: 'Accept or decline as that user' }] : [],
    };
  }
  if (data.following === true) {
    return {
      ...plain('success', null),
      title: 'Following',
      cause: `${outcome.text}. Following again changes nothing: X answers the same.`,
      steps: ['Check it with "Users a user ID is following", or undo it with "Unfollow a user ID".'],
    };
  }

  return {
    ...plain('warning', null),
    title: 'Not following',
    cause: 'X answered "following": false without a pending follow request, so the follow did not happen.',
    steps: ['Look up the target with "User by Username" to check that it exists and can be followed.'],
  };
}

function explainResourceError(error: JsonObject, context: ExplainContext): Explanation {
  const detail = readString(error, 'detail');
  const title = readString(error, 'title');
  const resourceId = readString(error, 'resource_id') ?? readString(error, 'value');
  const parameter = readString(error, 'parameter') ?? 'the target';
  const received = { title, detail, type: readString(error, 'type') };
  const suspended = title === 'Forbidden' || (detail ?? '').toLowerCase().includes('suspended');
  const statusNote = 'The status code alone is not success: X answered HTTP 200 and put the error in errors[].';

  if (suspended) {
    return {
      ...plain('warning', null),
      received,
      title: 'The target account is suspended',
      cause: `The call reached X and was authenticated, but ${describeUser(resourceId, parameter)} is suspended, so it cannot be followed or listed. ${statusNote}`,
      steps: ['Pick another user. A suspended account stays unavailable until X lifts the suspension.'],
    };
  }

  const self = resourceId !== null && resourceId === context.authenticatedUserId && context.requestId === 'follow';

  return {
    ...plain('warning', null),
    received,
    title: self ? 'You cannot follow yourself' : 'The target user does not exist',
    cause: self
      ? `The call reached X, but ${resourceId} is the authenticated user, and X treats following yourself as a user that is not found. ${statusNote}`
      : `The call reached X and was authenticated, but ${describeUser(resourceId, parameter)} does not exist. ${statusNote}`,
    steps: ['Check the ID or username for typos. "User by Username" finds the ID of a username.'],
  };
}

function describeUser(resourceId: string | null, parameter: string): string {
  return resourceId === null ? `the user named by ${parameter}` : `the user ${resourceId} (${parameter})`;
}

function plain(tone: Explanation['tone'], problem: ProblemFacts | null): Omit<Explanation, 'title' | 'cause'> {
  return {
    tone,
    received: problem === null || (problem.title === null && problem.detail === null) ? null : { title: problem.title, detail: problem.detail, type: problem.type },
    checks: [],
    steps: [],
    actions: [],
    rateLimitReset: null,
  };
}

function firstParameter(entry: JsonObject): { name: string; value: string } | null {
  const parameters = entry.parameters;
  if (!isJsonObject(parameters)) {
    return null;
  }
  for (const [name, values] of Object.entries(parameters)) {
    const value = Array.isArray(values) && typeof values[0] === 'string' ? values[0] : '';
    return { name, value };
  }

  return null;
}

/** Maps an X parameter name to the editor field that contains it, such as "pathVariables.id". */
function editorField(name: string, definition: ReturnType<typeof findBuiltinRequest>): string {
  if (definition?.pathVariables.some((variable) => variable.key === name)) {
    return `pathVariables.${name}`;
  }
  if (definition?.bodyTemplate?.includes(`"${name}"`)) {
    return `body.${name}`;
  }

  return `query.${name}`;
}
