import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SandboxTenantStatus } from '../../../../../shared/sandbox-control.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { sandboxKeys } from './sandbox-keys.ts';

export function getSandboxStatus(signal?: AbortSignal): Promise<SandboxTenantStatus> {
  return apiGet<SandboxTenantStatus>('/api/sandbox', signal);
}

export function sandboxStatusQueryOptions() {
  return queryOptions({
    queryKey: sandboxKeys.status(),
    queryFn: ({ signal }) => getSandboxStatus(signal),
    // Sends change the pending requests, so the panel reads the state again when it opens.
    staleTime: 0,
  });
}

export function useSandboxStatus() {
  return useQuery(sandboxStatusQueryOptions());
}
