import { describe, expect, it } from 'vitest';

import type { ApiErrorBody } from '../api.ts';
import { explainApiError } from './explain-api-error.ts';
import type { ExplainContext } from './types.ts';

const context: ExplainContext = {
  requestId: 'follow',
  authType: 'oauth1',
  environmentKind: 'custom',
  unsetCredentials: [],
  authenticatedUserId: null,
  receivedAtMs: 0,
  timeZone: 'UTC',
};

type ErrorDetail = ApiErrorBody['error'];

const cases: Array<{ name: string; error: ErrorDetail; title: string; step: string; actions: string[] }> = [
  {
    name: 'connection refused',
    error: {
      code: 'upstream_unreachable',
      message: 'POST http://127.0.0.1:9/2/users/1/following failed while connecting: connection refused (is the server running on that port?)',
      target: 'http://127.0.0.1:9/2/users/1/following',
    },
    title: 'The connection was refused',
    step: "Check the environment's base URL, including the port.",
    actions: ['open-environment'],
  },
  {
    name: 'timeout',
    error: { code: 'upstream_timeout', message: 'did not answer within 15000 ms', target: 'https://api.x.com/2/users/me' },
    title: 'The server did not answer in time',
    step: 'Send again; the list and lookup requests are safe to repeat, and follow and unfollow give the same result when repeated.',
    actions: [],
  },
  {
    name: 'TLS failure',
    error: { code: 'upstream_unreachable', message: 'failed while connecting: the TLS handshake failed (CERT_HAS_EXPIRED)' },
    title: 'The TLS handshake failed',
    step: 'Check the system clock: a wrong date makes valid certificates look expired.',
    actions: [],
  },
  {
    name: 'DNS failure',
    error: { code: 'upstream_unreachable', message: 'failed while connecting: the host name could not be resolved' },
    title: 'The host name could not be resolved',
    step: "Check the spelling of the environment's base URL.",
    actions: ['open-environment'],
  },
  {
    name: 'upstream not allowed',
    error: { code: 'upstream_not_allowed', message: 'https://example.com is not an allowed upstream' },
    title: 'The workbench does not forward to this address',
    step: "Set the environment's base URL to https://api.x.com.",
    actions: ['open-environment'],
  },
  {
    name: 'credential never set',
    error: { code: 'invalid_request', message: 'OAuth 1.0a needs token_secret', field: 'environment.token_secret' },
    title: 'A credential was never set',
    step: 'Open the environment and paste the value from your app\'s "Keys and tokens" page in the X developer portal.',
    actions: ['open-environment'],
  },
  {
    name: 'workbench send limit',
    error: { code: 'rate_limited', message: 'This workspace reached its limit of 300 sends per minute; wait 12 s.' },
    title: 'The workbench paused sending',
    step: 'Wait for the time in the message, then send again. WORKBENCH_SENDS_PER_MINUTE sets the limit.',
    actions: [],
  },
];

describe('explainApiError', () => {
  it.each(cases)('explains $name', ({ error, title, step, actions }) => {
    const explanation = explainApiError(error, context);

    expect(explanation.title).toBe(title);
    expect(explanation.steps).toContain(step);
    expect(explanation.actions.map((action) => action.kind)).toEqual(actions);
  });

  it('shows the workbench message as received', () => {
    const explanation = explainApiError(cases[0]!.error, context);

    expect(explanation.received).toEqual({ title: null, detail: cases[0]!.error.message, type: null });
  });

  it('names the sandbox restart for a refused sandbox connection', () => {
    const explanation = explainApiError(cases[0]!.error, { ...context, environmentKind: 'sandbox' });

    expect(explanation.steps[1]).toContain('restart the workbench');
  });
});
