import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiErrorBody, ApiErrorCode, SentRequest } from '../../shared/api.ts';

/** The one error type of the workbench API: a code from a closed set and a message for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: { field?: string; target?: string; request?: SentRequest; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
  }
}

/** HTTP status for each error code. */
export const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  session_required: 401,
  csrf_failed: 403,
  forbidden_origin: 403,
  misdirected_host: 421,
  not_found: 404,
  conflict: 409,
  upstream_not_allowed: 400,
  upstream_unreachable: 502,
  upstream_timeout: 504,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function errorBody(error: ApiError): ApiErrorBody {
  const { field, target, request } = error.details;

  return {
    error: {
      code: error.code,
      message: error.message,
      ...(field === undefined ? {} : { field }),
      ...(target === undefined ? {} : { target }),
      ...(request === undefined ? {} : { request }),
    },
  };
}

/**
 * Converts errors that Express or body-parser raise (bad JSON, too large, wrong charset) into
 * ApiErrors, and anything unknown into an `internal` error whose details stay in the log.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  const parserError = error as { type?: string; status?: number; limit?: number; body?: string };
  switch (parserError.type) {
    case 'entity.parse.failed':
      return new ApiError('invalid_request', 'The request body is not valid JSON (check for a missing quote, comma or brace)', {
        cause: error,
      });
    case 'entity.too.large':
      return new ApiError(
        'payload_too_large',
        `The request body is larger than the limit of ${parserError.limit ?? 'the server'} bytes (send less data)`,
        { cause: error },
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError('unsupported_media_type', 'The request body must be UTF-8 JSON', { cause: error });
  }
  if (error instanceof URIError) {
    return new ApiError('invalid_request', 'The URL contains an invalid percent-encoding', { cause: error });
  }

  return new ApiError('internal', 'The server failed to handle this request (see the server log for details)', {
    cause: error,
  });
}

/** Creates the last middleware, which writes every error as JSON. Stack traces go to the log, never to the client. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const apiError = toApiError(error);
    const status = STATUS_BY_CODE[apiError.code];
    if (status >= 500 && apiError.code === 'internal') {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }

    res.status(status).json(errorBody(apiError));
  };
}
