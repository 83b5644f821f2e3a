import type { HttpMethod } from '../../../shared/collection.ts';

/**
 * Shows the HTTP method in its colour: GET green, POST orange, DELETE red. With `hidden`, assistive
 * technology skips it, so that a button's accessible name is only the request name.
 */
export function MethodBadge({ method, hidden = false }: { method: HttpMethod | string; hidden?: boolean }) {
  return (
    <span className={`method method--${method.toLowerCase()}`} aria-hidden={hidden ? true : undefined}>
      {method}
    </span>
  );
}
