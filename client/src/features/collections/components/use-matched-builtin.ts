import { useQuery } from '@tanstack/react-query';

import { findRequest } from '../../../../../shared/postman/model.ts';
import { collectionKeys } from '../api/collection-keys.ts';
import { getCollection } from '../api/get-collections.ts';
import { matchBuiltinRequestId } from '../model/imported-draft.ts';
import type { ImportedSelection } from './ImportedCollections.tsx';

/**
 * Returns the built-in request that the selected imported request matches by method and path, so
 * that the response viewer explains its result the same way, or "imported" when none matches.
 */
export function useMatchedBuiltinId(selection: ImportedSelection | null): string {
  const collection = useQuery({
    queryKey: collectionKeys.detail(selection?.collectionId ?? ''),
    queryFn: ({ signal }) => getCollection(selection!.collectionId, signal),
    enabled: selection !== null,
    staleTime: Infinity,
  });
  const located = selection === null || collection.data === undefined ? null : findRequest(collection.data.model, selection.itemId);

  return (located === null ? null : matchBuiltinRequestId(located.request)) ?? 'imported';
}
