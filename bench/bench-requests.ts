import type { SendRequest } from '../shared/api.ts';

/**
 * The requests that the benchmark sends, each in two forms: as an X API call (for the signing
 * client and the reference proxy) and as a send of the workbench's collection (for /api/send).
 */

/** TwitterDev, a seeded sandbox user who can always be followed and unfollowed. */
export const FOLLOW_TARGET_ID = '2244994945';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query as sent to the X API, such as /2/users/123/following. */
  path: string;
  body: string | null;
  /** The same request for POST /api/send, without the environment ID; absent for calls of the workbench's own API. */
  send?: Omit<SendRequest, 'environmentId'>;
}

/** Builds a follow and the unfollow that undoes it, so that the graph ends as it started. */
export function followPair(userId: string): BenchRequest[] {
  const followBody = JSON.stringify({ target_user_id: FOLLOW_TARGET_ID });

  return [
    {
      method: 'POST',
      path: `/2/users/${userId}/following`,
      body: followBody,
      send: { requestId: 'follow', pathVariables: {}, query: [], body: followBody },
    },
    {
      method: 'DELETE',
      path: `/2/users/${userId}/following/${FOLLOW_TARGET_ID}`,
      body: null,
      send: { requestId: 'unfollow', pathVariables: { target_user_id: FOLLOW_TARGET_ID }, query: [], body: null },
    },
  ];
}

/** Builds the request for the first page (100 users, the default max_results) of a user's followers. */
export function followersPage(userId: string): BenchRequest {
  return {
    method: 'GET',
    path: `/2/users/${userId}/followers`,
    body: null,
    send: { requestId: 'followers', pathVariables: { id: userId }, query: [], body: null },
  };
}

/** Builds the request for one page of the workbench's request history, newest first. */
export function historyPage(limit: number): BenchRequest {
  return { method: 'GET', path: `/api/history?limit=${limit}`, body: null };
}
