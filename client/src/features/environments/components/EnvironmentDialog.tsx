import { useEffect, useId, useRef, useState } from 'react';

import type { SessionInfo } from '../../../../../shared/api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useEnvironments } from '../api/get-environments.ts';
import { AllowedUpstreams } from './AllowedUpstreams.tsx';
import { EnvironmentEditor } from './EnvironmentEditor.tsx';
import { NewEnvironmentForm } from './NewEnvironmentForm.tsx';
import './environment-dialog.css';

interface EnvironmentDialogProps {
  session: SessionInfo;
  initialEnvironmentId: string | null;
  onClose: () => void;
  /** Called just before the page leaves for the OAuth 2.0 authorize page. */
  onBeforeAuthorize: () => void;
}

/** Renders a modal dialog to create, rename, re-point and delete environments and to set their variables. */
export default function EnvironmentDialog({ session, initialEnvironmentId, onClose, onBeforeAuthorize }: EnvironmentDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const environments = useEnvironments();
  const [selectedId, setSelectedId] = useState<string | null>(initialEnvironmentId);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
    }
  }, []);

  const list = environments.data ?? [];
  const selected = list.find((environment) => environment.id === selectedId) ?? list[0] ?? null;

  return (
    <dialog ref={dialogRef} className="environment-dialog" aria-labelledby={headingId} onClose={onClose}>
      <div className="environment-dialog__header">
        <h2 id={headingId}>Environments</h2>
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>

      {environments.isPending ? <p role="status">Loading environments…</p> : null}
      {environments.isError ? (
        <ErrorNotice title="Could not load the environments" message={environments.error.message}>
          <button type="button" className="button" onClick={() => void environments.refetch()}>
            Retry
          </button>
        </ErrorNotice>
      ) : null}

      <div className="environment-dialog__body">
        <nav className="environment-dialog__list" aria-label="Environment list">
          <ul>
            {list.map((environment) => (
              <li key={environment.id}>
                <button
                  type="button"
                  className="environment-dialog__item"
                  aria-current={!creating && environment.id === selected?.id ? 'true' : undefined}
                  onClick={() => {
                    setCreating(false);
                    setSelectedId(environment.id);
                  }}
                >
                  {environment.name}
                  {environment.kind === 'sandbox' ? <span className="badge">sandbox</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={() => setCreating(true)}>
            New environment
          </button>
        </nav>

        <div className="environment-dialog__detail">
          {creating ? (
            <NewEnvironmentForm
              allowedUpstreams={session.allowedUpstreams}
              onCreated={(created) => {
                setCreating(false);
                setSelectedId(created.id);
              }}
              onCancel={() => setCreating(false)}
            />
          ) : null}
          {!creating && selected !== null ? (
            <EnvironmentEditor
              key={selected.id}
              environment={selected}
              session={session}
              onDeleted={() => setSelectedId(null)}
              onBeforeAuthorize={onBeforeAuthorize}
            />
          ) : null}
          <AllowedUpstreams allowedUpstreams={session.allowedUpstreams} />
        </div>
      </div>
    </dialog>
  );
}
