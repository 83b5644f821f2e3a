import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef, useState, type Dispatch, type ReactNode } from 'react';

import type { EnvironmentView, SendRequest } from '../../../../../shared/api.ts';
import { authenticatedUserIdFor, type AuthType } from '../../../../../shared/auth-types.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import { Tabs, type TabItem } from '../../../components/Tabs.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { buildSendRequest } from '../model/build-send-request.ts';
import type { EditorAction, EditorTab, RequestDraft } from '../model/editor-state.ts';
import { describeUserMismatch, findUserMismatch, type UserMismatch } from '../model/user-mismatch.ts';
import { validateDraft, type DraftIssue } from '../model/validate-draft.ts';
import { BodyPanel } from './BodyPanel.tsx';
import { LookUpUsername } from './LookUpUsername.tsx';
import { ParamsPanel } from './ParamsPanel.tsx';
import { UrlLine } from './UrlLine.tsx';
import './request-editor.css';

// The Authorization tab, with the OAuth 2.0 sign-in, is opened less often, so it loads on first use.
const AuthorizationPanel = lazy(() => import('./AuthorizationPanel.tsx'));

interface RequestEditorProps {
  definition: RequestDefinition;
  draft: RequestDraft;
  dispatch: Dispatch<EditorAction>;
  environment: EnvironmentView | null;
  /** The OAuth 2.0 redirect URI, shown in the Authorization tab. */
  redirectUri: string;
  sending: boolean;
  /** The last send of this request, whose server error may name one of the inputs. */
  lastExchange: { sent: SendRequest; error: Error | null } | null;
  onSend: (request: SendRequest) => void;
  onEditCredentials: () => void;
  /** Called just before the page leaves for the OAuth 2.0 authorize page. */
  onBeforeAuthorize: () => void;
  /** Shown beside Send, such as the rate-limit meter. */
  besideSend?: ReactNode;
}

