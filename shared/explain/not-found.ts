/** Explains 404 responses, which X sends for a method and path that are not an X API v2 endpoint. */
import type { ProblemFacts } from './response-facts.ts';
import type { ExplainableResult, ExplainContext, Explanation } from './types.ts';

/**
 * Path of "Authenticated User Lookup" in X's newer Postman collection ("X API v2"). X documents
 * that endpoint as GET /2/users/me.
 */
const UNDOCUMENTED_ME_PATH = '/2/me';

export function explainNotFound(result: ExplainableResult, context: ExplainContext, problem: ProblemFacts | null): Explanation {
  const { method, url } = result.request;
  const path = pathOf(url);
  const base = { tone: 'error' as const, received: receivedFacts(problem), checks: [], actions: [], rateLimitReset: null };

  if (path === UNDOCUMENTED_ME_PATH) {
    return {
      ...base,
      title: '/2/me is not an X API v2 endpoint',
      cause: `X has no endpoint at ${method} /2/me. The authenticated user lookup is GET /2/users/me, although X's newer Postman collection sends its "Authenticated User Lookup" to /2/me.`,
      steps: [
        'Change the path to /2/users/me and send again.',
        'Or open the built-in "Authenticated user lookup" request, which already uses /2/users/me.',
      ],
    };
  }

  const steps = [
    'Check the path for a typo, a missing /2/ prefix or a :variable that was left in it, and check the method.',
    "Compare the method and path with the endpoint in X's API reference, then send again.",
  ];
  if (context.environmentKind === 'sandbox') {
    steps.push('The sandbox implements only the Follows and User Lookup endpoints. The detail below lists them.');
  }

  return {
    ...base,
    title: 'Not an X API v2 endpoint',
    cause: `X found no endpoint for ${method} ${path ?? url}, so the method or the path is not one of the X API v2 endpoints.`,
    steps,
  };
}

function receivedFacts(problem: ProblemFacts | null): Explanation['received'] {
  if (problem === null || (problem.title === null && problem.detail === null)) {
    return null;
  }

  return { title: problem.title, detail: problem.detail, type: problem.type };
}

/** Returns the path of the URL as sent (still percent-encoded), or null when the URL does not parse. */
function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}
