import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnippet, SNIPPET_LANGUAGES, type SnippetAuth, type SnippetRequest } from './index.ts';
import { encodeRfc3986 } from './request.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-'));

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const requests: SnippetRequest[] = [
  {
    name: 'Follow a user ID',
    method: 'POST',
    url: 'https://api.x.com/2/users/1588987262754234368/following',
    body: '{\n  "target_user_id": "2244994945",\n  "note": "it\'s $HOME `x` \\\\ \\"q\\""\n}',
    auth: 'oauth1',
  },
  {
    name: 'Followers of user ID',
    method: 'GET',
    url: "http://127.0.0.1:4001/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cpublic_metrics&note=a%20b%27c",
    body: null,
    auth: 'app-only',
  },
  {
    name: 'Unfollow a user ID',
    method: 'DELETE',
    url: 'https://api.twitter.com/2/users/1/following/2',
    body: null,
    auth: 'oauth2',
  },
];

function write(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

function pythonAvailable(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('generateSnippet', () => {
  describe.each(requests)('$name with $auth', (request) => {
    it.each(SNIPPET_LANGUAGES)('%s reads credentials only from the environment', (language) => {
      const snippet = generateSnippet(language, request);

      expect(snippet).not.toContain('***');
      expect(snippet).not.toMatch(/consumer_secret|token_secret|\[redacted\]/);
      expect(snippet).toContain(request.name);
    });

    it('curl passes bash -n', () => {
      const file = write(`${request.method}-${request.auth}.sh`, generateSnippet('curl', request));

      expect(() => execFileSync('bash', ['-n', file], { stdio: 'pipe' })).not.toThrow();
    });

    it.each(['xurl', 'twurl'] as const)('%s passes bash -n', (language) => {
      const file = write(`${request.method}-${request.auth}-${language}.sh`, generateSnippet(language, request));

      expect(() => execFileSync('bash', ['-n', file], { stdio: 'pipe' })).not.toThrow();
    });

    it('node passes node --check', () => {
      const file = write(`${request.method}-${request.auth}.mjs`, generateSnippet('node', request));

      expect(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })).not.toThrow();
    });

    it.skipIf(!pythonAvailable())('python parses with ast.parse', () => {
      const file = write(`${request.method}-${request.auth}.py`, generateSnippet('python', request));

      expect(() =>
        execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', file], { stdio: 'pipe' }),
      ).not.toThrow();
    });
  });

  it.each<[SnippetAuth, string]>([
    ['oauth1', '$X_API_KEY'],
    ['app-only', '${X_BEARER_TOKEN}'],
    ['oauth2', '${X_OAUTH2_USER_TOKEN}'],
  ])('curl with %s reads %s', (auth, variable) => {
    const snippet = generateSnippet('curl', { ...requests[1]!, auth });

    expect(snippet).toContain(variable);
  });

  it('node reads the OAuth 2.0 user token from its own variable', () => {
    const snippet = generateSnippet('node', requests[2]!);

    expect(snippet).toContain("new TwitterApi(requireEnv('X_OAUTH2_USER_TOKEN'))");
    expect(snippet).toContain('client.v2.delete("users/1/following/2", undefined, { prefix: "https://api.twitter.com/2/" })');
  });

  it('node passes the decoded query as an object', () => {
    const snippet = generateSnippet('node', requests[1]!);

    expect(snippet).toContain('{ "max_results": "10", "user.fields": "created_at,public_metrics", "note": "a b\'c" }');
  });

  it('xurl takes the path and query only', () => {
    const snippet = generateSnippet('xurl', requests[1]!);

    expect(snippet).toContain("xurl --auth app -X GET '/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cpublic_metrics&note=a%20b%27c'");
    expect(snippet).toContain('xurl sends to https://api.x.com, not to http://127.0.0.1:4001');
  });
});

describe('percent_encode in the curl snippet', () => {
  it('matches RFC 3986 encoding for ASCII and UTF-8', () => {
    const snippet = generateSnippet('curl', requests[0]!);
    const functionText = /percent_encode\(\) \{[\s\S]*?\n\}/.exec(snippet)![0];
    const input = "a b+c!*'()é☃/=&%~._-";
    const file = write('encode.sh', `${functionText}\npercent_encode "$1"\n`);

    const output = execFileSync('bash', [file, input], { encoding: 'utf8' });

    expect(output).toBe(encodeRfc3986(input));
  });
});
