import type { EnvironmentView, SendRequest } from '../../../../../shared/api.ts';
import { findRequest } from '../../../../../shared/postman/model.ts';
import { useCollection } from '../api/get-collections.ts';
import { createImportedDraft, type ImportedDraft } from '../model/imported-draft.ts';
import { ImportedRequestEditor } from './ImportedRequestEditor.tsx';
import type { ImportedSelection } from './ImportedCollections.tsx';

interface ImportedRequestPaneProps {
  selection: ImportedSelection;
  drafts: Record<string, ImportedDraft>;
  onDraftChange: (key: string, draft: ImportedDraft) => void;
  environment: EnvironmentView | null;
  allowedUpstreams: readonly string[];
  sending: boolean;
  onSend: (request: SendRequest) => void;
}

/** Loads the selected imported request and shows its editor, keeping each request's edits. */
export default function ImportedRequestPane({ selection, drafts, onDraftChange, environment, allowedUpstreams, sending, onSend }: ImportedRequestPaneProps) {
  const collection = useCollection(selection.collectionId);
  if (collection.isError) {
    return <p role="alert">Could not load the collection: {collection.error.message}</p>;
  }
  if (collection.data === undefined) {
    return <p role="status">Loading the collection…</p>;
  }
  const located = findRequest(collection.data.model, selection.itemId);
  if (located === null) {
    return <p role="alert">This request is not in the collection any more; pick another one.</p>;
  }
  // Item IDs repeat across collections, so the draft key names both.
  const key = `${selection.collectionId}/${selection.itemId}`;

  return (
    <ImportedRequestEditor
      key={key}
      collectionId={selection.collectionId}
      model={collection.data.model}
      located={located}
      draft={drafts[key] ?? createImportedDraft(located.request)}
      onChange={(draft) => onDraftChange(key, draft)}
      environment={environment}
      allowedUpstreams={allowedUpstreams}
      sending={sending}
      onSend={onSend}
    />
  );
}

