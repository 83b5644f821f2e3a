import { lazy, Suspense, useCallback, useReducer, useState } from 'react';

import type { EnvironmentView, SessionInfo } from '../../../shared/api.ts';
import { findBuiltinRequest } from '../../../shared/collection.ts';
import { useEnvironments } from '../features/environments/api/get-environments.ts';
import { CollectionSidebar } from '../features/requests/components/CollectionSidebar.tsx';
import { RequestEditor } from '../features/requests/components/RequestEditor.tsx';
import { createEditorState, editorReducer, selectDraft } from '../features/requests/model/editor-state.ts';
import { OAuth2CallbackNotice } from '../features/oauth2/components/OAuth2CallbackNotice.tsx';
import { ResponseViewer } from '../features/response/components/ResponseViewer.tsx';
import { AppHeader } from './AppHeader.tsx';
import { savePageState, takePageState, type PageState } from './page-state.ts';
import { useRequestSender } from './use-request-sender.ts';

// The environment editor is opened rarely, so it loads on first use and stays out of the first page's JavaScript.
const EnvironmentDialog = lazy(() => import('../features/environments/components/EnvironmentDialog.tsx'));

interface DialogState {
  open: boolean;
  environmentId: string | null;
}

/** Picks the chosen environment, else the sandbox, else the first one. */
function resolveEnvironment(environments: EnvironmentView[] | undefined, chosenId: string | null): EnvironmentView | null {
  if (environments === undefined || environments.length === 0) {
    return null;
  }

  return (
    environments.find((environment) => environment.id === chosenId) ??
    environments.find((environment) => environment.kind === 'sandbox') ??
    environments[0]!
  );
}

export function Workbench({ session }: { session: SessionInfo }) {
  const environments = useEnvironments();
  const [restored] = useState<PageState | null>(takePageState);
  const [chosenEnvironmentId, setChosenEnvironmentId] = useState<string | null>(restored?.environmentId ?? null);
  const [editor, dispatch] = useReducer(editorReducer, undefined, () => restored?.editor ?? createEditorState());
  const [dialog, setDialog] = useState<DialogState>({ open: false, environmentId: null });
  const sender = useRequestSender();

  const environment = resolveEnvironment(environments.data, chosenEnvironmentId);
  const definition = findBuiltinRequest(editor.selectedRequestId)!;
  const draft = selectDraft(editor);
  const exchange = sender.exchanges[definition.id] ?? null;

  const openEnvironments = (environmentId: string | null) => setDialog({ open: true, environmentId });
  const keepPageState = () => savePageState({ editor, environmentId: environment?.id ?? null });
  const onSignedIn = useCallback((environmentId: string) => setChosenEnvironmentId(environmentId), []);

  return (
    <div className="workbench">
      <AppHeader
        session={session}
        environments={environments}
        selected={environment}
        onSelect={setChosenEnvironmentId}
        onManage={() => openEnvironments(environment?.id ?? null)}
      />
      <OAuth2CallbackNotice redirectUri={session.oauth2RedirectUri} onSignedIn={onSignedIn} />
      <div className="workbench__body">
        <CollectionSidebar
          selectedRequestId={definition.id}
          onSelect={(requestId) => dispatch({ type: 'select-request', requestId })}
        />
        <main className="workbench__main">
          <RequestEditor
            key={definition.id}
            definition={definition}
            draft={draft}
            dispatch={dispatch}
            environment={environment}
            redirectUri={session.oauth2RedirectUri}
            sending={sender.isSending}
            lastExchange={exchange}
            onSend={sender.send}
            onEditCredentials={() => openEnvironments(environment?.id ?? null)}
            onBeforeAuthorize={keepPageState}
          />
          <ResponseViewer
            requestId={definition.id}
            exchange={exchange}
            pending={sender.sendingRequestId === definition.id}
            onSwitchAuthType={(authType) => {
              dispatch({ type: 'set-auth-type', authType });
              dispatch({ type: 'select-tab', tab: 'authorization' });
            }}
          />
        </main>
      </div>
      {dialog.open ? (
        <Suspense fallback={<div className="dialog-loading" role="status">Loading the environment editor…</div>}>
          <EnvironmentDialog
            session={session}
            onBeforeAuthorize={keepPageState}
            initialEnvironmentId={dialog.environmentId}
            onClose={() => setDialog({ open: false, environmentId: null })}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
