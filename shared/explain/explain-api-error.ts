/**
 * Explains an error from the workbench server itself: a request it refused to send, or an upstream
 * it could not reach. Such errors never reached X, so X's own advice does not apply.
 */
import type { ApiErrorBody } from '../api.ts';
import type { ExplainAction, ExplainContext, Explanation } from './types.ts';

type ApiErrorDetail = ApiErrorBody['error'];

const OPEN_ENVIRONMENT: ExplainAction = { kind: 'open-environment', label: 'Open the environment' };

export function explainApiError(error: ApiErrorDetail, context: ExplainContext): Explanation {
  switch (error.code) {
    case 'upstream_unreachable':
      return explainUnreachable(error, context);
    case 'upstream_timeout':
      return explanation(error, {
        title: 'The server did not answer in time',
        cause: `${target(error)} did not answer within the time limit, so the workbench gave up. X may still have done what was asked.`,
        steps: [
          'Send again; the list and lookup requests are safe to repeat, and follow and unfollow give the same result when repeated.',
          'If it keeps happening, a firewall may drop the packets, or the server is overloaded. WORKBENCH_UPSTREAM_TIMEOUT_MS sets the limit.',
        ],
        actions: [],
      });
    case 'upstream_not_allowed':
      return explanation(error, {
        title: 'The workbench does not forward to this address',
        cause: 'The proxy forwards only to https://api.x.com, https://api.twitter.com, the sandbox and the origins in WORKBENCH_ALLOWED_UPSTREAMS, and only to /2/ paths, so that it cannot be used to reach other servers.',
        steps: [
          "Set the environment's base URL to https://api.x.com.",
          'To use another X-compatible server, start the workbench with its origin in WORKBENCH_ALLOWED_UPSTREAMS.',
        ],
        actions: [OPEN_ENVIRONMENT],
      });
    case 'rate_limited':
      return explanation(error, {
        title: 'The workbench paused sending',
        cause: 'The workbench limits sends per workspace per minute, so that a runaway loop cannot spend your X quota. X did not receive this request.',
        steps: ['Wait for the time in the message, then send again. WORKBENCH_SENDS_PER_MINUTE sets the limit.'],
        actions: [],
      });
    case 'invalid_request':
      return explainInvalidInput(error, context);
    case 'session_required':
    case 'csrf_failed':
      return explanation(error, {
        title: 'The session ended',
        cause: 'The workbench server no longer knows this page\'s session, for example after its data folder was deleted.',
        steps: ['Reload the page to start a new session.'],
        actions: [],
      });
    default:
      return explanation(error, {
        title: 'The workbench server did not send the request',
        cause: error.message,
        steps: ['Read the message above; if it mentions the server log, the log has the details.'],
        actions: [],
      });
  }
}

function explainUnreachable(error: ApiErrorDetail, context: ExplainContext): Explanation {
  const message = error.message.toLowerCase();
  const sandboxStep = 'The sandbox runs inside the workbench server: restart the workbench if it stopped answering.';
  if (message.includes('connection refused')) {
    return explanation(error, {
      title: 'The connection was refused',
      cause: `Nothing accepts connections at ${target(error)}: the server is not running there, or the port is wrong.`,
      steps: [
        "Check the environment's base URL, including the port.",
        context.environmentKind === 'sandbox' ? sandboxStep : 'Check that the server at that address is running.',
      ],
      actions: [OPEN_ENVIRONMENT],
    });
  }
  if (message.includes('tls')) {
    return explanation(error, {
      title: 'The TLS handshake failed',
      cause: `The secure connection to ${target(error)} could not be set up, so nothing was sent.`,
      steps: [
        'Check the system clock: a wrong date makes valid certificates look expired.',
        'A proxy or antivirus that intercepts HTTPS presents its own certificate; add its certificate authority with NODE_EXTRA_CA_CERTS or send without it.',
      ],
      actions: [],
    });
  }
  if (message.includes('could not be resolved')) {
    return explanation(error, {
      title: 'The host name could not be resolved',
      cause: `DNS has no address for the host of ${target(error)}.`,
      steps: ["Check the spelling of the environment's base URL.", 'Check the network connection and DNS settings of the machine that runs the workbench.'],
      actions: [OPEN_ENVIRONMENT],
    });
  }

  return explanation(error, {
    title: 'The workbench could not reach the server',
    cause: error.message,
    steps: ['Send again. If it repeats, check the network connection and the environment\'s base URL.'],
    actions: [OPEN_ENVIRONMENT],
  });
}

function explainInvalidInput(error: ApiErrorDetail, context: ExplainContext): Explanation {
  const field = error.field ?? null;
  if (field !== null && field.startsWith('environment.')) {
    return explanation(error, {
      title: 'A credential was never set',
      cause: `${field.slice('environment.'.length)} is not set in the environment, so the workbench cannot sign the request. Nothing was sent.`,
      steps: [
        context.environmentKind === 'sandbox'
          ? 'Open the environment and paste the value from the sandbox portal, or reset the environment\'s keys from the portal.'
          : 'Open the environment and paste the value from your app\'s "Keys and tokens" page in the X developer portal.',
      ],
      actions: [OPEN_ENVIRONMENT],
    });
  }

  return explanation(error, {
    title: field === null ? 'The request is not valid' : `${field} is not valid`,
    cause: 'The workbench checked the request before sending and found a problem, so X never saw it.',
    steps: ['Fix the value that the message names, then send again.'],
    actions: [],
  });
}

function explanation(error: ApiErrorDetail, parts: Pick<Explanation, 'title' | 'cause' | 'steps' | 'actions'>): Explanation {
  return {
    tone: 'error',
    ...parts,
    received: { title: null, detail: error.message, type: null },
    checks: [],
    rateLimitReset: null,
  };
}

function target(error: ApiErrorDetail): string {
  return error.target ?? 'the server';
}
