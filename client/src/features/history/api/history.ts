import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { HistoryEntry, HistoryPage, HistoryStatusFilter } from '../../../../../shared/history.ts';
import { apiGet, apiWrite } from '../../../lib/api-client.ts';

/** Query keys for the request history. Every send and every delete invalidates `all`. */
export const historyKeys = {
  all: ['history'] as const,
  page: (filters: HistoryFilters, before: string | null) => [...historyKeys.all, 'page', filters, before] as const,
  entry: (id: string) => [...historyKeys.all, 'entry', id] as const,
  requestNames: () => [...historyKeys.all, 'request-names'] as const,
};

export interface HistoryFilters {
  status: HistoryStatusFilter | null;
  endpoint: string | null;
}

export function getHistoryPage(filters: HistoryFilters, before: string | null, signal?: AbortSignal): Promise<HistoryPage> {
  const query = new URLSearchParams({ limit: '50' });
  if (filters.status !== null) {
    query.set('status', filters.status);
  }
  if (filters.endpoint !== null) {
    query.set('endpoint', filters.endpoint);
  }
  if (before !== null) {
    query.set('before', before);
  }

  return apiGet<HistoryPage>(`/api/history?${query.toString()}`, signal);
}

export function useHistoryPage(filters: HistoryFilters, before: string | null) {
  return useQuery(
    queryOptions({
      queryKey: historyKeys.page(filters, before),
      queryFn: ({ signal }) => getHistoryPage(filters, before, signal),
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
}

export function useHistoryRequestNames() {
  return useQuery(queryOptions({ queryKey: historyKeys.requestNames(), queryFn: ({ signal }) => apiGet<string[]>('/api/history/request-names', signal), staleTime: 0 }));
}

export function getHistoryEntry(id: string): Promise<HistoryEntry> {
  return apiGet<HistoryEntry>(`/api/history/${encodeURIComponent(id)}`);
}

export function useDeleteHistoryEntry() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (id: string) => apiWrite<void>('DELETE', `/api/history/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}

export function useClearHistory() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: () => apiWrite<void>('DELETE', '/api/history'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}
