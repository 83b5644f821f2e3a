import type { Dispatch } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import type { EditorAction, RequestDraft } from '../model/editor-state.ts';
import { PathVariablesTable } from './PathVariablesTable.tsx';
import { QueryTable } from './QueryTable.tsx';

interface ParamsPanelProps {
  definition: RequestDefinition;
  draft: RequestDraft;
  dispatch: Dispatch<EditorAction>;
  environment: EnvironmentView | null;
  fieldMessages: Record<string, string>;
}

export function ParamsPanel({ definition, draft, dispatch, environment, fieldMessages }: ParamsPanelProps) {
  return (
    <div className="params">
      {definition.pathVariables.length > 0 ? (
        <PathVariablesTable
          definition={definition}
          values={draft.pathVariables}
          tokenUserId={environment?.tokenUserId ?? null}
          fieldMessages={fieldMessages}
          onChange={(key, value) => dispatch({ type: 'set-path-variable', key, value })}
        />
      ) : (
        <p className="muted">This request has no path variables: the access token decides which user it is about.</p>
      )}
      <QueryTable rows={draft.query} fieldMessages={fieldMessages} dispatch={dispatch} />
    </div>
  );
}
