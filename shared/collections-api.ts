import { z } from 'zod';
import type { EnvironmentView } from './api.ts';
import type { CollectionModel } from './postman/model.ts';

/**
 * The contract of Postman import and export (`/api/import`, `/api/collections`). Imported
 * collections are kept as the workbench's collection model; imported environments become ordinary
 * workbench environments.
 */

export { MAX_IMPORT_BYTES } from './import-limits.ts';

export const importRequestSchema = z.strictObject({
  kind: z.enum(['collection', 'environment']),
  fileName: z
    .string()
    .min(1, 'must not be empty')
    .max(255, 'must be at most 255 characters')
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters'),
  /** The file's text, as read by the browser. */
  content: z.string(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export interface CollectionSummary {
  id: string;
  name: string;
  fileName: string;
  requestCount: number;
  /** Problems that did not stop the import, such as a dropped literal credential, one sentence each. */
  warnings: string[];
  importedAt: string;
}

export interface CollectionDetail extends CollectionSummary {
  model: CollectionModel;
}

export type ImportResult =
  | { kind: 'collection'; collection: CollectionSummary }
  | {
      kind: 'environment';
      environment: EnvironmentView;
      /** Keys whose value in the file was a placeholder such as "Your consumer key", now unset. */
      placeholderKeys: string[];
      warnings: string[];
    };
