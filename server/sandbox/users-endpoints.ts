/** The authenticated user lookup and the lookup by username. */
import { authenticatedUserId, defineEndpoint } from './endpoint.ts';
import { userNotFound, userSuspended, type ParameterError } from './problems.ts';
import { checkFieldList, checkUsernameParameter, parseQuery, throwIfInvalid } from './request-parsing.ts';
import { renderUser, TWEET_FIELDS, USER_EXPANSIONS, USER_FIELDS, type UserField } from './user-fields.ts';

const LOOKUP_QUERY_PARAMETERS = ['user.fields', 'expansions', 'tweet.fields'];

function checkLookupQuery(rawQuery: string, pathParameters: string[], errors: ParameterError[]): Set<UserField> {
  const query = parseQuery(rawQuery, LOOKUP_QUERY_PARAMETERS, pathParameters, errors);
  const fields = checkFieldList('user.fields', query.get('user.fields'), USER_FIELDS, errors);
  checkFieldList('expansions', query.get('expansions'), USER_EXPANSIONS, errors);
  checkFieldList('tweet.fields', query.get('tweet.fields'), TWEET_FIELDS, errors);

  return fields;
}

export const meEndpoint = defineEndpoint({
  name: 'me',
  method: 'get',
  path: '/2/users/me',
  userContextOnly: true,
  writes: false,
  oauth2Scopes: ['tweet.read', 'users.read'],
  parse(request) {
    const errors: ParameterError[] = [];
    const fields = checkLookupQuery(request.rawQuery, [], errors);
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
  oauth2Scopes: ['tweet.read', 'users.read'],
  parse(request) {
    const errors: ParameterError[] = [];
    const fields = checkLookupQuery(request.rawQuery, ['username'], errors);
    const username = checkUsernameParameter(request.params.username!, errors);
    throwIfInvalid(errors);

    return { username, fields };
  },
  handle({ username, fields }, _caller, state) {
    const user = state.graph.findUserByUsername(username);
    if (!user) {
      return { errors: [userNotFound('username', username)] };
    }
    if (user.suspended) {
      return { errors: [userSuspended('username', username)] };
    }

    return { data: renderUser(user, fields, state.graph) };
  },
});
