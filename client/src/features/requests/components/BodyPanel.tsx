import { useId, type Dispatch } from 'react';

import { readBodyTarget, TARGET_KEY } from '../model/body-target.ts';
import type { EditorAction } from '../model/editor-state.ts';

interface BodyPanelProps {
  body: string;
  dispatch: Dispatch<EditorAction>;
  fieldMessages: Record<string, string>;
}

/** Edits the raw JSON body, plus a target_user_id field that edits the same text for newcomers. */
export function BodyPanel({ body, dispatch, fieldMessages }: BodyPanelProps) {
  const baseId = useId();
  const target = readBodyTarget(body);
  const targetEditable = target.state !== 'invalid-json' && target.state !== 'not-object';
  let targetValue = '';
  if (target.state === 'string') {
    targetValue = target.value;
  } else if (target.state === 'not-string') {
    targetValue = target.text;
  }
  // An empty target is reported next to Send only, so that the untouched template shows no errors.
  const targetMessage = target.state === 'string' && target.value === '' ? undefined : fieldMessages[`body.${TARGET_KEY}`];
  const bodyMessage = fieldMessages.body;

  return (
    <div className="body-panel">
      <div className="body-panel__target">
        <label htmlFor={`${baseId}-target`} className="field-label">
          <code>{TARGET_KEY}</code> <span className="muted">(user ID to follow, written into the JSON below)</span>
        </label>
        <input
          id={`${baseId}-target`}
          className="input input--mono"
          aria-label={TARGET_KEY}
          aria-invalid={targetMessage === undefined ? undefined : true}
          aria-describedby={`${baseId}-target-message`}
          value={targetValue}
          placeholder="2244994945"
          disabled={!targetEditable}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => dispatch({ type: 'set-body-target', value: event.target.value })}
        />
        <div id={`${baseId}-target-message`}>
          {targetMessage === undefined ? null : (
            <p role="alert" className="field-error">
              {targetMessage}
            </p>
          )}
          {targetEditable ? null : <p className="muted">Fix the JSON below to edit {TARGET_KEY} here.</p>}
        </div>
      </div>

      <label htmlFor={`${baseId}-body`} className="field-label">
        JSON body <span className="muted">(sent as application/json; {'{{variables}}'} are resolved on the server)</span>
      </label>
      <textarea
        id={`${baseId}-body`}
        className="textarea input--mono"
        aria-label="Request body"
        aria-invalid={bodyMessage === undefined ? undefined : true}
        aria-describedby={bodyMessage === undefined ? undefined : `${baseId}-body-message`}
        value={body}
        rows={5}
        spellCheck={false}
        onChange={(event) => dispatch({ type: 'set-body', body: event.target.value })}
      />
      {bodyMessage === undefined ? null : (
        <p id={`${baseId}-body-message`} role="alert" className="field-error">
          {bodyMessage}
        </p>
      )}
    </div>
  );
}
