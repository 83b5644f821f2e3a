import { useState } from 'react';

import type { CollectionSummary } from '../../../../../shared/collections-api.ts';
import { effectiveAuth, type CollectionFolder, type CollectionModel, type CollectionNode } from '../../../../../shared/postman/model.ts';
import { findSendBlocker } from '../../../../../shared/postman/sendable.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';
import { useDeleteCollection } from '../api/delete-collection.ts';
import { useCollection, useCollections } from '../api/get-collections.ts';
import './collections.css';

/** An imported request picked in the sidebar. */
export interface ImportedSelection {
  collectionId: string;
  itemId: string;
}

interface ImportedCollectionsProps {
  selected: ImportedSelection | null;
  allowedUpstreams: readonly string[];
  onSelect: (selection: ImportedSelection) => void;
}

/** Lists each imported collection as a navigation of its own, with folders that open and close. */
export function ImportedCollections({ selected, allowedUpstreams, onSelect }: ImportedCollectionsProps) {
  const collections = useCollections();

  if (collections.isError) {
    return (
      <p role="alert" className="sidebar__error">
        Could not load the imported collections: {collections.error.message}
      </p>
    );
  }

  return (
    <>
      {(collections.data ?? []).map((summary) => (
        <CollectionTree key={summary.id} summary={summary} selected={selected} allowedUpstreams={allowedUpstreams} onSelect={onSelect} />
      ))}
    </>
  );
}

interface CollectionTreeProps extends ImportedCollectionsProps {
  summary: CollectionSummary;
}

function CollectionTree({ summary, selected, allowedUpstreams, onSelect }: CollectionTreeProps) {
  const detail = useCollection(summary.id);
  const deleteCollection = useDeleteCollection();
  const [confirming, setConfirming] = useState(false);

  return (
    <nav className="sidebar imported-collection" aria-label={`Collection ${summary.name}`}>
      <h2 className="sidebar__title">{summary.name}</h2>
      <div className="imported-collection__actions">
        <a className="link-button" href={`/api/collections/${encodeURIComponent(summary.id)}/export`} download>
          Export
        </a>
        {confirming ? (
          <>
            <button type="button" className="link-button link-button--danger" onClick={() => deleteCollection.mutate(summary.id)}>
              Delete {summary.name}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {summary.warnings.length === 0 ? null : (
        <details className="imported-collection__warnings">
          <summary>{summary.warnings.length} import notes</summary>
          <ul>
            {summary.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
      {detail.data === undefined ? (
        <p className="muted">{detail.isError ? detail.error.message : 'Loading…'}</p>
      ) : (
        <NodeList
          nodes={detail.data.model.items}
          folders={[]}
          model={detail.data.model}
          collectionId={summary.id}
          selected={selected}
          allowedUpstreams={allowedUpstreams}
          onSelect={onSelect}
        />
      )}
    </nav>
  );
}

interface NodeListProps {
  nodes: CollectionNode[];
  folders: CollectionFolder[];
  model: CollectionModel;
  collectionId: string;
  selected: ImportedSelection | null;
  allowedUpstreams: readonly string[];
  onSelect: (selection: ImportedSelection) => void;
}

function NodeList(props: NodeListProps) {
  const { nodes, folders, model, collectionId, selected, allowedUpstreams, onSelect } = props;

  return (
    <ul className="sidebar__list">
      {nodes.map((node) => {
        if (node.kind === 'folder') {
          return (
            <li key={node.id}>
              <details className="imported-collection__folder">
                <summary className="sidebar__folder-name">{node.name}</summary>
                <NodeList {...props} nodes={node.items} folders={[...folders, node]} />
              </details>
            </li>
          );
        }
        const blocker = findSendBlocker(node, effectiveAuth(model, { request: node, folders }), allowedUpstreams);
        const isSelected = selected?.collectionId === collectionId && selected.itemId === node.id;

        return (
          <li key={node.id}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={isSelected ? 'true' : undefined}
              title={blocker ?? node.description}
              onClick={() => onSelect({ collectionId, itemId: node.id })}
            >
              <MethodBadge method={node.method} hidden />
              <span className="sidebar__name">{node.name}</span>
              {node.scriptNote === null ? null : (
                <span className="badge imported-collection__badge" aria-hidden="true">
                  script
                </span>
              )}
              {blocker === null ? null : (
                <span className="badge badge--warning imported-collection__badge" aria-hidden="true">
                  cannot send
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
