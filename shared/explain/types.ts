/**
 * The shapes of an explanation: what a result means, why it happened and what to do next. Plain
 * types, no zod: the browser bundle imports this folder.
 */
import type { EnvironmentKind, HeaderList } from '../api.ts';
import type { AuthType } from '../auth-types.ts';
import type { OutcomeTone } from '../outcome.ts';

/** Facts about the send that the response itself does not contain. */
export interface ExplainContext {
  /** ID of the built-in request, such as "follow". */
  requestId: string;
  /** The auth type the request was sent with. */
  authType: AuthType;
  environmentKind: EnvironmentKind;
  /** Credential variables of `authType` that the environment has not set, such as ["token_secret"]. */
  unsetCredentials: readonly string[];
  /** The user that the credentials act as (the "my ID" of "Use my ID"), or null when unknown. */
  authenticatedUserId: string | null;
  /** Local time when the response arrived, in milliseconds since the epoch. */
  receivedAtMs: number;
  /** IANA time zone for the times shown, such as "Europe/Berlin"; defaults to the runtime's own. */
  timeZone?: string;
}

/** The parts of a SendResult that the explainer reads. */
export interface ExplainableResult {
  request: { method: string; url: string; headers: HeaderList; body: string | null };
  response: { status: number; statusText: string; headers: HeaderList; body: string };
  /** The signature inspector's view, present for OAuth 1.0a sends. */
  signature?: { baseUrl: string } | undefined;
}

/** A button that the explainer offers next to its steps. */
export type ExplainAction =
  /** Puts the authenticated user's ID into a path variable or body field. */
  | { kind: 'use-my-id'; label: string; field: string; userId: string }
  | { kind: 'switch-auth'; label: string; authType: AuthType }
  | { kind: 'open-environment'; label: string }
  /** Opens a page of the X developer portal (or the URL that an error body named) in a new tab. */
  | { kind: 'open-portal-url'; label: string; url: string }
  /** Opens the sandbox scenarios panel, to accept a follow request or reset the sandbox. */
  | { kind: 'open-sandbox-scenarios'; label: string };

export type ExplainActionKind = ExplainAction['kind'];

export type CheckResult = 'failed' | 'passed' | 'unknown';

/** One thing the explainer checked against the response, such as the clock skew. */
export interface ExplainCheck {
  id: 'sandbox-reason' | 'clock' | 'host' | 'credentials-set' | 'same-app';
  label: string;
  result: CheckResult;
  detail: string;
}

/** When a spent rate limit resets. */
export interface RateLimitReset {
  /** The x-rate-limit-reset value: Unix time in seconds on the server's clock. */
  epochSeconds: number;
  /** The same moment on the local clock, corrected by the Date header when there is one. */
  localResetAtMs: number;
  /** `localResetAtMs` as a time of day, such as "14:05:09". */
  localTime: string;
}

export interface Explanation {
  tone: OutcomeTone;
  /** Short heading of the outcome, such as "The app is read-only". */
  title: string;
  /** Cause of the outcome, in one or two sentences. */
  cause: string;
  /** X's own title, detail and problem type, exactly as received; null when the body had none. */
  received: { title: string | null; detail: string | null; type: string | null } | null;
  /** Checks run against the response, most likely cause first. Empty unless the status is 401. */
  checks: ExplainCheck[];
  /** Next steps for the user, in order. */
  steps: string[];
  actions: ExplainAction[];
  /** Set for 429 responses that carry x-rate-limit-reset. */
  rateLimitReset: RateLimitReset | null;
}
