import { queryOptions, useQuery } from '@tanstack/react-query';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { environmentKeys } from './environment-keys.ts';

export function getEnvironments(signal?: AbortSignal): Promise<EnvironmentView[]> {
  return apiGet<EnvironmentView[]>('/api/environments', signal);
}

export function environmentsQueryOptions() {
  return queryOptions({
    queryKey: environmentKeys.list(),
    queryFn: ({ signal }) => getEnvironments(signal),
  });
}

export function useEnvironments() {
  return useQuery(environmentsQueryOptions());
}
