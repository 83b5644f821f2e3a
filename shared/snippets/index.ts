import { twurlSnippet, xurlSnippet } from './cli.ts';
import { nodeSnippet, pythonSnippet } from './code.ts';
import { curlSnippet } from './curl.ts';
import type { SnippetLanguage, SnippetRequest } from './request.ts';

export { SNIPPET_ENV, SNIPPET_LANGUAGE_LABELS, SNIPPET_LANGUAGES, type SnippetAuth, type SnippetLanguage, type SnippetRequest } from './request.ts';

const GENERATORS: Record<SnippetLanguage, (request: SnippetRequest) => string> = {
  curl: curlSnippet,
  xurl: xurlSnippet,
  twurl: twurlSnippet,
  node: nodeSnippet,
  python: pythonSnippet,
};

/** Generates a runnable snippet for the request. Credentials are always read from environment variables. */
export function generateSnippet(language: SnippetLanguage, request: SnippetRequest): string {
  return GENERATORS[language](request);
}
