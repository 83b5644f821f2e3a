import { isSecretVariableKey, MAX_VARIABLE_VALUE_LENGTH, MAX_VARIABLES, variableKeySchema, type VariableView } from '../api.ts';
import { parseJsonText, PostmanImportError } from './normalize.ts';
import { describeFirstIssue, postmanEnvironmentSchema } from './schema.ts';

/**
 * Postman environment files in and out. On import, values that are placeholders such as
 * "Your consumer key" become unset variables, secret variables stay secret, and a `base_url`
 * variable becomes the environment's base URL. On export, secret values are written empty.
 */

/** Variable names read as the environment's base URL instead of as a variable. */
export const BASE_URL_KEYS = ['base_url', 'baseUrl'] as const;

export interface ImportedVariable {
  key: string;
  /** The value, or '' for unset (placeholders included). */
  value: string;
  secret: boolean;
  enabled: boolean;
}

export interface ImportedEnvironment {
  name: string;
  /** The value of a `base_url` variable, or null when the file has none. */
  baseUrl: string | null;
  variables: ImportedVariable[];
  /** Keys whose value was a placeholder and is now unset. */
  placeholderKeys: string[];
  warnings: string[];
}

/**
 * Reports whether a value is only a placeholder for a real one, such as "Your consumer key", "<token>",
 * "YOUR_API_KEY", "xxxx" or "paste the token here". Real keys and tokens never contain spaces or
 * these words, so a value that matches is imported as unset.
 */
export function isPlaceholderValue(value: string | null | undefined): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  const text = value.trim();
  if (text === '') {
    return true;
  }
  if (/^<[^<>]*>$/.test(text) || /^\[[^[\]]*\]$/.test(text)) {
    return true;
  }
  if (/(?:^|[\s_-])your(?:$|[\s_-])/i.test(text)) {
    return true;
  }
  if (/^(?:x{3,}|\*{3,}|\.{3}|…|change[_-]?me|replace[_-]?me|placeholder|todo|tbd|none|null|undefined)$/i.test(text)) {
    return true;
  }

  return /\b(?:enter|paste|insert|put|add)\b.*\b(?:here|key|token|secret|value|id)\b/i.test(text);
}

export function parseEnvironmentText(text: string, fileName: string): ImportedEnvironment {
  return normalizeEnvironment(parseJsonText(text, fileName), fileName);
}

export function normalizeEnvironment(json: unknown, fileName: string): ImportedEnvironment {
  checkEnvironmentShape(json, fileName);
  const parsed = postmanEnvironmentSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const { path, message } = describeFirstIssue(parsed.error);
    throw new PostmanImportError(`${fileName} is not a valid Postman environment: ${path}: ${message}`, path);
  }
  const file = parsed.data;
  if (file.values.length > MAX_VARIABLES + BASE_URL_KEYS.length) {
    throw new PostmanImportError(`${fileName} has ${file.values.length} variables; the workbench keeps at most ${MAX_VARIABLES} per environment`, 'values');
  }

  const result: ImportedEnvironment = { name: file.name.trim() === '' ? fileName : file.name.trim(), baseUrl: null, variables: [], placeholderKeys: [], warnings: [] };
  const seen = new Set<string>();
  file.values.forEach((entry, index) => {
    const path = `values[${index}]`;
    const value = variableText(entry.value);
    if ((BASE_URL_KEYS as readonly string[]).includes(entry.key) && !isPlaceholderValue(value)) {
      result.baseUrl = value.trim();
      return;
    }
    checkVariable(entry.key, value, path, fileName);
    if (seen.has(entry.key)) {
      result.warnings.push(`${path}: ${entry.key} appears more than once; the first value was kept`);
      return;
    }
    seen.add(entry.key);

    const placeholder = value !== '' && isPlaceholderValue(value);
    if (placeholder) {
      result.placeholderKeys.push(entry.key);
    }
    result.variables.push({
      key: entry.key,
      value: placeholder ? '' : value,
      secret: isSecretVariableKey(entry.key) || entry.type === 'secret',
      enabled: entry.enabled !== false,
    });
  });
  if (result.variables.length > MAX_VARIABLES) {
    throw new PostmanImportError(`${fileName} has ${result.variables.length} variables; the workbench keeps at most ${MAX_VARIABLES} per environment`, 'values');
  }

  return result;
}

function variableText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }

  return typeof value === 'string' ? value : JSON.stringify(value);
}

function checkEnvironmentShape(json: unknown, fileName: string): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PostmanImportError(`${fileName} is not a Postman environment: the file must contain a JSON object`, '');
  }
  const record = json as Record<string, unknown>;
  if ('info' in record && 'item' in record) {
    throw new PostmanImportError(`${fileName} is a Postman collection, not an environment (import it as a collection)`, '');
  }
  if (!Array.isArray(record.values)) {
    throw new PostmanImportError(`${fileName} is not a Postman environment: it needs a "values" list (export it from Postman with Export on the environment)`, 'values');
  }
}

function checkVariable(key: string, value: string, path: string, fileName: string): void {
  const keyCheck = variableKeySchema.safeParse(key);
  if (!keyCheck.success) {
    throw new PostmanImportError(`${fileName}: ${path}.key ${keyCheck.error.issues[0]!.message} (rename the variable in Postman and export again)`, `${path}.key`);
  }
  if (value.length > MAX_VARIABLE_VALUE_LENGTH) {
    throw new PostmanImportError(`${fileName}: ${path}.value of ${key} is ${value.length} characters long; at most ${MAX_VARIABLE_VALUE_LENGTH} are allowed`, `${path}.value`);
  }
  const control = /[\u0000-\u001f\u007f]/.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new PostmanImportError(
      `${fileName}: ${path}.value of ${key} contains the control character U+${code} at position ${control.index} (remove line breaks and tabs)`,
      `${path}.value`,
    );
  }
}

export interface ExportableEnvironment {
  name: string;
  baseUrl: string;
  variables: VariableView[];
}

/** Writes an environment as a Postman environment file, with its base URL as `base_url` and secret values empty. */
export function exportEnvironment(environment: ExportableEnvironment, exportedAt: Date): Record<string, unknown> {
  const hasBaseUrlVariable = environment.variables.some((variable) => variable.key === 'base_url');
  const baseUrl = hasBaseUrlVariable ? [] : [{ key: 'base_url', value: environment.baseUrl, type: 'default', enabled: true }];

  return {
    name: environment.name,
    values: [
      ...baseUrl,
      ...environment.variables.map((variable) => ({
        key: variable.key,
        value: variable.secret ? '' : (variable.value ?? ''),
        type: variable.secret ? 'secret' : 'default',
        enabled: variable.enabled,
      })),
    ],
    _postman_variable_scope: 'environment',
    _postman_exported_at: exportedAt.toISOString(),
    _postman_exported_using: 'X API Workbench',
  };
}
