/** Follow, unfollow, and the following and followers lists. */
import { defineEndpoint, authenticatedUserId, type ApiRequest } from './endpoint.ts';
import type { EdgePage } from './edge-list.ts';
import { parseFollowBody } from './follow-body.ts';
import type { FollowListKind } from './graph.ts';
import type { PageCursor } from './pagination.ts';
import { userNotFound, userSuspended, type ParameterError } from './problems.ts';
import {
  checkAuthenticatedUser,
  checkFieldList,
  checkMaxResults,
  checkUserIdParameter,
  parseQuery,
  throwIfInvalid,
} from './request-parsing.ts';
import type { SandboxState } from './state.ts';
import { renderUser, TWEET_FIELDS, USER_EXPANSIONS, USER_FIELDS, type UserField } from './user-fields.ts';

const LIST_QUERY_PARAMETERS = ['max_results', 'pagination_token', 'user.fields', 'expansions', 'tweet.fields'];

/** Returns the errors[] body for a target that cannot be followed, or null when it can. */
function checkTarget(state: SandboxState, sourceId: string, targetId: string): { errors: unknown[] } | null {
  const target = state.graph.findUser(targetId);
  // Following yourself gets resource-not-found, as in X's own API simulator.
  if (!target || target.id === sourceId) {
    return { errors: [userNotFound('target_user_id', targetId)] };
  }
  if (target.suspended) {
    return { errors: [userSuspended('target_user_id', targetId)] };
  }

  return null;
}

export const followEndpoint = defineEndpoint({
  name: 'follow',
  method: 'post',
  path: '/2/users/:id/following',
  userContextOnly: true,
  writes: true,
  oauth2Scopes: ['follows.write', 'tweet.read', 'users.read'],
  parse(request, caller) {
    const errors: ParameterError[] = [];
    parseQuery(request.rawQuery, [], ['id'], errors);
    const sourceId = checkUserIdParameter('id', request.params.id!, errors);
    checkAuthenticatedUser('id', sourceId, authenticatedUserId(caller), errors);
    const targetId = parseFollowBody(request.contentType, request.body, errors);
    throwIfInvalid(errors);

    return { sourceId, targetId: targetId! };
  },
  handle({ sourceId, targetId }, _caller, state) {
    const rejection = checkTarget(state, sourceId, targetId);
    if (rejection) {
      return rejection;
    }

    const result = state.graph.follow(sourceId, targetId);

    return { data: { following: result.following, pending_follow: result.pendingFollow } };
  },
});

export const unfollowEndpoint = defineEndpoint({
  name: 'unfollow',
  method: 'delete',
  path: '/2/users/:source_user_id/following/:target_user_id',
  userContextOnly: true,
  writes: true,
  oauth2Scopes: ['follows.write', 'tweet.read', 'users.read'],
  parse(request, caller) {
    const errors: ParameterError[] = [];
    parseQuery(request.rawQuery, [], ['source_user_id', 'target_user_id'], errors);
    const sourceId = checkUserIdParameter('source_user_id', request.params.source_user_id!, errors);
    const targetId = checkUserIdParameter('target_user_id', request.params.target_user_id!, errors);
    checkAuthenticatedUser('source_user_id', sourceId, authenticatedUserId(caller), errors);
    throwIfInvalid(errors);

    return { sourceId, targetId };
  },
  handle({ sourceId, targetId }, _caller, state) {
    const target = state.graph.findUser(targetId);
    if (!target || target.id === sourceId) {
      return { errors: [userNotFound('target_user_id', targetId)] };
    }

    // Also cancels a pending follow request. A suspended target can still be unfollowed.
    state.graph.unfollow(sourceId, targetId);

    return { data: { following: false } };
  },
});

interface ListInput {
  userId: string;
  maxResults: number;
  cursor: PageCursor | null;
  fields: Set<UserField>;
}

function parseListRequest(kind: FollowListKind, request: ApiRequest, state: SandboxState): ListInput {
  const errors: ParameterError[] = [];
  const query = parseQuery(request.rawQuery, LIST_QUERY_PARAMETERS, ['id'], errors);
  const userId = checkUserIdParameter('id', request.params.id!, errors);
  const maxResults = checkMaxResults(query.get('max_results'), errors);
  const fields = checkFieldList('user.fields', query.get('user.fields'), USER_FIELDS, errors);
  checkFieldList('expansions', query.get('expansions'), USER_EXPANSIONS, errors);
  checkFieldList('tweet.fields', query.get('tweet.fields'), TWEET_FIELDS, errors);

  let cursor: PageCursor | null = null;
  const token = query.get('pagination_token');
  if (token !== undefined) {
    cursor = state.paginationTokens.decode(listId(kind, userId), token) ?? null;
    if (!cursor) {
      errors.push({
        parameters: { pagination_token: [token] },
        message: `The \`pagination_token\` query parameter value [${token}] is not valid`,
      });
    }
  }
  throwIfInvalid(errors);

  return { userId, maxResults, cursor, fields };
}

function listId(kind: FollowListKind, userId: string): string {
  return `${kind}:${userId}`;
}

function readPage(kind: FollowListKind, input: ListInput, state: SandboxState): EdgePage {
  const list = state.graph.list(kind, input.userId);
  if (!list) {
    return { ids: [], newestSequence: undefined, oldestSequence: undefined, hasNewer: false, hasOlder: false };
  }
  if (input.cursor?.direction === 'newer') {
    return list.pageNewerThan(input.cursor.sequence, input.maxResults);
  }

  return list.pageOlderThan(input.cursor?.sequence ?? null, input.maxResults);
}

/** Lists one page newest first; X leaves out `data` when the page is empty. */
function handleList(kind: FollowListKind, input: ListInput, state: SandboxState): unknown {
  const user = state.graph.findUser(input.userId);
  if (!user) {
    return { errors: [userNotFound('id', input.userId)] };
  }
  if (user.suspended) {
    return { errors: [userSuspended('id', input.userId)] };
  }

  const page = readPage(kind, input, state);
  const meta: Record<string, unknown> = { result_count: page.ids.length };
  if (page.hasOlder && page.oldestSequence !== undefined) {
    meta.next_token = state.paginationTokens.encode(listId(kind, input.userId), { direction: 'older', sequence: page.oldestSequence });
  }
  if (page.hasNewer && page.newestSequence !== undefined) {
    meta.previous_token = state.paginationTokens.encode(listId(kind, input.userId), { direction: 'newer', sequence: page.newestSequence });
  }
  if (page.ids.length === 0) {
    return { meta };
  }

  const data = page.ids.map((id) => renderUser(state.graph.findUser(id)!, input.fields, state.graph));

  return { data, meta };
}

function defineListEndpoint(kind: FollowListKind) {
  return defineEndpoint({
    name: kind,
    method: 'get',
    path: `/2/users/:id/${kind}`,
    userContextOnly: false,
    writes: false,
    oauth2Scopes: ['follows.read', 'tweet.read', 'users.read'],
    parse: (request, _caller, state) => parseListRequest(kind, request, state),
    handle: (input, _caller, state) => handleList(kind, input, state),
  });
}

export const followingEndpoint = defineListEndpoint('following');
export const followersEndpoint = defineListEndpoint('followers');
