import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { EnvironmentUpdate, EnvironmentView, VariableInput, VariableView } from '../../../../../shared/api.ts';
import { isSecretVariableKey } from '../../../../../shared/variables.ts';

/**
 * The environment editor's form. Secret values are write-only: the form starts with every secret
 * input empty, and only what the user types is sent. Nothing here is persisted in the browser.
 */

/** Variables the editor always lists, even before they are set. */
export const WELL_KNOWN_KEYS = [
  'consumer_key',
  'consumer_secret',
  'access_token',
  'token_secret',
  'bearer_token',
  'client_id',
  'client_secret',
] as const;

export const isSecretKey = isSecretVariableKey;

/** Change that Save makes to a secret: keep the stored value (send none), set the typed value, or clear it (send ""). */
export type SecretChange = 'keep' | 'set' | 'clear';

export interface VariableRow {
  rowId: string;
  key: string;
  wellKnown: boolean;
  secret: boolean;
  enabled: boolean;
  /** The value of a non-secret variable, or what the user typed into a secret one. */
  value: string;
  secretChange: SecretChange;
  /** Stored state of this row on the server, without the value of a secret. */
  stored: { set: boolean; hint: string | null };
}

export interface EnvironmentForm {
  name: string;
  baseUrl: string;
  authType: AuthType;
  rows: VariableRow[];
  addedRowCount: number;
}

export type FormAction =
  | { type: 'set-name'; name: string }
  | { type: 'set-base-url'; baseUrl: string }
  | { type: 'set-auth-type'; authType: AuthType }
  | { type: 'set-key'; rowId: string; key: string }
  | { type: 'set-value'; rowId: string; value: string }
  | { type: 'set-enabled'; rowId: string; enabled: boolean }
  | { type: 'set-secret'; rowId: string; secret: boolean }
  | { type: 'clear-secret'; rowId: string }
  | { type: 'keep-secret'; rowId: string }
  | { type: 'add-row' }
  | { type: 'remove-row'; rowId: string };

export function createEnvironmentForm(environment: EnvironmentView): EnvironmentForm {
  const byKey = new Map(environment.variables.map((variable) => [variable.key, variable]));
  const wellKnownRows = WELL_KNOWN_KEYS.map((key) => rowFromView(byKey.get(key) ?? unsetVariable(key), true));
  const otherRows = environment.variables
    .filter((variable) => !(WELL_KNOWN_KEYS as readonly string[]).includes(variable.key))
    .map((variable) => rowFromView(variable, false));

  return {
    name: environment.name,
    baseUrl: environment.baseUrl,
    authType: environment.authType,
    rows: [...wellKnownRows, ...otherRows],
    addedRowCount: 0,
  };
}

export function environmentFormReducer(form: EnvironmentForm, action: FormAction): EnvironmentForm {
  switch (action.type) {
    case 'set-name':
      return { ...form, name: action.name };
    case 'set-base-url':
      return { ...form, baseUrl: action.baseUrl };
    case 'set-auth-type':
      return { ...form, authType: action.authType };
    case 'add-row': {
      const addedRowCount = form.addedRowCount + 1;
      const row: VariableRow = {
        rowId: `added-${addedRowCount}`,
        key: '',
        wellKnown: false,
        secret: false,
        enabled: true,
        value: '',
        secretChange: 'keep',
        stored: { set: false, hint: null },
      };
      return { ...form, addedRowCount, rows: [...form.rows, row] };
    }
    case 'remove-row':
      return { ...form, rows: form.rows.filter((row) => row.rowId !== action.rowId || row.wellKnown) };
    default:
      return { ...form, rows: form.rows.map((row) => (row.rowId === action.rowId ? updateRow(row, action) : row)) };
  }
}

