import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CollectionDetail, CollectionSummary } from '../../../../../shared/collections-api.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { collectionKeys } from './collection-keys.ts';

export function getCollections(signal?: AbortSignal): Promise<CollectionSummary[]> {
  return apiGet<CollectionSummary[]>('/api/collections', signal);
}

export function getCollection(id: string, signal?: AbortSignal): Promise<CollectionDetail> {
  return apiGet<CollectionDetail>(`/api/collections/${encodeURIComponent(id)}`, signal);
}

export function useCollections() {
  return useQuery(queryOptions({ queryKey: collectionKeys.list(), queryFn: ({ signal }) => getCollections(signal) }));
}

/** Reads one collection with its requests. It never changes after import, so the cached copy never goes stale. */
export function useCollection(id: string) {
  return useQuery(
    queryOptions({ queryKey: collectionKeys.detail(id), queryFn: ({ signal }) => getCollection(id, signal), staleTime: Infinity }),
  );
}
