import { parseSnippetUrl, SNIPPET_ENV, X_API_ORIGIN, type SnippetRequest } from './request.ts';

/**
 * Node.js (twitter-api-v2) and Python (requests, requests-oauthlib) programs for the request.
 * Credentials come from environment variables; the body is written as the JSON text it is, so IDs
 * keep their digits.
 */

export function nodeSnippet(request: SnippetRequest): string {
  const { origin, path, query } = parseSnippetUrl(request.url);
  const endpoint = JSON.stringify(path.replace(/^\/2\//, ''));
  const method = request.method.toLowerCase();
  const settings = origin === X_API_ORIGIN ? '' : `, { prefix: ${JSON.stringify(`${origin}/2/`)} }`;
  const hasBody = method === 'post' || method === 'put' || method === 'patch';
  let argument = queryObject(query);
  if (hasBody) {
    argument = request.body === null ? 'undefined' : jsBodyLiteral(request.body);
  }

  return [
    `// ${request.name}: ${request.method} ${request.url}`,
    '// Needs Node.js 18 or later and `npm install twitter-api-v2`; save as an .mjs file and run it with node.',
    `// ${nodeCredentialComment(request)}`,
    "import { TwitterApi } from 'twitter-api-v2';",
    '',
    `const client = new TwitterApi(${nodeCredentials(request)});`,
    '',
    `const result = await client.v2.${method}(${endpoint}, ${argument}${settings});`,
    'console.log(JSON.stringify(result, null, 2));',
    '',
    'function requireEnv(name) {',
    '  const value = process.env[name];',
    "  if (value === undefined || value === '') {",
    '    throw new Error(`Set the environment variable ${name}`);',
    '  }',
    '  return value;',
    '}',
  ].join('\n') + '\n';
}

function nodeCredentialComment(request: SnippetRequest): string {
  if (request.auth === 'oauth1') {
    return `Reads ${SNIPPET_ENV.apiKey}, ${SNIPPET_ENV.apiSecret}, ${SNIPPET_ENV.accessToken} and ${SNIPPET_ENV.accessTokenSecret}.`;
  }
  if (request.auth === 'oauth2') {
    return `Reads ${SNIPPET_ENV.oauth2UserToken}: an OAuth 2.0 user-context access token, not the app's bearer token.`;
  }

  return `Reads ${SNIPPET_ENV.bearerToken}: the app's bearer token (app-only).`;
}

function nodeCredentials(request: SnippetRequest): string {
  if (request.auth === 'oauth1') {
    return [
      '{',
      `  appKey: requireEnv('${SNIPPET_ENV.apiKey}'),`,
      `  appSecret: requireEnv('${SNIPPET_ENV.apiSecret}'),`,
      `  accessToken: requireEnv('${SNIPPET_ENV.accessToken}'),`,
      `  accessSecret: requireEnv('${SNIPPET_ENV.accessTokenSecret}'),`,
      '}',
    ].join('\n');
  }

  return `requireEnv('${request.auth === 'oauth2' ? SNIPPET_ENV.oauth2UserToken : SNIPPET_ENV.bearerToken}')`;
}

/** JSON text is a valid JavaScript expression, so a parseable body is written as it is; any other text is parsed at run time. */
function jsBodyLiteral(body: string): string {
  try {
    JSON.parse(body);
    return body.trim();
  } catch {
    return `JSON.parse(${JSON.stringify(body)})`;
  }
}

function queryObject(query: Array<[string, string]>): string {
  if (query.length === 0) {
    return 'undefined';
  }

  return `{ ${query.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')} }`;
}

export function pythonSnippet(request: SnippetRequest): string {
  const bodyArguments = request.body === null ? '' : '\n    data=BODY,\n    headers={"Content-Type": "application/json"},';
  const bodyLines = request.body === null ? [] : [`BODY = ${JSON.stringify(request.body)}`, ''];

  return [
    `# ${request.name}: ${request.method} ${request.url}`,
    `# Needs Python 3 and \`pip install ${request.auth === 'oauth1' ? 'requests requests-oauthlib' : 'requests'}\`.`,
    `# ${nodeCredentialComment(request)}`,
    'import json',
    'import os',
    '',
    ...pythonSession(request),
    '',
    ...bodyLines,
    `response = session.request(\n    ${JSON.stringify(request.method)},\n    ${JSON.stringify(request.url)},${bodyArguments}\n)`,
    'print(response.status_code)',
    'print(json.dumps(response.json(), indent=2))',
  ].join('\n') + '\n';
}

function pythonSession(request: SnippetRequest): string[] {
  if (request.auth === 'oauth1') {
    return [
      'from requests_oauthlib import OAuth1Session',
      '',
      '# OAuth1Session signs the query but not a JSON body, as X requires.',
      'session = OAuth1Session(',
      `    os.environ["${SNIPPET_ENV.apiKey}"],`,
      `    client_secret=os.environ["${SNIPPET_ENV.apiSecret}"],`,
      `    resource_owner_key=os.environ["${SNIPPET_ENV.accessToken}"],`,
      `    resource_owner_secret=os.environ["${SNIPPET_ENV.accessTokenSecret}"],`,
      ')',
    ];
  }
  const variable = request.auth === 'oauth2' ? SNIPPET_ENV.oauth2UserToken : SNIPPET_ENV.bearerToken;

  return [
    'import requests',
    '',
    'session = requests.Session()',
    `session.headers["Authorization"] = "Bearer " + os.environ["${variable}"]`,
  ];
}
