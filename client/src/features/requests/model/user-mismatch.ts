import type { RequestDefinition } from '../../../../../shared/collection.ts';
import type { RequestDraft } from './editor-state.ts';
import { containsVariable } from './validate-draft.ts';

/** A follow or unfollow whose path names another user than the one the credentials act as. */
export interface UserMismatch {
  key: string;
  pathUserId: string;
  authenticatedUserId: string;
}

/**
 * Returns the mismatch when a state-changing request's `id` or `source_user_id` is not the
 * authenticated user's ID, which X rejects with 400. An empty value is filled by the server and a
 * {{variable}} is resolved there, so neither is compared.
 */
export function findUserMismatch(
  definition: RequestDefinition,
  draft: RequestDraft,
  authenticatedUserId: string | null,
): UserMismatch | null {
  if (!definition.changesState || authenticatedUserId === null) {
    return null;
  }
  for (const variable of definition.pathVariables) {
    if (!variable.defaultsToTokenUser) {
      continue;
    }
    const value = draft.pathVariables[variable.key] ?? '';
    if (value === '' || containsVariable(value) || value === authenticatedUserId) {
      continue;
    }
    return { key: variable.key, pathUserId: value, authenticatedUserId };
  }

  return null;
}

export function describeUserMismatch(mismatch: UserMismatch): string {
  return `${mismatch.key} is ${mismatch.pathUserId}, but the authenticated user is ${mismatch.authenticatedUserId}. X lets a user follow and unfollow only as themselves, so it will answer 400 Invalid Request.`;
}
