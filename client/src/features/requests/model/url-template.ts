import type { RequestDefinition } from '../../../../../shared/collection.ts';
import type { RequestDraft } from './editor-state.ts';

/** A piece of the URL template: plain text, a {{variable}} or a :path variable. */
export interface UrlPart {
  kind: 'text' | 'variable' | 'path-variable';
  text: string;
}

const VARIABLE_SPLIT = /(\{\{[^{}]*\}\})/;

/** Splits `{{base_url}}` plus the request path into parts that the editor highlights. */
export function splitUrlTemplate(path: string): UrlPart[] {
  const parts: UrlPart[] = [{ kind: 'variable', text: '{{base_url}}' }];

  for (const piece of path.split(/(:[A-Za-z_][A-Za-z0-9_]*)/)) {
    if (piece === '') {
      continue;
    }
    parts.push({ kind: piece.startsWith(':') ? 'path-variable' : 'text', text: piece });
  }

  return parts;
}

/**
 * Builds the URL that the server is expected to send, for display only. Empty token-user variables
 * show the token's user ID, as the server fills them in; {{variables}} stay as written because the
 * server resolves them. The server's own encoding is authoritative and shows in the Request tab.
 */
export function previewUrl(
  baseUrl: string,
  definition: RequestDefinition,
  draft: RequestDraft,
  tokenUserId: string | null,
): string {
  let path = definition.path;
  for (const variable of definition.pathVariables) {
    const value = draft.pathVariables[variable.key] ?? '';
    const filled = value === '' && variable.defaultsToTokenUser ? (tokenUserId ?? '') : value;
    path = path.replace(`:${variable.key}`, filled === '' ? `:${variable.key}` : encodeKeepingVariables(filled));
  }

  const query = draft.query
    .filter((row) => row.enabled && row.key !== '')
    .map((row) => `${encodeKeepingVariables(row.key)}=${encodeKeepingVariables(row.value)}`)
    .join('&');

  return `${baseUrl.replace(/\/+$/, '')}${path}${query === '' ? '' : `?${query}`}`;
}

function encodeKeepingVariables(value: string): string {
  return value
    .split(VARIABLE_SPLIT)
    .map((piece) => (VARIABLE_SPLIT.test(piece) ? piece : encodeURIComponent(piece)))
    .join('');
}
