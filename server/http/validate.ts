import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

/**
 * Parses the JSON body with a zod schema before the handler runs; the handler reads the parsed
 * value with `parsedBody(res)` and never touches `req.body`. The error names the first bad field.
 */
export function validateBody<Schema extends z.ZodType>(schema: Schema): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})` : '';
      next(new ApiError('invalid_request', `${field === '' ? 'The request body' : field}: ${issue.message}${more}`, { field }));
      return;
    }
    res.locals.body = result.data;
    next();
  };
}

export function parsedBody<T>(res: Response): T {
  return res.locals.body as T;
}

/**
 * The `verify` hook of express.json: rejects a body that is not valid UTF-8. Without it the decoder
 * replaces each invalid byte with U+FFFD, and the altered text would be stored or sent as if the
 * user had typed it.
 */
export function rejectInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (!isUtf8(body)) {
    throw new ApiError('invalid_request', 'The request body is not valid UTF-8 (send JSON text encoded as UTF-8)');
  }
}
