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
