/** Parses the JSON body of `POST /2/users/:id/following`. */
import { z } from 'zod';

import { USER_ID_PATTERN } from '../../shared/ids.ts';

import type { ParameterError } from './problems.ts';

const followBodySchema = z.strictObject({
  target_user_id: z.string().regex(USER_ID_PATTERN),
});

const EXAMPLE_BODY = '{"target_user_id":"2244994945"}';

/**
 * Returns target_user_id, or records errors and returns undefined. Field errors use the wording of
 * the JSON Schema validator messages that X's v2 API returns for bodies, such as
 * "$.target_user_id: is missing but it is required".
 */
export function parseFollowBody(
  contentType: string | undefined,
  body: Buffer | undefined,
  errors: ParameterError[],
): string | undefined {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    const received = contentType === undefined ? 'no Content-Type header' : `Content-Type ${contentType}`;
    errors.push({ message: `The request body must be JSON sent with Content-Type: application/json; got ${received}.` });
    return undefined;
  }
  const text = body?.toString('utf8') ?? '';
  if (text.trim() === '') {
    errors.push({ message: `The request body is empty. Send a JSON object such as ${EXAMPLE_BODY}.` });
    return undefined;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    errors.push({ message: `The request body is not valid JSON (${(error as Error).message}). Send an object such as ${EXAMPLE_BODY}.` });
    return undefined;
  }

  const result = followBodySchema.safeParse(json, { reportInput: true });
  if (result.success) {
    return result.data.target_user_id;
  }
  for (const issue of result.error.issues) {
    for (const message of describeIssue(issue)) {
      errors.push({ message });
    }
  }

  return undefined;
}

/** Returns one message per offending property. */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = ['$', ...issue.path.map(String)].join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(
        (key) => `${path}.${key}: is not defined in the schema and the schema does not allow additional properties`,
      );
    case 'invalid_type':
      if (issue.input === undefined) {
        return [`${path}: is missing but it is required`];
      }
      return [`${path}: ${jsonTypeOf(issue.input)} found, ${issue.expected} expected${issue.expected === 'string' ? ' (send the ID in quotes)' : ''}`];
    case 'invalid_format':
      return [`${path}: does not match the regex pattern ${USER_ID_PATTERN.source}`];
    default:
      return [`${path}: ${issue.message}`];
  }
}

function jsonTypeOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }

  return typeof value;
}
