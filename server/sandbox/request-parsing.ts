/**
 * Checks of path and query parameters. Each check appends X-style entries to an errors list, so a
 * request with several bad parameters gets one 400 that names all of them, as X's responses do.
 */
import { USER_ID_PATTERN, USERNAME_PATTERN } from '../../shared/ids.ts';

import { parseFormEncoded, PercentDecodingError } from './percent-encoding.ts';
import { invalidRequest, type ParameterError } from './problems.ts';

export const MAX_RESULTS_RANGE = { min: 1, max: 1000, default: 100 } as const;

/** How many comma-separated values the multi-user lookups (`ids`, `usernames`) accept. */
export const LOOKUP_LIST_RANGE = { min: 1, max: 100 } as const;

/** Throws X's 400 invalid-request problem when any check failed. */
export function throwIfInvalid(errors: readonly ParameterError[]): void {
  if (errors.length > 0) {
    throw invalidRequest([...errors]);
  }
}

function invalidValue(name: string, value: string, rule: string): ParameterError {
  return { parameters: { [name]: [value] }, message: `The \`${name}\` query parameter value [${value}] ${rule}` };
}

/**
 * Parses the query string and rejects names outside `allowed` and names given more than once.
 * X lists the path parameters among the allowed names in its message, so `pathParameters` joins them.
 */
export function parseQuery(
  rawQuery: string,
  allowed: readonly string[],
  pathParameters: readonly string[],
  errors: ParameterError[],
): Map<string, string> {
  let parameters: [string, string][];
  try {
    parameters = parseFormEncoded(rawQuery);
  } catch (error) {
    if (!(error instanceof PercentDecodingError)) {
      throw error;
    }
    errors.push({ message: `The query string has invalid percent-encoding in ${JSON.stringify(error.input)}.` });
    return new Map();
  }

  const known = [...pathParameters, ...allowed].sort();
  const values = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [name, value] of parameters) {
    if (!allowed.includes(name)) {
      errors.push({ parameters: { [name]: [value] }, message: `The query parameter [${name}] is not one of [${known.join(',')}]` });
      continue;
    }
    if (values.has(name)) {
      repeated.add(name);
      continue;
    }
    values.set(name, value);
  }
  // NOTE: X does not document how it treats a repeated parameter; the sandbox rejects it.
  for (const name of repeated) {
    const received = parameters.filter(([key]) => key === name).map(([, value]) => value);
    errors.push({
      parameters: { [name]: received },
      message: `The \`${name}\` query parameter may be given only once; got [${received.join(', ')}]`,
    });
  }

  return values;
}

/** Checks a user ID path parameter: 1 to 19 ASCII digits, nothing else (no spaces, no `:id`). */
export function checkUserIdParameter(name: string, value: string, errors: ParameterError[]): string {
  if (!USER_ID_PATTERN.test(value)) {
    errors.push(invalidValue(name, value, 'is not valid'));
  }

  return value;
}

export function checkUsernameParameter(value: string, errors: ParameterError[]): string {
  if (!USERNAME_PATTERN.test(value)) {
    errors.push(invalidValue('username', value, `does not match ${USERNAME_PATTERN.source}`));
  }

  return value;
}

/**
 * Checks a required comma-separated list such as `ids=1,2` against `pattern`, one error per invalid
 * value. Returns the values without repeats, in the order given. `repeatKey` decides which values
 * count as the same, so that usernames can match case-insensitively. Returns an empty list when the
 * list as a whole is missing, empty or too long.
 * NOTE: X does not publish its messages for a missing or over-long list; these follow the wording of
 * its other parameter errors.
 */
export function checkLookupList(
  name: string,
  value: string | undefined,
  check: { pattern: RegExp; rule: string; repeatKey?: (value: string) => string },
  errors: ParameterError[],
): string[] {
  if (value === undefined || value === '') {
    errors.push({ parameters: { [name]: value === undefined ? [] : [''] }, message: `The \`${name}\` query parameter can not be empty` });
    return [];
  }

  const items = value.split(',');
  if (items.length > LOOKUP_LIST_RANGE.max) {
    errors.push({
      parameters: { [name]: [value] },
      message: `The number of values in the \`${name}\` query parameter list [${items.length}] is not between ${LOOKUP_LIST_RANGE.min} and ${LOOKUP_LIST_RANGE.max}`,
    });
    return [];
  }

  const repeatKey = check.repeatKey ?? ((item: string) => item);
  const unique = new Map<string, string>();
  for (const item of items) {
    if (!unique.has(repeatKey(item))) {
      unique.set(repeatKey(item), item);
    }
  }
  for (const item of unique.values()) {
    if (!check.pattern.test(item)) {
      errors.push(invalidValue(name, item, check.rule));
    }
  }

  return [...unique.values()];
}

/** Checks that a path ID names the user who owns the access token, as follow and unfollow require. */
export function checkAuthenticatedUser(name: string, value: string, authenticatedUserId: string, errors: ParameterError[]): void {
  if (USER_ID_PATTERN.test(value) && value !== authenticatedUserId) {
    errors.push(invalidValue(name, value, `must be the same as the authenticating user [${authenticatedUserId}]`));
  }
}

/** Returns max_results as a number, the default when it is absent, or records an error. */
export function checkMaxResults(value: string | undefined, errors: ParameterError[]): number {
  if (value === undefined) {
    return MAX_RESULTS_RANGE.default;
  }
  if (!/^[0-9]+$/.test(value)) {
    errors.push(invalidValue('max_results', value, 'is not a number'));
    return MAX_RESULTS_RANGE.default;
  }

  const digits = value.replace(/^0+(?=[0-9])/, '');
  const number = digits.length > 4 ? Number.POSITIVE_INFINITY : Number(digits);
  if (number < MAX_RESULTS_RANGE.min || number > MAX_RESULTS_RANGE.max) {
    errors.push(invalidValue('max_results', value, `is not between ${MAX_RESULTS_RANGE.min} and ${MAX_RESULTS_RANGE.max}`));
    return MAX_RESULTS_RANGE.default;
  }

  return number;
}

/** Splits a comma-separated field list and records one error per value outside `allowed`. */
export function checkFieldList<Field extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly Field[],
  errors: ParameterError[],
): Set<Field> {
  const fields = new Set<Field>();
  if (value === undefined) {
    return fields;
  }

  for (const item of value.split(',')) {
    if (!(allowed as readonly string[]).includes(item)) {
      errors.push(invalidValue(name, item, `is not one of [${allowed.join(',')}]`));
      continue;
    }
    fields.add(item as Field);
  }

  return fields;
}
