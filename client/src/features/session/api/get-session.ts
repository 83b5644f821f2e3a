import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SessionInfo } from '../../../../../shared/api.ts';
import { apiGet } from '../../../lib/api-client.ts';

export const sessionKeys = {
  all: ['session'] as const,
};

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiGet<SessionInfo>('/api/session', signal);
}

/** Reads the session once per page load. A new one is fetched only when the server rejects the session or its CSRF token. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
