import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { OAuth2SignOut, OAuth2SignOutResult } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from '../../environments/api/environment-keys.ts';

/** Revokes the environment's OAuth 2.0 tokens at X and deletes them on the server. */
export function signOut(input: OAuth2SignOut): Promise<OAuth2SignOutResult> {
  return apiWrite<OAuth2SignOutResult>('POST', '/api/oauth2/sign-out', input);
}

export function useSignOut() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
