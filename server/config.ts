import path from 'node:path';
import { z } from 'zod';

/**
 * Server settings, read once from environment variables at start-up. A bad value stops the start
 * with every bad variable listed.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const portSchema = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be 0 to 65535`)
    .max(65535, `${name} must be 0 to 65535`)
    .default(fallback);

const listSchema = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const environmentSchema = z.object({
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  PORT: portSchema('PORT', 4000),
  SANDBOX_PORT: portSchema('SANDBOX_PORT', 4001),
  WORKBENCH_DATA_DIR: z.string().trim().min(1).default('.data'),
  WORKBENCH_SECRET_KEY: z.string().trim().optional(),
  WORKBENCH_ALLOWED_UPSTREAMS: listSchema,
  WORKBENCH_PUBLIC_HOSTS: listSchema,
  WORKBENCH_TEAM_MODE: z.enum(['0', '1', 'true', 'false']).optional(),
  WORKBENCH_UPSTREAM_TIMEOUT_MS: z.coerce
    .number({ error: 'WORKBENCH_UPSTREAM_TIMEOUT_MS must be a number of milliseconds' })
    .int()
    .min(100, 'WORKBENCH_UPSTREAM_TIMEOUT_MS must be at least 100')
    .max(600_000, 'WORKBENCH_UPSTREAM_TIMEOUT_MS must be at most 600000')
    .default(15_000),
  WORKBENCH_SENDS_PER_MINUTE: z.coerce
    .number({ error: 'WORKBENCH_SENDS_PER_MINUTE must be a number' })
    .int()
    .min(1, 'WORKBENCH_SENDS_PER_MINUTE must be at least 1')
    .default(300),
  WORKBENCH_OAUTH2_REDIRECT_URI: z.string().trim().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  sandboxPort: number;
  dataDir: string;
  /** 32-byte key for secrets at rest, when given as WORKBENCH_SECRET_KEY; otherwise a key file in dataDir is used. */
  secretKey: Buffer | null;
  /** Extra upstream origins that the proxy may forward to, besides api.x.com, api.twitter.com and the sandbox. */
  allowedUpstreams: string[];
  /** Host names (any port) or name:port pairs accepted in the Host header besides the loopback names. */
  publicHosts: string[];
  /** One workspace per browser session instead of a single shared one. */
  teamMode: boolean;
  upstreamTimeoutMs: number;
  sendsPerMinute: number;
  /** OAuth 2.0 redirect URI registered with X; null means `<workbench URL>/oauth2/callback`. */
  oauth2RedirectUri: string | null;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.[0-9]{1,3}){3}$/.test(host);
}

/** Parses the settings from `env`, throwing a ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];

  const secretKey = parseSecretKey(values.WORKBENCH_SECRET_KEY, problems);
  for (const origin of values.WORKBENCH_ALLOWED_UPSTREAMS) {
    const problem = checkUpstreamOrigin(origin);
    if (problem) {
      problems.push(`WORKBENCH_ALLOWED_UPSTREAMS: ${problem}`);
    }
  }
  const redirectProblem = values.WORKBENCH_OAUTH2_REDIRECT_URI ? checkRedirectUri(values.WORKBENCH_OAUTH2_REDIRECT_URI) : null;
  if (redirectProblem) {
    problems.push(`WORKBENCH_OAUTH2_REDIRECT_URI: ${redirectProblem}`);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const explicitTeamMode = values.WORKBENCH_TEAM_MODE;
  const teamMode =
    explicitTeamMode === undefined ? !isLoopbackHost(values.HOST) : explicitTeamMode === '1' || explicitTeamMode === 'true';

  return {
    host: values.HOST,
    port: values.PORT,
    sandboxPort: values.SANDBOX_PORT,
    dataDir: path.resolve(cwd, values.WORKBENCH_DATA_DIR),
    secretKey,
    allowedUpstreams: values.WORKBENCH_ALLOWED_UPSTREAMS.map((origin) => new URL(origin).origin),
    publicHosts: values.WORKBENCH_PUBLIC_HOSTS.map((host) => host.toLowerCase()),
    teamMode,
    upstreamTimeoutMs: values.WORKBENCH_UPSTREAM_TIMEOUT_MS,
    sendsPerMinute: values.WORKBENCH_SENDS_PER_MINUTE,
    oauth2RedirectUri: values.WORKBENCH_OAUTH2_REDIRECT_URI || null,
    logLevel: values.LOG_LEVEL,
  };
}

function parseSecretKey(value: string | undefined, problems: string[]): Buffer | null {
  if (!value) {
    return null;
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) {
    problems.push(
      'WORKBENCH_SECRET_KEY: must be 32 bytes, as 64 hex digits or base64 (generate one with: openssl rand -hex 32)',
    );
    return null;
  }

  return key;
}

/** Returns why `value` is not a plain http(s) origin, or null when it is one. */
export function checkUpstreamOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a URL (expected an origin such as https://api.example.com)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${JSON.stringify(value)} must use https:// or http://`;
  }
  if (url.username || url.password) {
    return `${JSON.stringify(value)} must not contain a user name or password`;
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return `${JSON.stringify(value)} must be an origin without a path, query or fragment (use ${url.origin})`;
  }

  return null;
}

/**
 * Returns why `value` cannot be an OAuth 2.0 redirect URI, or null when it can. The page at that
 * URI must be this workbench's client, which finishes the sign-in, so only its path is free.
 */
export function checkRedirectUri(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a URL (expected one such as http://127.0.0.1:4000/oauth2/callback)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${JSON.stringify(value)} must use https:// or http://`;
  }
  if (url.username || url.password || url.search || url.hash) {
    return `${JSON.stringify(value)} must not contain a user name, password, query or fragment`;
  }

  return null;
}
