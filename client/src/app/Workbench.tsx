import { lazy, Suspense, useCallback, useReducer, useState } from 'react';

import type { EnvironmentView, SessionInfo } from '../../../shared/api.ts';
import { authenticatedUserIdFor } from '../../../shared/auth-types.ts';
import { findBuiltinRequest, type RequestDefinition } from '../../../shared/collection.ts';
import type { HistoryEntry } from '../../../shared/history.ts';
import { ImportedCollections } from '../features/collections/components/ImportedCollections.tsx';
import { useMatchedBuiltinId } from '../features/collections/components/use-matched-builtin.ts';
import { ImportPanel } from '../features/collections/components/ImportPanel.tsx';
import { useImportedState } from '../features/collections/model/use-imported-state.ts';
import { useEnvironments } from '../features/environments/api/get-environments.ts';
import { CollectionSidebar } from '../features/requests/components/CollectionSidebar.tsx';
import { RequestEditor } from '../features/requests/components/RequestEditor.tsx';
import { createEditorState, editorReducer, selectDraft, type RequestDraft } from '../features/requests/model/editor-state.ts';
import { OAuth2CallbackNotice } from '../features/oauth2/components/OAuth2CallbackNotice.tsx';
import { ResponseViewer } from '../features/response/components/ResponseViewer.tsx';
import { CodeToggle } from '../features/snippets/components/CodeToggle.tsx';
import { buildSnippetRequest } from '../features/snippets/model/snippet-request.ts';
import { previewUrl } from '../features/requests/model/url-template.ts';
import { ApiError } from '../lib/api-error.ts';
import { AppHeader } from './AppHeader.tsx';
import { savePageState, takePageState, type PageState } from './page-state.ts';
import { useLearningTools } from './use-learning-tools.tsx';
import { exchangeKey, useRequestSender, type Exchange } from './use-request-sender.ts';

