import { randomUUID } from 'node:crypto';
import type { AuthType } from '../../../shared/auth-types.ts';
import {
  isSecretVariableKey,
  type EnvironmentCreate,
  type EnvironmentKind,
  type EnvironmentUpdate,
  type EnvironmentView,
  type OAuth2Status,
  type VariableInput,
  type VariableView,
} from '../../../shared/api.ts';
import { userIdFromAccessToken } from '../../../shared/ids.ts';
import { secretHint, type SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';

/**
 * Environments and their variables, per workspace. Secret values are sealed with the SecretBox
 * before they touch the database and are opened only by `readVariables`, for the signer.
 * Every read and write is scoped by workspace, so an ID from another workspace is "not found".
 */

/** Marker stored as the base URL of the sandbox environment, whose real URL changes with the port. */
const SANDBOX_BASE_URL = 'sandbox:';

interface EnvironmentRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: EnvironmentKind;
  base_url: string;
  auth_type: AuthType;
  position: number;
  created_at: string;
  updated_at: string;
}

interface VariableRow {
  environment_id: string;
  key: string;
  position: number;
  secret: 0 | 1;
  enabled: 0 | 1;
  plain_value: string | null;
  sealed_value: Buffer | null;
  hint: string | null;
}

/** A variable with its value in clear: only for resolving and signing on the server. */
export interface ResolvedVariable {
  key: string;
  secret: boolean;
  enabled: boolean;
  value: string;
}

export interface EnvironmentWithValues {
  view: EnvironmentView;
  variables: Map<string, ResolvedVariable>;
}

export interface EnvironmentStoreOptions {
  db: Db;
  secretBox: SecretBox;
  /** Current URL of the embedded sandbox, shown as the sandbox environment's base URL. */
  sandboxUrl: string;
  /** Throws when a base URL is not an allowed upstream. */
  checkBaseUrl: (baseUrl: string, field: string) => void;
  /** Returns the OAuth 2.0 sign-in of an environment, without its tokens, or null. */
  readOAuth2Status?: (environmentId: string) => OAuth2Status | null;
  now?: () => Date;
}

export class EnvironmentStore {
  private readonly db: Db;
  private readonly secretBox: SecretBox;
  private readonly now: () => Date;

  constructor(private readonly options: EnvironmentStoreOptions) {
    this.db = options.db;
    this.secretBox = options.secretBox;
    this.now = options.now ?? (() => new Date());
  }

  list(workspaceId: string): EnvironmentView[] {
    const rows = this.db
      .prepare<[string], EnvironmentRow>('SELECT * FROM environments WHERE workspace_id = ? ORDER BY position, created_at')
      .all(workspaceId);

    return rows.map((row) => this.toView(row, this.variableRows(row.id)));
  }

  get(workspaceId: string, id: string): EnvironmentView {
    const row = this.requireRow(workspaceId, id);

    return this.toView(row, this.variableRows(row.id));
  }

  /** Returns the environment with every variable's value in clear. Server-side use only. */
  readWithValues(workspaceId: string, id: string): EnvironmentWithValues {
    const row = this.requireRow(workspaceId, id);
    const variableRows = this.variableRows(row.id);
    const variables = new Map<string, ResolvedVariable>();
    for (const variable of variableRows) {
      variables.set(variable.key, {
        key: variable.key,
        secret: variable.secret === 1,
        enabled: variable.enabled === 1,
        value: this.openValue(variable),
      });
    }

    return { view: this.toView(row, variableRows), variables };
  }

