import type { SendRequest } from '../../../../../shared/api.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import type { RequestDraft } from './editor-state.ts';

/**
 * Turns a draft into the body of POST /api/send. Path variables go as typed, empty ones included
 * (the server fills empty token-user variables); only ticked query rows with a key are sent. An
 * auth type other than "inherit" overrides the environment's.
 */
export function buildSendRequest(environmentId: string, definition: RequestDefinition, draft: RequestDraft): SendRequest {
  const pathVariables: Record<string, string> = {};
  for (const variable of definition.pathVariables) {
    pathVariables[variable.key] = draft.pathVariables[variable.key] ?? '';
  }

  return {
    environmentId,
    requestId: definition.id,
    pathVariables,
    query: draft.query
      .filter((row) => row.enabled && row.key !== '')
      .map((row) => ({ key: row.key, value: row.value, enabled: true })),
    body: definition.bodyTemplate === null ? null : draft.body,
    ...(draft.authType === 'inherit' ? {} : { authType: draft.authType }),
  };
}
