import type { EnvironmentView } from '../../../shared/api.ts';
import type { ImportRequest, ImportResult } from '../../../shared/collections-api.ts';
import { parseEnvironmentText, type ImportedEnvironment } from '../../../shared/postman/environment.ts';
import { parseCollectionText, PostmanImportError } from '../../../shared/postman/normalize.ts';
import type { Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import type { EnvironmentStore } from '../environments/store.ts';
import type { UpstreamPolicy } from '../upstreams.ts';
import type { CollectionStore } from './store.ts';

/**
 * Imports Postman files. The whole file is parsed and checked before anything is written, and the
 * writes run in one transaction, so a failed import leaves the workspace as it was.
 */

/** Base URL of an imported environment whose file has no usable `base_url`. */
export const DEFAULT_IMPORT_BASE_URL = 'https://api.x.com';

export interface ImportServiceOptions {
  db: Db;
  collections: CollectionStore;
  environments: EnvironmentStore;
  upstreams: UpstreamPolicy;
}

export class ImportService {
  constructor(private readonly options: ImportServiceOptions) {}

  import(workspaceId: string, input: ImportRequest): ImportResult {
    if (input.kind === 'collection') {
      const { model, warnings } = parsed(() => parseCollectionText(input.content, input.fileName));
      return { kind: 'collection', collection: this.options.collections.add(workspaceId, input.fileName, model, warnings) };
    }

    const imported = parsed(() => parseEnvironmentText(input.content, input.fileName));
    const create = this.options.db.transaction(() => this.createEnvironment(workspaceId, imported));

    return create();
  }

  private createEnvironment(workspaceId: string, imported: ImportedEnvironment): ImportResult {
    const warnings = [...imported.warnings];
    const baseUrl = this.chooseBaseUrl(imported.baseUrl, warnings);
    const environment: EnvironmentView = this.options.environments.create(workspaceId, {
      name: this.freeName(workspaceId, imported.name),
      baseUrl,
      variables: imported.variables.map((variable) => ({
        key: variable.key,
        secret: variable.secret,
        enabled: variable.enabled,
        value: variable.value,
      })),
    });

    return { kind: 'environment', environment, placeholderKeys: imported.placeholderKeys, warnings };
  }

  /** Uses the file's base_url when it is an allowed upstream, and the X API otherwise, with a warning. */
  private chooseBaseUrl(fileBaseUrl: string | null, warnings: string[]): string {
    if (fileBaseUrl === null) {
      return DEFAULT_IMPORT_BASE_URL;
    }
    try {
      return this.options.upstreams.requireAllowed(new URL(fileBaseUrl).origin, 'base_url');
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : `${JSON.stringify(fileBaseUrl)} is not a URL`;
      warnings.push(`${reason}; the environment uses ${DEFAULT_IMPORT_BASE_URL} instead`);
      return DEFAULT_IMPORT_BASE_URL;
    }
  }

  /** Returns the name, or the name with " (2)", " (3)"… when the workspace already has it. */
  private freeName(workspaceId: string, name: string): string {
    const takenNames = new Set(this.options.environments.list(workspaceId).map((environment) => environment.name));
    const base = name.slice(0, 70);
    if (!takenNames.has(base)) {
      return base;
    }
    for (let suffix = 2; ; suffix++) {
      const candidate = `${base} (${suffix})`;
      if (!takenNames.has(candidate)) {
        return candidate;
      }
    }
  }
}

/** Runs a parser and turns its PostmanImportError into a 400 that names the file's JSON path. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PostmanImportError) {
      throw new ApiError('invalid_request', error.message, { field: 'content', cause: error });
    }
    throw error;
  }
}
