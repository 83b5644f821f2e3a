import { useState, type Dispatch } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import { lookUpMe } from '../api/look-up-user.ts';
import type { EditorAction, RequestDraft } from '../model/editor-state.ts';
import { LookUpUsername } from './LookUpUsername.tsx';
import { PathVariablesTable } from './PathVariablesTable.tsx';
import { QueryTable } from './QueryTable.tsx';

interface ParamsPanelProps {
  definition: RequestDefinition;
  draft: RequestDraft;
  dispatch: Dispatch<EditorAction>;
  environment: EnvironmentView | null;
  /** The auth type the request is sent with, after inheriting from the environment. */
  authType: AuthType;
  /** The ID of the user the credentials act as, or null when unknown or when there is none. */
  authenticatedUserId: string | null;
  fieldMessages: Record<string, string>;
}

export function ParamsPanel(props: ParamsPanelProps) {
  const { definition, draft, dispatch, environment, authType, authenticatedUserId, fieldMessages } = props;
  const [myIdMessage, setMyIdMessage] = useState<string | null>(null);
  const hasTargetPath = definition.pathVariables.some((variable) => variable.key === 'target_user_id');
  const hasUserIdPath = definition.pathVariables.some((variable) => variable.kind === 'user_id');

  const fillMyId = (key: string) => {
    if (environment === null) {
      return;
    }
    if (authType === 'app-only') {
      setMyIdMessage('An app-only bearer token acts as no user, so it has no ID (switch the Auth type to OAuth 1.0a or OAuth 2.0 User Context)');
      return;
    }
    if (authenticatedUserId !== null) {
      dispatch({ type: 'set-path-variable', key, value: authenticatedUserId });
      setMyIdMessage(null);
      return;
    }
    if (authType === 'oauth2') {
      setMyIdMessage('Nobody is signed in with OAuth 2.0 yet: press Authorize in the Authorization tab first');
      return;
    }
    setMyIdMessage('Asking GET /2/users/me…');
    lookUpMe(environment.id, authType).then(
      (user) => {
        dispatch({ type: 'set-path-variable', key, value: user.id });
        setMyIdMessage(`Filled from GET /2/users/me: @${user.username}`);
      },
      (error: unknown) => setMyIdMessage(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <div className="params">
      {definition.pathVariables.length > 0 ? (
        <PathVariablesTable
          definition={definition}
          values={draft.pathVariables}
          tokenUserId={authenticatedUserId}
          authType={authType}
          fieldMessages={fieldMessages}
          onChange={(key, value) => dispatch({ type: 'set-path-variable', key, value })}
          onUseMyId={fillMyId}
        />
      ) : (
        <p className="muted">This request has no path variables: the access token decides which user it is about.</p>
      )}
      {myIdMessage === null ? null : (
        <p role="status" className="field-note">
          {myIdMessage}
        </p>
      )}
      {hasUserIdPath ? (
        <LookUpUsername
          environmentId={environment?.id ?? null}
          authType={authType}
          targetLabel={hasTargetPath ? 'target_user_id' : null}
          onUse={(userId) => dispatch({ type: 'set-path-variable', key: 'target_user_id', value: userId })}
        />
      ) : null}
      <QueryTable rows={draft.query} fieldMessages={fieldMessages} dispatch={dispatch} />
    </div>
  );
}
