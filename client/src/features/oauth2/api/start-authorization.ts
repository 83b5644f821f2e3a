import { useMutation } from '@tanstack/react-query';

import type { OAuth2Start, OAuth2StartResult } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';

/** Asks the server to start a PKCE sign-in; the response is the authorize page to open. */
export function startAuthorization(input: OAuth2Start): Promise<OAuth2StartResult> {
  return apiWrite<OAuth2StartResult>('POST', '/api/oauth2/start', input);
}

export function useStartAuthorization() {
  return useMutation({ mutationFn: startAuthorization, retry: false });
}