// The environment editor is opened rarely, so it loads on first use and stays out of the first page's JavaScript.
const EnvironmentDialog = lazy(() => import('../features/environments/components/EnvironmentDialog.tsx'));
const HistoryPanel = lazy(() => import('../features/history/components/HistoryPanel.tsx'));
const ImportedRequestPane = lazy(() => import('../features/collections/components/ImportedRequestPane.tsx'));

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
  const imported = useImportedState();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyEntry, setHistoryEntry] = useState<HistoryEntry | null>(null);

  const environment = resolveEnvironment(environments.data, chosenEnvironmentId);
  const definition = findBuiltinRequest(editor.selectedRequestId)!;
  const draft = selectDraft(editor);
  const selectedKey = imported.selection === null ? definition.id : exchangeKey({ collectionId: imported.selection.collectionId, requestId: imported.selection.itemId });
  const exchange = historyEntry === null ? (sender.exchanges[selectedKey] ?? null) : historyExchange(historyEntry);
  const matchedBuiltinId = useMatchedBuiltinId(imported.selection);

  // Opening or re-sending a history entry selects its request first, so the viewer and editor agree.
  const selectRequestOf = (entry: HistoryEntry) => {
    if (entry.input.collectionId === undefined) {
      imported.clear();
      dispatch({ type: 'select-request', requestId: entry.input.requestId });
      return;
    }
    imported.select({ collectionId: entry.input.collectionId, itemId: entry.input.requestId });
  };

  const openEnvironments = (environmentId: string | null) => setDialog({ open: true, environmentId });
  const keepPageState = () => savePageState({ editor, environmentId: environment?.id ?? null });
  const onSignedIn = useCallback((environmentId: string) => setChosenEnvironmentId(environmentId), []);
  const selectBuiltinRequest = (requestId: string) => {
    imported.clear();
    setHistoryEntry(null);
    dispatch({ type: 'select-request', requestId });
  };
  const learning = useLearningTools({
    editor,
    dispatch,
    environment,
    exchanges: sender.exchanges,
    selectRequest: selectBuiltinRequest,
    openEnvironment: () => openEnvironments(environment?.id ?? null),
  });

  return (
    <div className="workbench">
      <AppHeader
        session={session}
        environments={environments}
        selected={environment}
        onSelect={setChosenEnvironmentId}
        onManage={() => openEnvironments(environment?.id ?? null)}
        onQuickStart={learning.openQuickStart}
        onSandboxScenarios={learning.openScenarios}
      />
      <OAuth2CallbackNotice redirectUri={session.oauth2RedirectUri} onSignedIn={onSignedIn} />
      <div className="workbench__body">
        <div className="workbench__sidebar">
          <CollectionSidebar
            selectedRequestId={imported.selection === null ? definition.id : ''}
            onSelect={(requestId) => {
              imported.clear();
              setHistoryEntry(null);
              dispatch({ type: 'select-request', requestId });
            }}
          />
          <ImportedCollections
            selected={imported.selection}
            allowedUpstreams={session.allowedUpstreams}
            onSelect={(selection) => {
              imported.select(selection);
              setHistoryEntry(null);
            }}
          />
          <ImportPanel environment={environment} />
          <button type="button" className="button button--small workbench__history-toggle" aria-pressed={historyOpen} onClick={() => setHistoryOpen(!historyOpen)}>
            History
          </button>
        </div>
        <main className="workbench__main">
          {learning.panels}
          {imported.selection === null ? (
            <>
              <RequestEditor
                key={definition.id}
                definition={definition}
                draft={draft}
                dispatch={dispatch}
                environment={environment}
                redirectUri={session.oauth2RedirectUri}
                sending={sender.isSending}
                lastExchange={exchange}
                onSend={(request) => {
                  setHistoryEntry(null);
                  sender.send(request);
                }}
                onEditCredentials={() => openEnvironments(environment?.id ?? null)}
                onBeforeAuthorize={keepPageState}
                besideSend={learning.besideSend}
              />
              <CodeToggle request={builtinSnippet(definition, draft, environment)} />
            </>
          ) : (
            <Suspense fallback={<p role="status">Loading the request…</p>}>
              <ImportedRequestPane
                selection={imported.selection}
                drafts={imported.drafts}
                onDraftChange={imported.setDraft}
                environment={environment}
                allowedUpstreams={session.allowedUpstreams}
                sending={sender.isSending}
                onSend={(request) => {
                  setHistoryEntry(null);
                  sender.send(request);
                }}
              />
            </Suspense>
          )}
          {historyEntry === null ? null : (
            <p role="status" className="notice notice--warning workbench__history-note">
              Showing the history entry of {new Date(historyEntry.createdAt).toLocaleString()} ({historyEntry.requestName}, via {historyEntry.environmentName}).{' '}
              <button type="button" className="link-button" onClick={() => setHistoryEntry(null)}>
                Show the latest response
              </button>
            </p>
          )}
          <ResponseViewer
            requestId={imported.selection === null ? definition.id : matchedBuiltinId}
            exchange={exchange}
            pending={sender.sendingRequestId === selectedKey}
            explain={learning.explain}
          />
        </main>
        {historyOpen ? (
          <Suspense fallback={<p role="status">Loading the history…</p>}>
            <HistoryPanel
              onOpen={(entry) => {
                selectRequestOf(entry);
                setHistoryEntry(entry);
              }}
              onResend={(entry) => {
                selectRequestOf(entry);
                setHistoryEntry(null);
                sender.send(entry.input);
              }}
              onClose={() => setHistoryOpen(false)}
            />
          </Suspense>
        ) : null}
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

/** Shows a stored send in the response viewer as if it had just come back. */
function historyExchange(entry: HistoryEntry): Exchange {
  const error = entry.error === null ? null : new ApiError(entry.error.message, 0, entry.error);

  return { sent: entry.input, result: entry.result, error };
}

/** Builds the snippet input of a built-in request, with the URL the server is expected to send; null until an environment is loaded. */
function builtinSnippet(definition: RequestDefinition, draft: RequestDraft, environment: EnvironmentView | null) {
  if (environment === null) {
    return null;
  }
  const authType = draft.authType === 'inherit' ? environment.authType : draft.authType;
  const userId = authenticatedUserIdFor({ tokenUserId: environment.tokenUserId, oauth2: environment.oauth2 }, authType);
  const url = previewUrl(environment.baseUrl, definition, draft, userId);

  return buildSnippetRequest(definition.name, definition.method, url, definition.bodyTemplate === null ? null : draft.body, authType, environment);
}
