import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { EnvironmentUpdate, EnvironmentView } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from './environment-keys.ts';

export interface UpdateEnvironmentInput {
  id: string;
  changes: EnvironmentUpdate;
}

/** Replaces the given fields; `changes.variables`, when given, is the whole new list. */
export function updateEnvironment({ id, changes }: UpdateEnvironmentInput): Promise<EnvironmentView> {
  return apiWrite<EnvironmentView>('PATCH', `/api/environments/${encodeURIComponent(id)}`, changes);
}

export function useUpdateEnvironment() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: updateEnvironment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
