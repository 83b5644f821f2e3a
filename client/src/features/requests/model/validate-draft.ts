import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import { checkUserId, checkUsername, type CheckResult } from '../../../../../shared/ids.ts';
import { readTopLevelProperties, tokenizeJson } from '../../../../../shared/json-format.ts';
import { readBodyTarget, TARGET_KEY } from './body-target.ts';
import type { RequestDraft } from './editor-state.ts';

/**
 * Checks a draft before sending. Each issue names the input it belongs to, using the server's field
 * names where they exist ("pathVariables.id", "body"), so the editor can show it next to that input.
 */

export interface DraftIssue {
  /** "environment", "pathVariables.<key>", "query.<rowId>", "body" or "body.target_user_id". */
  field: string;
  message: string;
}

export interface DraftContext {
  /** Whether an environment is selected at all. */
  hasEnvironment: boolean;
  /** The authenticated user's ID, which the server puts into empty token-user variables, or null when unknown. */
  tokenUserId: string | null;
  /** The auth type the request is sent with; absent means OAuth 1.0a. */
  authType?: AuthType;
}

const VARIABLE_PATTERN = /\{\{[^{}]*\}\}/;
const VARIABLES_PATTERN = /\{\{[^{}]*\}\}/g;
const MAX_RESULTS_LIMIT = 1000;

/** Reports whether a value contains a {{variable}}, which the server resolves, so it cannot be checked here. */
export function containsVariable(value: string): boolean {
  return VARIABLE_PATTERN.test(value);
}

export function validateDraft(definition: RequestDefinition, draft: RequestDraft, context: DraftContext): DraftIssue[] {
  const issues: DraftIssue[] = [];

  if (!context.hasEnvironment) {
    issues.push({ field: 'environment', message: 'Select an environment in the Environment menu to send requests' });
  }
  issues.push(...checkPathVariables(definition, draft, context));
  issues.push(...checkQuery(draft));
  if (definition.bodyTemplate !== null && draft.body !== null) {
    issues.push(...checkBody(definition, draft.body));
  }

  return issues;
}

function checkPathVariables(definition: RequestDefinition, draft: RequestDraft, context: DraftContext): DraftIssue[] {
  const issues: DraftIssue[] = [];

  for (const variable of definition.pathVariables) {
    const value = draft.pathVariables[variable.key] ?? '';
    const field = `pathVariables.${variable.key}`;

    if (containsVariable(value)) {
      continue;
    }
    if (value === '' && variable.defaultsToTokenUser) {
      if (context.hasEnvironment && context.tokenUserId === null) {
        issues.push({ field, message: describeMissingUser(variable.key, context.authType ?? 'oauth1') });
      }
      continue;
    }

    const result: CheckResult =
      variable.kind === 'username' ? checkUsername(variable.key, value) : checkUserId(variable.key, value);
    if (!result.ok) {
      issues.push({ field, message: result.message });
    }
  }

  return issues;
}

function describeMissingUser(key: string, authType: AuthType): string {
  if (authType === 'oauth2') {
    return `${key} is empty, and nobody is signed in with OAuth 2.0 to fill it in (enter a user ID, or press Authorize in the Authorization tab)`;
  }
  if (authType === 'app-only') {
    return `${key} is empty, and an app-only bearer token acts as no user (enter a user ID)`;
  }

  return `${key} is empty, and the environment's access_token has no user ID to fill it in (enter a user ID, or set access_token in Manage environments)`;
}

function checkQuery(draft: RequestDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];

  for (const row of draft.query) {
    const field = `query.${row.rowId}`;
    if (!row.enabled) {
      continue;
    }
    if (row.key === '' && row.value !== '') {
      issues.push({ field, message: `The query parameter with value ${JSON.stringify(row.value)} has no key (enter a key or untick the row)` });
      continue;
    }
    if (row.key === '') {
      continue;
    }
    if (row.value === '') {
      issues.push({ field, message: `${row.key} is ticked but empty (enter a value or untick it)` });
      continue;
    }
    if (row.key === 'max_results' && !containsVariable(row.value) && !isMaxResults(row.value)) {
      issues.push({
        field,
        message: `max_results must be a whole number from 1 to ${MAX_RESULTS_LIMIT}; got ${JSON.stringify(row.value)}`,
      });
    }
  }

  return issues;
}

function isMaxResults(value: string): boolean {
  if (!/^[0-9]{1,4}$/.test(value)) {
    return false;
  }
  const count = Number(value);

  return count >= 1 && count <= MAX_RESULTS_LIMIT;
}

function checkBody(definition: RequestDefinition, body: string): DraftIssue[] {
  // {{variables}} are replaced on the server, possibly outside quotes, so check the syntax with
  // each one standing in as null.
  const hasVariables = containsVariable(body);
  const checkable = hasVariables ? body.replace(VARIABLES_PATTERN, 'null') : body;

  if (tokenizeJson(checkable) === null) {
    return [{ field: 'body', message: `The body is not valid JSON: ${describeJsonError(body)}` }];
  }
  if (!definition.bodyTemplate?.includes(`"${TARGET_KEY}"`)) {
    return [];
  }
  if (hasVariables && tokenizeJson(body) === null) {
    return [];
  }

  return checkFollowBody(body);
}

function checkFollowBody(body: string): DraftIssue[] {
  const field = `body.${TARGET_KEY}`;
  const target = readBodyTarget(body);
  const issues: DraftIssue[] = [];

  if (target.state === 'not-object') {
    return [{ field: 'body', message: `The body must be a JSON object such as {"${TARGET_KEY}": "2244994945"}` }];
  }
  if (target.state === 'missing') {
    issues.push({ field, message: `The body has no ${TARGET_KEY} (add "${TARGET_KEY}": "<user ID to follow>")` });
  }
  if (target.state === 'string' && !containsVariable(target.value)) {
    const result = checkUserId(TARGET_KEY, target.value);
    if (!result.ok) {
      issues.push({ field, message: result.message });
    }
  }
  if (target.state === 'not-string') {
    issues.push({ field, message: describeNonStringTarget(target.kind, target.text) });
  }

  for (const property of readTopLevelProperties(body) ?? []) {
    if (property.key !== TARGET_KEY) {
      issues.push({
        field: 'body',
        message: `The body property ${JSON.stringify(property.key)} is not allowed: the follow body takes only ${TARGET_KEY} (remove it)`,
      });
    }
  }

  return issues;
}

function describeNonStringTarget(kind: string, text: string): string {
  if (kind === 'number' && /^-?[0-9]+$/.test(text)) {
    const result = checkUserId(TARGET_KEY, BigInt(text));
    return result.ok ? '' : result.message;
  }
  if (kind === 'number') {
    return `${TARGET_KEY} must be a string of 1 to 19 digits; got the number ${text} (put the ID in quotes)`;
  }

  return `${TARGET_KEY} must be a string of 1 to 19 digits; got ${text}`;
}

function describeJsonError(body: string): string {
  try {
    JSON.parse(body);
    return 'unknown syntax error';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
