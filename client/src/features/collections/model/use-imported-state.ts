import { useState } from 'react';

import type { ImportedSelection } from '../components/ImportedCollections.tsx';
import type { ImportedDraft } from './imported-draft.ts';

/** Keeps the picked imported request, if any, and the edits of every imported request opened so far (in memory only). */
export function useImportedState() {
  const [selection, setSelection] = useState<ImportedSelection | null>(null);
  const [drafts, setDrafts] = useState<Record<string, ImportedDraft>>({});

  return {
    selection,
    select: setSelection,
    clear: () => setSelection(null),
    drafts,
    setDraft: (key: string, draft: ImportedDraft) => setDrafts((current) => ({ ...current, [key]: draft })),
  };
}
