import { ApiError } from '../../http/errors.ts';
import type { ResolvedVariable } from '../environments/store.ts';

/**
 * Replaces `{{name}}` references with environment values, as Postman does. A value may itself
 * contain references, up to MAX_DEPTH levels. Secret variables are refused here: they exist only
 * for the signer, and resolving one into a URL or body would echo it back in the response view.
 */

const REFERENCE = /\{\{\s*([^{}\s]*)\s*\}\}/g;
const MAX_DEPTH = 8;
/** Largest resolved value, in characters: nested references could otherwise grow a value exponentially. */
export const MAX_RESOLVED_LENGTH = 16_384;

export function resolveTemplate(
  template: string,
  field: string,
  variables: ReadonlyMap<string, ResolvedVariable>,
  environmentName: string,
): string {
  return resolveWithin(template, field, variables, environmentName, []);
}

function resolveWithin(
  template: string,
  field: string,
  variables: ReadonlyMap<string, ResolvedVariable>,
  environmentName: string,
  chain: string[],
): string {
  const resolved = template.replace(REFERENCE, (_reference, name: string) => {
    if (chain.includes(name)) {
      throw new ApiError(
        'invalid_request',
        `${field}: the variable {{${name}}} refers to itself through ${[...chain, name].map((item) => `{{${item}}}`).join(' → ')} (edit its value in environment ${JSON.stringify(environmentName)})`,
        { field },
      );
    }
    if (chain.length >= MAX_DEPTH) {
      throw new ApiError(
        'invalid_request',
        `${field}: variables are nested more than ${MAX_DEPTH} levels deep at {{${name}}} (simplify the environment's values)`,
        { field },
      );
    }

    const variable = variables.get(name);
    if (!variable || !variable.enabled) {
      const state = variable ? 'is disabled' : 'is not defined';
      throw new ApiError(
        'invalid_request',
        `${field}: the variable {{${name}}} ${state} in environment ${JSON.stringify(environmentName)} (add or enable it in Manage environments, or type the value)`,
        { field },
      );
    }
    if (variable.secret) {
      throw new ApiError(
        'invalid_request',
        `${field}: the variable {{${name}}} is secret and is used only to sign requests, never inside a URL or body (type the value instead)`,
        { field },
      );
    }

    return resolveWithin(variable.value, field, variables, environmentName, [...chain, name]);
  });
  if (resolved.length > MAX_RESOLVED_LENGTH) {
    throw new ApiError(
      'invalid_request',
      `${field}: the value is ${resolved.length} characters long after resolving {{variables}}, over the limit of ${MAX_RESOLVED_LENGTH} (check for variables that repeat other variables)`,
      { field },
    );
  }

  return resolved;
}