  create(workspaceId: string, input: EnvironmentCreate, kind: EnvironmentKind = 'custom'): EnvironmentView {
    if (kind === 'custom') {
      this.options.checkBaseUrl(input.baseUrl, 'baseUrl');
    }
    const id = randomUUID();
    const timestamp = this.now().toISOString();

    const insert = this.db.transaction(() => {
      this.requireUniqueName(workspaceId, input.name, null);
      const position = this.db
        .prepare<[string], { next: number }>(
          'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM environments WHERE workspace_id = ?',
        )
        .get(workspaceId)!.next;
      this.db
        .prepare(
          `INSERT INTO environments (id, workspace_id, name, kind, base_url, auth_type, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          workspaceId,
          input.name,
          kind,
          kind === 'sandbox' ? SANDBOX_BASE_URL : normalizeBaseUrl(input.baseUrl),
          input.authType ?? 'oauth1',
          position,
          timestamp,
          timestamp,
        );
      this.writeVariables(id, input.variables ?? [], new Map());
    });
    insert();

    return this.get(workspaceId, id);
  }

  update(workspaceId: string, id: string, input: EnvironmentUpdate): EnvironmentView {
    const row = this.requireRow(workspaceId, id);
    if (input.baseUrl !== undefined && row.kind === 'sandbox') {
      throw new ApiError(
        'invalid_request',
        `baseUrl of the sandbox environment "${row.name}" is set by the server and cannot be changed (create a new environment for another base URL)`,
        { field: 'baseUrl' },
      );
    }
    if (input.baseUrl !== undefined) {
      this.options.checkBaseUrl(input.baseUrl, 'baseUrl');
    }

    const apply = this.db.transaction(() => {
      if (input.name !== undefined) {
        this.requireUniqueName(workspaceId, input.name, id);
      }
      if (input.variables !== undefined) {
        const existing = new Map(this.variableRows(id).map((variable) => [variable.key, variable]));
        this.db.prepare('DELETE FROM environment_variables WHERE environment_id = ?').run(id);
        this.writeVariables(id, input.variables, existing);
      }
      this.db
        .prepare('UPDATE environments SET name = ?, base_url = ?, auth_type = ?, updated_at = ? WHERE id = ? AND workspace_id = ?')
        .run(
          input.name ?? row.name,
          input.baseUrl === undefined ? row.base_url : normalizeBaseUrl(input.baseUrl),
          input.authType ?? row.auth_type,
          this.now().toISOString(),
          id,
          workspaceId,
        );
    });
    apply();

    return this.get(workspaceId, id);
  }

  delete(workspaceId: string, id: string): void {
    const result = this.db.prepare('DELETE FROM environments WHERE id = ? AND workspace_id = ?').run(id, workspaceId);
    if (result.changes === 0) {
      throw notFound(id);
    }
  }

  private requireRow(workspaceId: string, id: string): EnvironmentRow {
    const row = this.db
      .prepare<[string, string], EnvironmentRow>('SELECT * FROM environments WHERE id = ? AND workspace_id = ?')
      .get(id, workspaceId);
    if (!row) {
      throw notFound(id);
    }

    return row;
  }

  private requireUniqueName(workspaceId: string, name: string, exceptId: string | null): void {
    const clash = this.db
      .prepare<[string, string], { id: string }>('SELECT id FROM environments WHERE workspace_id = ? AND name = ?')
      .get(workspaceId, name);
    if (clash && clash.id !== exceptId) {
      throw new ApiError('conflict', `An environment named ${JSON.stringify(name)} already exists (choose another name)`, {
        field: 'name',
      });
    }
  }

  private variableRows(environmentId: string): VariableRow[] {
    return this.db
      .prepare<[string], VariableRow>('SELECT * FROM environment_variables WHERE environment_id = ? ORDER BY position')
      .all(environmentId);
  }

  /**
   * Writes the whole variable list. A secret variable without a `value` keeps its stored value,
   * and one with an empty value is stored as unset.
   */
  private writeVariables(environmentId: string, inputs: VariableInput[], existing: Map<string, VariableRow>): void {
    const seen = new Set<string>();
    const insert = this.db.prepare(
      `INSERT INTO environment_variables (environment_id, key, position, secret, enabled, plain_value, sealed_value, hint)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    inputs.forEach((input, index) => {
      const field = `variables.${index}`;
      if (seen.has(input.key)) {
        throw new ApiError('invalid_request', `${field}.key ${JSON.stringify(input.key)} appears more than once (keep one)`, {
          field: `${field}.key`,
        });
      }
      seen.add(input.key);
      checkControlCharacters(input.value, `${field}.value`, input.key);

      const previous = existing.get(input.key);
      const secret = isSecretVariableKey(input.key) || (input.secret ?? previous?.secret === 1);
      const enabled = input.enabled ?? (previous ? previous.enabled === 1 : true);

      if (!secret) {
        if (input.value === undefined && previous?.secret === 1) {
          throw new ApiError(
            'invalid_request',
            `${field}.value is required to make ${JSON.stringify(input.key)} non-secret, because a secret value is never revealed (type the value again)`,
            { field: `${field}.value` },
          );
        }
        const value = input.value ?? previous?.plain_value ?? '';
        insert.run(environmentId, input.key, index, 0, enabled ? 1 : 0, value, null, null);
        return;
      }

      const sealed = this.sealedValueFor(environmentId, input, previous);
      insert.run(environmentId, input.key, index, 1, enabled ? 1 : 0, null, sealed?.value ?? null, sealed?.hint ?? null);
    });
  }

  private sealedValueFor(
    environmentId: string,
    input: VariableInput,
    previous: VariableRow | undefined,
  ): { value: Buffer; hint: string | null } | null {
    if (input.value === undefined) {
      if (!previous) {
        return null;
      }
      if (previous.secret === 1) {
        return previous.sealed_value ? { value: previous.sealed_value, hint: previous.hint } : null;
      }
      // A plain variable that becomes secret keeps its value, now sealed.
      return previous.plain_value ? this.seal(environmentId, input.key, previous.plain_value) : null;
    }
    if (input.value === '') {
      return null;
    }

    return this.seal(environmentId, input.key, input.value);
  }

  private seal(environmentId: string, key: string, value: string): { value: Buffer; hint: string | null } {
    return { value: this.secretBox.seal(value, associatedData(environmentId, key)), hint: secretHint(value) };
  }

  private openValue(variable: VariableRow): string {
    if (variable.secret === 0) {
      return variable.plain_value ?? '';
    }
    if (!variable.sealed_value) {
      return '';
    }

    return this.secretBox.open(variable.sealed_value, associatedData(variable.environment_id, variable.key));
  }

  private toView(row: EnvironmentRow, variableRows: VariableRow[]): EnvironmentView {
    const variables: VariableView[] = variableRows.map((variable) => ({
      key: variable.key,
      secret: variable.secret === 1,
      enabled: variable.enabled === 1,
      value: variable.secret === 1 ? null : (variable.plain_value ?? ''),
      set: variable.secret === 1 ? variable.sealed_value !== null : (variable.plain_value ?? '') !== '',
      hint: variable.secret === 1 ? variable.hint : null,
    }));

    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      baseUrl: row.kind === 'sandbox' ? this.options.sandboxUrl : row.base_url,
      authType: row.auth_type,
      tokenUserId: this.tokenUserId(variableRows),
      oauth2: this.options.readOAuth2Status?.(row.id) ?? null,
      variables,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** Returns the user ID prefix of access_token, which must be opened because only its prefix is public. */
  private tokenUserId(variableRows: VariableRow[]): string | null {
    const accessToken = variableRows.find((variable) => variable.key === 'access_token' && variable.enabled === 1);

    return accessToken ? userIdFromAccessToken(this.openValue(accessToken)) : null;
  }
}

function associatedData(environmentId: string, key: string): string {
  return `environment:${environmentId}:variable:${key}`;
}

function normalizeBaseUrl(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

function notFound(id: string): ApiError {
  return new ApiError('not_found', `No environment with ID ${JSON.stringify(id)} in this workspace (reload the list)`, {
    field: 'environmentId',
  });
}

/** Rejects line breaks and other control characters, which could inject a header or break a URL. */
function checkControlCharacters(value: string | undefined, field: string, key: string): void {
  if (value === undefined) {
    return;
  }
  const match = /[\u0000-\u001f\u007f]/.exec(value);
  if (match) {
    const code = match[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new ApiError(
      'invalid_request',
      `${field} of ${JSON.stringify(key)} contains the control character U+${code.toUpperCase()} at position ${match.index} (remove line breaks and tabs, which could inject a header)`,
      { field },
    );
  }
}
