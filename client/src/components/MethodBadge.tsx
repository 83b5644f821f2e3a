import type { HttpMethod } from '../../../shared/collection.ts';

/** Shows the HTTP method in its colour: GET green, POST orange, DELETE red. */
export function MethodBadge({ method }: { method: HttpMethod | string }) {
  return <span className={`method method--${method.toLowerCase()}`}>{method}</span>;
}