function updateRow(row: VariableRow, action: FormAction): VariableRow {
  switch (action.type) {
    case 'set-key':
      if (row.wellKnown) {
        return row;
      }
      return { ...row, key: action.key, secret: isSecretKey(action.key) ? true : row.secret };
    case 'set-value':
      if (!row.secret) {
        return { ...row, value: action.value };
      }
      return { ...row, value: action.value, secretChange: action.value === '' ? 'keep' : 'set' };
    case 'set-enabled':
      return { ...row, enabled: action.enabled };
    case 'set-secret':
      if (isSecretKey(row.key)) {
        return row;
      }
      if (action.secret) {
        // What was typed as plain text becomes the secret's new value, so ticking "Secret" loses nothing.
        return { ...row, secret: true, secretChange: row.value === '' ? 'keep' : 'set' };
      }
      // A stored secret is never shown as plain text, so unticking "Secret" starts the value over.
      return { ...row, secret: false, value: '', secretChange: 'keep' };
    case 'clear-secret':
      return { ...row, value: '', secretChange: 'clear' };
    case 'keep-secret':
      return { ...row, value: '', secretChange: 'keep' };
    default:
      return row;
  }
}

/**
 * Builds the PATCH body: the whole variable list, with each secret's value present only when the
 * user typed or cleared it. `rowIdByIndex` maps an index of `variables` back to its form row, so
 * that a server error such as field "variables.2.value" can be shown on that row.
 */
export function buildEnvironmentUpdate(
  form: EnvironmentForm,
  environment: EnvironmentView,
): { changes: EnvironmentUpdate; rowIdByIndex: string[] } {
  const variables: VariableInput[] = [];
  const rowIdByIndex: string[] = [];

  for (const row of form.rows) {
    const input = variableInputFromRow(row);
    if (input !== null) {
      variables.push(input);
      rowIdByIndex.push(row.rowId);
    }
  }

  const changes: EnvironmentUpdate = { name: form.name, authType: form.authType, variables };
  if (environment.kind !== 'sandbox') {
    changes.baseUrl = form.baseUrl;
  }

  return { changes, rowIdByIndex };
}

function variableInputFromRow(row: VariableRow): VariableInput | null {
  if (!row.wellKnown && row.key === '' && row.value === '') {
    return null;
  }
  if (!row.secret && row.wellKnown && row.value === '' && !row.stored.set) {
    return null;
  }
  if (!row.secret) {
    return { key: row.key, secret: false, enabled: row.enabled, value: row.value };
  }
  if (row.secretChange === 'set') {
    return { key: row.key, secret: true, enabled: row.enabled, value: row.value };
  }
  if (row.secretChange === 'clear') {
    return { key: row.key, secret: true, enabled: row.enabled, value: '' };
  }
  if (row.wellKnown && !row.stored.set) {
    return null;
  }

  return { key: row.key, secret: true, enabled: row.enabled };
}

/** Describes a stored secret without its value: "set …ab12", "set" or "not set". */
export function describeSecretStatus(stored: { set: boolean; hint: string | null }): string {
  if (!stored.set) {
    return 'not set';
  }

  return stored.hint === null ? 'set' : `set ${stored.hint}`;
}

/** Finds the form input that a server error field such as "variables.2.value" or "baseUrl" names. */
export function locateServerField(field: string | null, rowIdByIndex: readonly string[]): { rowId: string } | { input: 'name' | 'baseUrl' } | null {
  if (field === null) {
    return null;
  }
  if (field === 'name' || field === 'baseUrl') {
    return { input: field };
  }

  const match = /^variables[.[](\d+)/.exec(field);
  const rowId = match === null ? undefined : rowIdByIndex[Number(match[1])];

  return rowId === undefined ? null : { rowId };
}

function rowFromView(variable: VariableView, wellKnown: boolean): VariableRow {
  return {
    rowId: `stored-${variable.key}`,
    key: variable.key,
    wellKnown,
    secret: variable.secret,
    enabled: variable.enabled,
    value: variable.secret ? '' : (variable.value ?? ''),
    secretChange: 'keep',
    stored: { set: variable.set, hint: variable.hint },
  };
}

function unsetVariable(key: string): VariableView {
  if (!isSecretKey(key)) {
    return { key, secret: false, enabled: true, value: '', set: false, hint: null };
  }

  return { key, secret: true, enabled: true, value: null, set: false, hint: null };
}
