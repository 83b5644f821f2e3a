import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('WORKBENCH_OAUTH2_REDIRECT_URI', () => {
  it('defaults to null, which means the workbench URL', () => {
    expect(loadConfig({}).oauth2RedirectUri).toBeNull();
  });

  it('accepts an https URL with a path', () => {
    const config = loadConfig({ WORKBENCH_OAUTH2_REDIRECT_URI: 'https://workbench.example/oauth2/callback' });

    expect(config.oauth2RedirectUri).toBe('https://workbench.example/oauth2/callback');
  });

  it.each([
    ['not a URL', 'callback', '"callback" is not a URL'],
    ['another scheme', 'ftp://example.com/callback', 'must use https:// or http://'],
    ['a query', 'http://127.0.0.1:4000/oauth2/callback?x=1', 'must not contain a user name, password, query or fragment'],
    ['a fragment', 'http://127.0.0.1:4000/oauth2/callback#top', 'must not contain a user name, password, query or fragment'],
  ])('rejects %s', (_label, value, message) => {
    let problems: string[] = [];
    try {
      loadConfig({ WORKBENCH_OAUTH2_REDIRECT_URI: value });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`WORKBENCH_OAUTH2_REDIRECT_URI: `);
    expect(problems[0]).toContain(message);
  });
});
