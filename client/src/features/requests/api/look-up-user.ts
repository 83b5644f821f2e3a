import type { SendResult } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import { sendRequest } from './send-request.ts';

/**
 * Finds user IDs through the proxy with real requests: "Authenticated user lookup" for the user
 * behind the credentials, and "User by Username" for anyone else. IDs are read as the strings X
 * sends, never as numbers.
 */

export interface FoundUser {
  id: string;
  username: string;
}

/** Returns the user that the environment's credentials act as, from GET /2/users/me. */
export async function lookUpMe(environmentId: string, authType: AuthType | undefined): Promise<FoundUser> {
  const result = await sendRequest({
    environmentId,
    requestId: 'me',
    pathVariables: {},
    query: [],
    body: null,
    ...(authType === undefined ? {} : { authType }),
  });

  return readUser(result, 'GET /2/users/me');
}

/** Returns the user with a username, from GET /2/users/by/username/:username. A leading "@" is dropped. */
export async function lookUpUsername(environmentId: string, authType: AuthType | undefined, username: string): Promise<FoundUser> {
  const result = await sendRequest({
    environmentId,
    requestId: 'user-by-username',
    pathVariables: { username: username.startsWith('@') ? username.slice(1) : username },
    query: [],
    body: null,
    ...(authType === undefined ? {} : { authType }),
  });

  return readUser(result, 'User by Username');
}

function readUser(result: SendResult, requestName: string): FoundUser {
  const body = parseObject(result.response.body);
  const data = body?.data as { id?: unknown; username?: unknown } | undefined;
  if (result.response.status === 200 && typeof data?.id === 'string' && typeof data.username === 'string') {
    return { id: data.id, username: data.username };
  }

  const status = `${result.response.status} ${result.response.statusText}`.trim();
  const detail = readErrorDetail(body);
  throw new Error(`${requestName} returned ${status}${detail === null ? ' without a user' : `: ${detail}`}`);
}

/** Returns the first errors[].detail of a 200 with errors, or the detail of a problem body. */
function readErrorDetail(body: Record<string, unknown> | null): string | null {
  const errors = Array.isArray(body?.errors) ? (body.errors as Array<{ detail?: unknown }>) : [];
  if (typeof errors[0]?.detail === 'string') {
    return errors[0].detail;
  }

  return typeof body?.detail === 'string' ? body.detail : null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
