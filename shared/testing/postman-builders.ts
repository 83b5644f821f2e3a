/**
 * Small Postman files for tests, built in code so that every case shows what it contains.
 * Shared by the unit, integration and end-to-end tests.
 */

export const FOLLOW_TOKEN_SCRIPT = [
  "if (!pm.environment.get('access_token') || !pm.request.url.path.includes(':id')) {",
  '    return;',
  '}',
  "const [userId] = pm.environment.get('access_token').split('-');",
  "const userIdIndex = pm.request.url.path.indexOf(':id');",
  'pm.request.url.path[userIdIndex] = userId;',
];

const oauth1Fields = [
  { key: 'consumerKey', value: '{{consumer_key}}', type: 'string' },
  { key: 'consumerSecret', value: '{{consumer_secret}}', type: 'string' },
  { key: 'token', value: '{{access_token}}', type: 'string' },
  { key: 'tokenSecret', value: '{{token_secret}}', type: 'string' },
  { key: 'signatureMethod', value: 'HMAC-SHA1', type: 'string' },
  { key: 'addParamsToHeader', value: true, type: 'boolean' },
];

/**
 * A v2.1 collection with a bearer auth on the collection, a Follows folder with an OAuth 1.0a
 * follow request (token script, JSON body, described `:id`) and a list request (disabled and
 * enabled query rows), and a Users folder with a request on `{{base_url}}`.
 */
export function buildTestCollection(name = 'Workbench test collection'): Record<string, unknown> {
  return {
    info: {
      _postman_id: 'test-collection-1',
      name,
      description: 'Built by the tests.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{bearer_token}}', type: 'string' }] },
    variable: [{ key: 'api_version', value: '2' }],
    item: [
      {
        name: 'Follows',
        item: [
          {
            name: 'Follow a user ID',
            event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: FOLLOW_TOKEN_SCRIPT } }],
            request: {
              method: 'POST',
              auth: { type: 'oauth1', oauth1: oauth1Fields },
              header: [{ key: 'Content-Type', value: 'application/json' }],
              body: { mode: 'raw', raw: '{\n  "target_user_id": "2244994945"\n}', options: { raw: { language: 'json' } } },
              url: {
                raw: 'https://api.x.com/2/users/:id/following',
                protocol: 'https',
                host: ['api', 'x', 'com'],
                path: ['2', 'users', ':id', 'following'],
                variable: [{ key: 'id', value: '', description: 'The authenticated user ID.' }],
              },
              description: 'Follows a user.',
            },
            response: [],
          },
          {
            name: 'Users a user ID is following',
            request: {
              method: 'GET',
              header: [],
              url: {
                raw: 'https://api.twitter.com/2/users/:id/following?max_results=5',
                query: [
                  { key: 'max_results', value: '5' },
                  { key: 'user.fields', value: 'created_at', disabled: true, description: 'Extra user fields.' },
                ],
                variable: [{ key: 'id', value: '2244994945' }],
              },
            },
          },
        ],
      },
      {
        name: 'Users',
        auth: { type: 'noauth' },
        item: [
          {
            name: 'User by Username',
            request: {
              method: 'GET',
              auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{bearer_token}}', type: 'string' }] },
              url: '{{base_url}}/2/users/by/username/:username',
            },
          },
        ],
      },
    ],
  };
}

/** A v2.0 collection: auth fields as an object, URL and headers as strings, `id` naming a URL variable. */
export function buildV20Collection(): Record<string, unknown> {
  return {
    info: { name: 'Old export', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
    item: [
      {
        name: 'Followers',
        request: {
          method: 'get',
          auth: { type: 'oauth1', oauth1: { consumerKey: '{{consumer_key}}', token: '{{access_token}}', signatureMethod: 'HMAC-SHA1' } },
          header: 'Accept: application/json\nX-Trace: on',
          url: { raw: 'https://api.x.com/2/users/:id/followers', variable: [{ id: 'id', value: '783214' }] },
        },
      },
      { name: 'Me', request: 'https://api.x.com/2/users/me?user.fields=created_at' },
    ],
  };
}

/** The environment file Postman writes, with placeholder values as X's official one has them. */
export function buildTestEnvironment(name = 'Workbench test environment'): Record<string, unknown> {
  return {
    id: 'test-environment-1',
    name,
    values: [
      { key: 'consumer_key', value: 'Your consumer key', enabled: true },
      { key: 'consumer_secret', value: 'Your consumer secret', enabled: true },
      { key: 'access_token', value: '<access token>', enabled: true },
      { key: 'token_secret', value: '', enabled: true },
      { key: 'bearer_token', value: null, enabled: true },
      { key: 'target_user_id', value: '2244994945', enabled: true },
      { key: 'api_note', value: 'kept as typed', enabled: false },
    ],
    _postman_variable_scope: 'environment',
  };
}
