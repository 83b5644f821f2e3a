import type { EnvironmentView } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { SnippetRequest } from '../../../../../shared/snippets/request.ts';

/**
 * Fills the non-secret `{{variables}}` of the environment into a URL or body for a snippet. A secret
 * variable stays `{{name}}`, so that no secret value is ever written into code.
 */
export function fillPublicVariables(text: string, environment: EnvironmentView | null): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (reference, name: string) => {
    const variable = environment?.variables.find((candidate) => candidate.key === name);
    if (!variable || variable.secret || !variable.enabled || variable.value === null) {
      return reference;
    }
    return variable.value;
  });
}

export function buildSnippetRequest(
  name: string,
  method: string,
  url: string,
  body: string | null,
  authType: AuthType,
  environment: EnvironmentView | null,
): SnippetRequest {
  return {
    name,
    method,
    url: fillPublicVariables(url, environment),
    body: body === null || body.trim() === '' ? null : fillPublicVariables(body, environment),
    auth: authType,
  };
}
