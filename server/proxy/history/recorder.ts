import type { Logger } from 'pino';
import type { ApiErrorBody, HeaderList, SendRequest, SendResult, SentRequest } from '../../../shared/api.ts';
import { findBuiltinRequest } from '../../../shared/collection.ts';
import { errorBody, toApiError } from '../../http/errors.ts';
import type { HistoryStore } from './store.ts';

/**
 * Records every send in the history, successful or not, around the send itself. A failure to
 * record is logged and never fails the send. Authorization values are redacted once more before
 * they are stored, whatever the signer already did.
 */

/** Name, method and path template of a request, which the history shows when the send stopped before a URL was built. */
export interface RequestDescription {
  name: string;
  method: string;
  pathTemplate: string;
}

export interface HistoryRecorderOptions {
  store: HistoryStore;
  logger: Logger;
  /** Returns the environment's name, or null when it does not exist. */
  environmentName: (workspaceId: string, environmentId: string) => string | null;
  /** Describes a request that is not built in, such as an imported one; null when unknown. */
  describeRequest?: (workspaceId: string, input: SendRequest) => RequestDescription | null;
  now?: () => Date;
}

export class HistoryRecorder {
  private readonly now: () => Date;

  constructor(private readonly options: HistoryRecorderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs the send, records its result or error, and returns or rethrows it unchanged. */
  async record(workspaceId: string, input: SendRequest, send: () => Promise<SendResult>): Promise<SendResult> {
    const createdAt = this.now();
    let result: SendResult;
    try {
      result = await send();
    } catch (error) {
      this.save(workspaceId, input, createdAt, null, errorBody(toApiError(error)).error);
      throw error;
    }
    this.save(workspaceId, input, createdAt, result, null);

    return result;
  }

  private save(workspaceId: string, input: SendRequest, createdAt: Date, result: SendResult | null, error: ApiErrorBody['error'] | null): void {
    try {
      const description = this.describe(workspaceId, input);
      const sent = result?.request ?? error?.request ?? null;
      this.options.store.add({
        workspaceId,
        createdAt,
        environmentName: result?.environmentName ?? this.options.environmentName(workspaceId, input.environmentId) ?? input.environmentId,
        requestName: description.name,
        endpoint: `${description.method} ${description.pathTemplate}`,
        method: sent?.method ?? description.method,
        url: sent?.url ?? description.pathTemplate,
        input,
        result: result === null ? null : { ...result, request: redactRequest(result.request) },
        error: error === null ? null : { ...error, ...(error.request === undefined ? {} : { request: redactRequest(error.request) }) },
      });
    } catch (saveError) {
      this.options.logger.error({ err: saveError, workspaceId, requestId: input.requestId }, 'history: failed to record a send');
    }
  }

  private describe(workspaceId: string, input: SendRequest): RequestDescription {
    const builtin = findBuiltinRequest(input.requestId);
    if (builtin) {
      return { name: builtin.name, method: builtin.method, pathTemplate: builtin.path };
    }

    return this.options.describeRequest?.(workspaceId, input) ?? { name: input.requestId, method: 'GET', pathTemplate: '(unknown request)' };
  }
}

/** Replaces any Authorization value that still carries a credential. */
function redactRequest(request: SentRequest): SentRequest {
  return { ...request, headers: request.headers.map(redactHeader) };
}

function redactHeader([name, value]: HeaderList[number]): HeaderList[number] {
  if (name.toLowerCase() !== 'authorization' || value.includes('[redacted]')) {
    return [name, value];
  }
  const scheme = /^\S+/.exec(value)?.[0] ?? '';

  return [name, `${scheme} [redacted]`.trim()];
}