export function RequestEditor(props: RequestEditorProps) {
  const { definition, draft, dispatch, environment, sending, lastExchange, onSend, onEditCredentials } = props;
  const reasonId = useId();
  const [mismatch, setMismatch] = useState<UserMismatch | null>(null);

  const authType: AuthType = draft.authType === 'inherit' ? (environment?.authType ?? 'oauth1') : draft.authType;
  const authenticatedUserId = environment === null ? null : authenticatedUserIdFor(environment, authType);
  const issues = validateDraft(definition, draft, {
    hasEnvironment: environment !== null,
    tokenUserId: authenticatedUserId,
    authType,
  });
  const fieldMessages = collectFieldMessages(issues, serverFieldIssue(lastExchange, draft));
  const blocker = issues[0]?.message ?? null;
  const canSend = blocker === null && !sending && environment !== null;

  const sendNow = () => {
    setMismatch(null);
    if (!canSend || environment === null) {
      return;
    }
    onSend(buildSendRequest(environment.id, definition, draft));
  };

  const send = () => {
    const found = findUserMismatch(definition, draft, authenticatedUserId);
    if (canSend && found !== null) {
      setMismatch(found);
      return;
    }
    sendNow();
  };

  useCtrlEnter(send);

  const tabs: Array<TabItem<EditorTab>> = [
    { id: 'params', label: 'Params' },
    ...(definition.bodyTemplate === null ? [] : [{ id: 'body' as const, label: 'Body' }]),
    { id: 'authorization', label: 'Authorization' },
  ];
  const tab = draft.tab === 'body' && definition.bodyTemplate === null ? 'params' : draft.tab;

  return (
    <section className="editor" aria-label="Request">
      <div className="editor__header">
        <h2 className="editor__name">{definition.name}</h2>
        <p className="editor__description">{definition.description}</p>
      </div>

      <div className="editor__bar">
        <UrlLine definition={definition} draft={draft} environment={environment} authenticatedUserId={authenticatedUserId} />
        <button
          type="button"
          className="button button--primary send-button"
          disabled={!canSend}
          aria-describedby={blocker === null ? undefined : reasonId}
          aria-busy={sending}
          onClick={send}
          title="Send (Ctrl+Enter)"
        >
          {sending ? <span className="spinner" aria-hidden="true" /> : null}
          Send
        </button>
        {props.besideSend}
      </div>
      {blocker === null ? (
        <p className="editor__hint">Press Ctrl+Enter (⌘+Enter on macOS) to send.</p>
      ) : (
        <p id={reasonId} className="editor__blocker">
          Send is disabled: {blocker}
        </p>
      )}
      {mismatch === null ? null : (
        <div role="alert" className="notice notice--warning">
          <strong className="notice__title">This ID is not the authenticated user</strong>
          <p className="notice__message">{describeUserMismatch(mismatch)}</p>
          <div className="user-id-tools">
            <button type="button" className="button button--small" onClick={sendNow}>
              Send anyway
            </button>
            <button type="button" className="button button--small" onClick={() => setMismatch(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      <Tabs label="Request sections" tabs={tabs} selected={tab} onSelect={(next) => dispatch({ type: 'select-tab', tab: next })}>
        {tab === 'params' ? (
          <ParamsPanel
            definition={definition}
            draft={draft}
            dispatch={dispatch}
            environment={environment}
            authType={authType}
            authenticatedUserId={authenticatedUserId}
            fieldMessages={fieldMessages}
          />
        ) : null}
        {tab === 'body' && draft.body !== null ? (
          <>
            <BodyPanel body={draft.body} dispatch={dispatch} fieldMessages={fieldMessages} />
            <LookUpUsername
              environmentId={environment?.id ?? null}
              authType={authType}
              targetLabel="target_user_id"
              onUse={(userId) => dispatch({ type: 'set-body-target', value: userId })}
            />
          </>
        ) : null}
        {tab === 'authorization' ? (
          <Suspense fallback={<p role="status">Loading the Authorization tab…</p>}>
            <AuthorizationPanel
              environment={environment}
              authType={draft.authType}
              redirectUri={props.redirectUri}
              onAuthTypeChange={(next) => dispatch({ type: 'set-auth-type', authType: next })}
              onEdit={onEditCredentials}
              onBeforeAuthorize={props.onBeforeAuthorize}
            />
          </Suspense>
        ) : null}
      </Tabs>
    </section>
  );
}

/** Sends on Ctrl+Enter or Cmd+Enter anywhere on the page, except inside an open dialog. */
function useCtrlEnter(send: () => void): void {
  const sendRef = useRef(send);

  useLayoutEffect(() => {
    sendRef.current = send;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) {
        return;
      }
      if (event.target instanceof Element && event.target.closest('dialog') !== null) {
        return;
      }
      event.preventDefault();
      sendRef.current();
    };
    document.addEventListener('keydown', onKeyDown);

    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Returns the server's error about an input, such as field "pathVariables.id", while that input
 * still contains the value that was sent. Once the user edits it, the inline check takes over.
 */
function serverFieldIssue(exchange: RequestEditorProps['lastExchange'], draft: RequestDraft): DraftIssue | null {
  const error = exchange?.error;
  if (!(error instanceof ApiError) || error.field === null || exchange === null) {
    return null;
  }

  const field = error.field;
  const pathKey = field.startsWith('pathVariables.') ? field.slice('pathVariables.'.length) : null;
  if (pathKey !== null && exchange.sent.pathVariables[pathKey] !== draft.pathVariables[pathKey]) {
    return null;
  }
  if (field.startsWith('body') && exchange.sent.body !== draft.body) {
    return null;
  }

  const isBodyField = field.startsWith('body') && field !== 'body.target_user_id';

  return { field: isBodyField ? 'body' : field, message: error.message };
}

function collectFieldMessages(issues: DraftIssue[], serverIssue: DraftIssue | null): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of serverIssue === null ? issues : [...issues, serverIssue]) {
    messages[issue.field] ??= issue.message;
  }

  return messages;
}
