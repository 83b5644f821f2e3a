import { z } from 'zod';
import { apiErrorBodySchema, sendRequestSchema, sendResultSchema } from './api.ts';

/**
 * The request history contract (`/api/history`). Every send is kept, newest first, with what went
 * out (credentials redacted) and what came back. History IDs are decimal strings.
 */

/** Entries kept per workspace; older ones are deleted as new ones arrive. */
export const MAX_HISTORY_ENTRIES = 1000;
export const DEFAULT_HISTORY_PAGE = 50;
export const MAX_HISTORY_PAGE = 200;

export const HISTORY_STATUS_FILTERS = ['2xx', '3xx', '4xx', '5xx', 'error'] as const;
export const historyStatusFilterSchema = z.enum(HISTORY_STATUS_FILTERS);
export type HistoryStatusFilter = z.infer<typeof historyStatusFilterSchema>;

const historyIdSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, { error: (issue) => `must be a history ID of 1 to 19 digits; got ${JSON.stringify(issue.input)}` });

/** Query of `GET /api/history`. Values arrive as strings, as in any URL. */
export const historyQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, { error: (issue) => `must be a whole number from 1 to ${MAX_HISTORY_PAGE}; got ${JSON.stringify(issue.input)}` })
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAX_HISTORY_PAGE, { error: `must be from 1 to ${MAX_HISTORY_PAGE}` })
    .optional(),
  /** Returns entries older than this ID: the `nextBefore` of the previous page. */
  before: historyIdSchema.optional(),
  status: historyStatusFilterSchema.optional(),
  /** A request name, such as "Follow a user ID", or a path template, such as "/2/users/:id/following". */
  endpoint: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const historySummarySchema = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  environmentName: z.string(),
  requestName: z.string(),
  /** Method and path template, such as "POST /2/users/:id/following". */
  endpoint: z.string(),
  method: z.string(),
  /** The URL as sent, or the path template when the send stopped before a URL was built. */
  url: z.string(),
  /** HTTP status from X, or null when no response arrived. */
  status: z.number().int().nullable(),
  statusClass: z.union([historyStatusFilterSchema, z.literal('1xx')]),
  errorMessage: z.string().nullable(),
  durationMs: z.number().nullable(),
  sizeBytes: z.number().int().nullable(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

export const historyPageSchema = z.strictObject({
  entries: z.array(historySummarySchema),
  /** Pass as `before` to read the next, older page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const historyEntrySchema = historySummarySchema.extend({
  /** The send as the browser made it, for re-sending. It never contains a secret value. */
  input: sendRequestSchema,
  result: sendResultSchema.nullable(),
  error: apiErrorBodySchema.shape.error.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
