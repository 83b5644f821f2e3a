import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The one logger of the server. Redaction lives here, in one place: any field that could carry a
 * credential is censored wherever it appears in a log object, at any of the depths listed.
 */
export const REDACTED_LOG_PATHS = [
  'authorization',
  'Authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'oauth_signature',
  '*.oauth_signature',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'value',
  '*.value',
  'consumer_key',
  'consumer_secret',
  'access_token',
  'token_secret',
  'bearer_token',
  'client_secret',
  '*.consumer_key',
  '*.consumer_secret',
  '*.access_token',
  '*.token_secret',
  '*.bearer_token',
  '*.client_secret',
  'csrfToken',
  // OAuth 2.0 tokens and the PKCE verifier, in X's and in camelCase spelling. A bare "code" is not
  // listed, because it would also hide the error codes (such as ECONNREFUSED) of logged errors.
  'refresh_token',
  'code_verifier',
  'accessToken',
  'refreshToken',
  'verifier',
  '*.refresh_token',
  '*.code_verifier',
  '*.accessToken',
  '*.refreshToken',
  '*.verifier',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
