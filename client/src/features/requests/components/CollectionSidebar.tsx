import { builtinRequests, type RequestDefinition } from '../../../../../shared/collection.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';

interface CollectionSidebarProps {
  selectedRequestId: string;
  onSelect: (requestId: string) => void;
}

const FOLDERS: ReadonlyArray<RequestDefinition['folder']> = ['Follows', 'Users'];

/** Lists the built-in collection by folder. Each button's accessible name is the request name. */
export function CollectionSidebar({ selectedRequestId, onSelect }: CollectionSidebarProps) {
  return (
    <nav className="sidebar" aria-label="Collection">
      <h2 className="sidebar__title">Manage follows</h2>
      {FOLDERS.map((folder) => (
        <section key={folder} className="sidebar__folder" aria-labelledby={`folder-${folder}`}>
          <h3 id={`folder-${folder}`} className="sidebar__folder-name">
            {folder}
          </h3>
          <ul className="sidebar__list">
            {builtinRequests
              .filter((request) => request.folder === folder)
              .map((request) => (
                <li key={request.id}>
                  <button
                    type="button"
                    className="sidebar__item"
                    aria-current={request.id === selectedRequestId ? 'true' : undefined}
                    title={request.description}
                    onClick={() => onSelect(request.id)}
                  >
                    <MethodBadge method={request.method} hidden />
                    <span className="sidebar__name">{request.name}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
