import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ImportRequest, ImportResult } from '../../../../../shared/collections-api.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { environmentKeys } from '../../environments/api/environment-keys.ts';
import { collectionKeys } from './collection-keys.ts';

export function importFile(input: ImportRequest): Promise<ImportResult> {
  return apiWrite<ImportResult>('POST', '/api/import', input);
}

/** Imports a collection or an environment; either one adds to a list, so both lists are read again. */
export function useImportFile() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: importFile,
    onSuccess: async (result) => {
      const keys = result.kind === 'collection' ? collectionKeys.all : environmentKeys.all;
      await queryClient.invalidateQueries({ queryKey: keys });
    },
  });
}
