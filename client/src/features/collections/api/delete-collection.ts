import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiWrite } from '../../../lib/api-client.ts';
import { collectionKeys } from './collection-keys.ts';

export function deleteCollection(id: string): Promise<void> {
  return apiWrite<void>('DELETE', `/api/collections/${encodeURIComponent(id)}`);
}

export function useDeleteCollection() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: deleteCollection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: collectionKeys.all }),
  });
}
