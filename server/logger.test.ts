import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger('debug', destination), lines };
}

describe('logger redaction', () => {
  it.each([
    ['authorization', { authorization: 'OAuth oauth_signature="c2VjcmV0"' }],
    ['headers.authorization', { headers: { authorization: 'Bearer AAAAsecretbearer' } }],
    ['req.headers.cookie', { req: { headers: { cookie: 'wb_session=secretcookie' } } }],
    ['oauth_signature', { oauth_signature: 'c2VjcmV0c2ln' }],
    ['nested token secret', { credentials: { token_secret: 'tokensecret123' } }],
    ['consumer_secret', { consumer_secret: 'consumersecret123' }],
    ['a variable value', { variable: { value: 'variablevalue123' } }],
    ['an OAuth 2.0 refresh token', { grant: { refresh_token: 'refreshtoken123' } }],
    ['a camelCase access token', { tokens: { accessToken: 'accesstoken123' } }],
    ['a PKCE verifier', { pending: { verifier: 'pkceverifier123' } }],
    ['a PKCE verifier in X\'s spelling', { form: { code_verifier: 'pkceverifier123' } }],
  ])('censors %s', (_label, fields) => {
    const { logger, lines } = captureLogger();

    logger.info(fields, 'event');
    const line = lines.join('');

    expect(line).toContain('[redacted]');
    expect(line).not.toMatch(
      /c2VjcmV0|AAAAsecretbearer|secretcookie|tokensecret123|consumersecret123|variablevalue123|refreshtoken123|accesstoken123|pkceverifier123/,
    );
  });
});
