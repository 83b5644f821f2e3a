/**
 * The built-in collection: the Follows and User Lookup requests of X's official Postman collection
 * that this workbench covers, with their parameters described as X documents them. Plain types, no
 * zod: the browser bundle imports this file and stays small.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The rule a path variable's value is checked against before sending: a user ID (1 to 19 digits),
 * a username, or, for requests imported from a Postman collection, any non-empty path segment.
 */
export type ParameterKind = 'user_id' | 'username' | 'segment';

export interface PathVariableDefinition {
  key: string;
  kind: ParameterKind;
  description: string;
  /** When true and the value is empty, the proxy fills in the access token's user ID. */
  defaultsToTokenUser: boolean;
}

export interface QueryParameterDefinition {
  key: string;
  description: string;
}

export interface RequestDefinition {
  id: string;
  /** Folder name; the built-in requests use Follows and Users, imported ones their Postman folder path. */
  folder: string;
  name: string;
  description: string;
  method: HttpMethod;
  /** Path below the environment's base URL, with `:name` path variables as in Postman. */
  path: string;
  pathVariables: PathVariableDefinition[];
  query: QueryParameterDefinition[];
  /** JSON body template, or null for requests without a body. */
  bodyTemplate: string | null;
  /** Whether the endpoint changes state on X (follow, unfollow): such requests are never retried. */
  changesState: boolean;
}

const USER_FIELDS =
  'Comma-separated user fields. Allowed: created_at, description, entities, id, location, most_recent_tweet_id, name, pinned_tweet_id, profile_image_url, protected, public_metrics, url, username, verified, verified_type, withheld. Default: id, name, username.';
const EXPANSIONS = 'Expansions. Allowed: pinned_tweet_id.';
const TWEET_FIELDS = 'Comma-separated fields for the expanded pinned Tweet. Needs expansions=pinned_tweet_id.';

const listQuery: QueryParameterDefinition[] = [
  { key: 'max_results', description: 'Users per page, 1 to 1000. Default: 100.' },
  {
    key: 'pagination_token',
    description: 'Copy meta.next_token or meta.previous_token from a previous response to get that page.',
  },
  { key: 'user.fields', description: USER_FIELDS },
  { key: 'expansions', description: EXPANSIONS },
  { key: 'tweet.fields', description: TWEET_FIELDS },
];

const lookupQuery: QueryParameterDefinition[] = [
  { key: 'user.fields', description: USER_FIELDS },
  { key: 'expansions', description: EXPANSIONS },
  { key: 'tweet.fields', description: TWEET_FIELDS },
];

const authenticatedUserId = (description: string): PathVariableDefinition => ({
  key: 'id',
  kind: 'user_id',
  description,
  defaultsToTokenUser: true,
});

export const builtinRequests: readonly RequestDefinition[] = [
  {
    id: 'follow',
    folder: 'Follows',
    name: 'Follow a user ID',
    description:
      'Makes the authenticated user follow the target user. Following a protected account sends a follow request instead: the response says pending_follow: true until the account accepts.',
    method: 'POST',
    path: '/2/users/:id/following',
    pathVariables: [
      authenticatedUserId('The authenticated user ID. It must be the owner of the access token; empty means the token\'s own ID.'),
    ],
    query: [],
    bodyTemplate: '{\n  "target_user_id": ""\n}',
    changesState: true,
  },
  {
    id: 'unfollow',
    folder: 'Follows',
    name: 'Unfollow a user ID',
    description: 'Makes the authenticated user stop following the target user.',
    method: 'DELETE',
    path: '/2/users/:source_user_id/following/:target_user_id',
    pathVariables: [
      {
        key: 'source_user_id',
        kind: 'user_id',
        description: 'The authenticated user ID. It must be the owner of the access token; empty means the token\'s own ID.',
        defaultsToTokenUser: true,
      },
      {
        key: 'target_user_id',
        kind: 'user_id',
        description: 'The user ID to unfollow.',
        defaultsToTokenUser: false,
      },
    ],
    query: [],
    bodyTemplate: null,
    changesState: true,
  },
  {
    id: 'following',
    folder: 'Follows',
    name: 'Users a user ID is following',
    description: 'Lists the users that the given user follows, newest first, one page at a time.',
    method: 'GET',
    path: '/2/users/:id/following',
    pathVariables: [authenticatedUserId('The user whose followed accounts to list; empty means the token\'s own ID.')],
    query: listQuery,
    bodyTemplate: null,
    changesState: false,
  },
  {
    id: 'followers',
    folder: 'Follows',
    name: 'Followers of user ID',
    description: 'Lists the followers of the given user, newest first, one page at a time.',
    method: 'GET',
    path: '/2/users/:id/followers',
    pathVariables: [authenticatedUserId('The user whose followers to list; empty means the token\'s own ID.')],
    query: listQuery,
    bodyTemplate: null,
    changesState: false,
  },
  {
    id: 'user-by-username',
    folder: 'Users',
    name: 'User by Username',
    description: 'Looks up a user by username and returns the ID to use in the Follows requests.',
    method: 'GET',
    path: '/2/users/by/username/:username',
    pathVariables: [
      { key: 'username', kind: 'username', description: 'A username without the "@", such as TwitterDev.', defaultsToTokenUser: false },
    ],
    query: lookupQuery,
    bodyTemplate: null,
    changesState: false,
  },
  {
    id: 'me',
    folder: 'Users',
    name: 'Authenticated user lookup',
    description: 'Returns the user who owns the access token: the ID to use as id and source_user_id.',
    method: 'GET',
    path: '/2/users/me',
    pathVariables: [],
    query: lookupQuery,
    bodyTemplate: null,
    changesState: false,
  },
];

export const builtinRequestIds = builtinRequests.map((request) => request.id);

export function findBuiltinRequest(id: string): RequestDefinition | undefined {
  return builtinRequests.find((request) => request.id === id);
}
