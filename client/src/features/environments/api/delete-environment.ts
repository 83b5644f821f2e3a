import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from './environment-keys.ts';

export function deleteEnvironment(id: string): Promise<void> {
  return apiWrite<void>('DELETE', `/api/environments/${encodeURIComponent(id)}`);
}

export function useDeleteEnvironment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: deleteEnvironment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
