/** The user lookups: the authenticated user, one user by ID or username, and many by IDs or usernames. */
import { USER_ID_PATTERN, USERNAME_PATTERN } from '../../shared/ids.ts';

import { authenticatedUserId, defineEndpoint } from './endpoint.ts';
import type { UserProfile } from './graph.ts';
import { userNotFound, userSuspended, type ParameterError, type ResourceError } from './problems.ts';
import { checkFieldList, checkLookupList, checkUserIdParameter, checkUsernameParameter, parseQuery, throwIfInvalid } from './request-parsing.ts';
import type { SandboxState } from './state.ts';
import { renderUser, TWEET_FIELDS, USER_EXPANSIONS, USER_FIELDS, type UserField, type UserObject } from './user-fields.ts';

const LOOKUP_QUERY_PARAMETERS = ['user.fields', 'expansions', 'tweet.fields'];

/** X's authentication mapping gives every user lookup the same OAuth 2.0 scopes. */
const LOOKUP_SCOPES = ['tweet.read', 'users.read'] as const;

/** Parses the query of a lookup: the field lists, plus `listParameters` such as `ids` for the multi-user lookups. */
function checkLookupQuery(
  rawQuery: string,
  pathParameters: string[],
  errors: ParameterError[],
  listParameters: string[] = [],
): { fields: Set<UserField>; query: Map<string, string> } {
  const query = parseQuery(rawQuery, [...listParameters, ...LOOKUP_QUERY_PARAMETERS], pathParameters, errors);
  const fields = checkFieldList('user.fields', query.get('user.fields'), USER_FIELDS, errors);
  checkFieldList('expansions', query.get('expansions'), USER_EXPANSIONS, errors);
  checkFieldList('tweet.fields', query.get('tweet.fields'), TWEET_FIELDS, errors);

  return { fields, query };
}

/** A found user's `data` entry, or the HTTP 200 error that X reports for a missing or suspended user. */
type LookupResult = { data: UserObject } | { error: ResourceError };

function lookUpUser(
  user: UserProfile | undefined,
  parameter: string,
  value: string,
  fields: ReadonlySet<UserField>,
  state: SandboxState,
): LookupResult {
  if (!user) {
    return { error: userNotFound(parameter, value) };
  }
  if (user.suspended) {
    return { error: userSuspended(parameter, value) };
  }

  return { data: renderUser(user, fields, state.graph) };
}

function respondWithOne(result: LookupResult): unknown {
  return 'data' in result ? { data: result.data } : { errors: [result.error] };
}

/** Builds a multi-user body: the found users in the requested order, then one error per other value. X omits an empty list. */
function respondWithMany(results: LookupResult[]): unknown {
  const data = results.flatMap((result) => ('data' in result ? [result.data] : []));
  const errors = results.flatMap((result) => ('error' in result ? [result.error] : []));

  return { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) };
}

export const meEndpoint = defineEndpoint({
  name: 'me',
  method: 'get',
  path: '/2/users/me',
  userContextOnly: true,
  writes: false,
  oauth2Scopes: LOOKUP_SCOPES,
  parse(request) {
    const errors: ParameterError[] = [];
    const { fields } = checkLookupQuery(request.rawQuery, [], errors);
    throwIfInvalid(errors);

    return { fields };
  },
  handle({ fields }, caller, state) {
    const userId = authenticatedUserId(caller);
    const user = state.graph.findUser(userId);
    if (!user) {
      return { errors: [userNotFound('id', userId)] };
    }

    return { data: renderUser(user, fields, state.graph) };
  },
});

export const userByUsernameEndpoint = defineEndpoint({
  name: 'user_by_username',
  method: 'get',
  path: '/2/users/by/username/:username',
  userContextOnly: false,
  writes: false,
  oauth2Scopes: LOOKUP_SCOPES,
  parse(request) {
    const errors: ParameterError[] = [];
    const { fields } = checkLookupQuery(request.rawQuery, ['username'], errors);
    const username = checkUsernameParameter(request.params.username!, errors);
    throwIfInvalid(errors);

    return { username, fields };
  },
  handle({ username, fields }, _caller, state) {
    return respondWithOne(lookUpUser(state.graph.findUserByUsername(username), 'username', username, fields, state));
  },
});

/**
 * Looks up 1 to 100 usernames, matched case-insensitively. A username given twice, in any case, is
 * looked up once, under its first spelling.
 * NOTE: X does not document how it treats a repeated value, so the sandbox returns each user once.
 */
export const usersByUsernamesEndpoint = defineEndpoint({
  name: 'users_by_usernames',
  method: 'get',
  path: '/2/users/by',
  userContextOnly: false,
  writes: false,
  oauth2Scopes: LOOKUP_SCOPES,
  parse(request) {
    const errors: ParameterError[] = [];
    const { fields, query } = checkLookupQuery(request.rawQuery, [], errors, ['usernames']);
    const usernames = checkLookupList(
      'usernames',
      query.get('usernames'),
      { pattern: USERNAME_PATTERN, rule: `does not match ${USERNAME_PATTERN.source}`, repeatKey: (username) => username.toLowerCase() },
      errors,
    );
    throwIfInvalid(errors);

    return { usernames, fields };
  },
  handle({ usernames, fields }, _caller, state) {
    return respondWithMany(
      usernames.map((username) => lookUpUser(state.graph.findUserByUsername(username), 'usernames', username, fields, state)),
    );
  },
});

/**
 * Looks up 1 to 100 user IDs. An ID given twice is looked up once.
 * NOTE: X does not document how it treats a repeated value, so the sandbox returns each user once.
 */
export const usersByIdsEndpoint = defineEndpoint({
  name: 'users_by_ids',
  method: 'get',
  path: '/2/users',
  userContextOnly: false,
  writes: false,
  oauth2Scopes: LOOKUP_SCOPES,
  parse(request) {
    const errors: ParameterError[] = [];
    const { fields, query } = checkLookupQuery(request.rawQuery, [], errors, ['ids']);
    const ids = checkLookupList('ids', query.get('ids'), { pattern: USER_ID_PATTERN, rule: 'is not valid' }, errors);
    throwIfInvalid(errors);

    return { ids, fields };
  },
  handle({ ids, fields }, _caller, state) {
    return respondWithMany(ids.map((id) => lookUpUser(state.graph.findUser(id), 'ids', id, fields, state)));
  },
});

/** Registered after /2/users/me and /2/users/by, whose last segment would otherwise be read as an ID. */
export const userByIdEndpoint = defineEndpoint({
  name: 'user_by_id',
  method: 'get',
  path: '/2/users/:id',
  userContextOnly: false,
  writes: false,
  oauth2Scopes: LOOKUP_SCOPES,
  parse(request) {
    const errors: ParameterError[] = [];
    const { fields } = checkLookupQuery(request.rawQuery, ['id'], errors);
    const id = checkUserIdParameter('id', request.params.id!, errors);
    throwIfInvalid(errors);

    return { id, fields };
  },
  handle({ id, fields }, _caller, state) {
    return respondWithOne(lookUpUser(state.graph.findUser(id), 'id', id, fields, state));
  },
});
