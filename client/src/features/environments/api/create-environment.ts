import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { EnvironmentCreate, EnvironmentView } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from './environment-keys.ts';

export function createEnvironment(input: EnvironmentCreate): Promise<EnvironmentView> {
  return apiWrite<EnvironmentView>('POST', '/api/environments', input);
}

export function useCreateEnvironment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createEnvironment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
