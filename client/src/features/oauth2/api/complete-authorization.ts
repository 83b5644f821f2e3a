import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { OAuth2Complete, OAuth2CompleteResult } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from '../../environments/api/environment-keys.ts';

/** Passes what the redirect URI received to the server, which exchanges the code for tokens. */
export function completeAuthorization(input: OAuth2Complete): Promise<OAuth2CompleteResult> {
  return apiWrite<OAuth2CompleteResult>('POST', '/api/oauth2/complete', input);
}

/** Returns the mutation that completes a sign-in. A code works once, so it is never retried. */
export function useCompleteAuthorization() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: completeAuthorization,
    retry: false,
    // The page's first environment list is usually still loading when the sign-in completes, and
    // invalidateQueries would join that request, whose response predates the sign-in. Cancelling it
    // first makes the refetch a new request.
    onSettled: async () => {
      await queryClient.cancelQueries({ queryKey: environmentKeys.all });
      await queryClient.invalidateQueries({ queryKey: environmentKeys.all });
    },
  });
}
