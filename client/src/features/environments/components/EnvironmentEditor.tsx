import { useId, useState, type FormEvent } from 'react';

import type { EnvironmentView, SessionInfo } from '../../../../../shared/api.ts';
import { AUTH_TYPES, labelAuthType, type AuthType } from '../../../../../shared/auth-types.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { OAuth2Panel } from '../../oauth2/components/OAuth2Panel.tsx';
import { useUpdateEnvironment } from '../api/update-environment.ts';
import {
  buildEnvironmentUpdate,
  createEnvironmentForm,
  environmentFormReducer,
  locateServerField,
  type FormAction,
} from '../model/variable-form.ts';
import { BaseUrlInput } from './BaseUrlInput.tsx';
import { DeleteEnvironment } from './DeleteEnvironment.tsx';
import { VariablesTable } from './VariablesTable.tsx';

interface EnvironmentEditorProps {
  environment: EnvironmentView;
  session: SessionInfo;
  onDeleted: () => void;
  onBeforeAuthorize: () => void;
}

/**
 * Edits one environment. The form is built from the server's view when the editor mounts and rebuilt
 * only from the response of a successful Save, so a background refetch or a failed Save keeps what was typed.
 */
export function EnvironmentEditor({ environment, session, onDeleted, onBeforeAuthorize }: EnvironmentEditorProps) {
  const nameId = useId();
  const authTypeId = useId();
  const [form, setForm] = useState(() => createEnvironmentForm(environment));
  const [rowIdByIndex, setRowIdByIndex] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const update = useUpdateEnvironment();
  const isSandbox = environment.kind === 'sandbox';

  const dispatch = (action: FormAction) => {
    setSaved(false);
    setForm((current) => environmentFormReducer(current, action));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const built = buildEnvironmentUpdate(form, environment);
    setRowIdByIndex(built.rowIdByIndex);
    update.mutate(
      { id: environment.id, changes: built.changes },
      {
        onSuccess: (view) => {
          setForm(createEnvironmentForm(view));
          setSaved(true);
        },
      },
    );
  };

  const error = update.error;
  const errorLocation = error instanceof ApiError ? locateServerField(error.field, rowIdByIndex) : null;
  const rowMessages: Record<string, string> = errorLocation !== null && 'rowId' in errorLocation && error ? { [errorLocation.rowId]: error.message } : {};
  const inputError = errorLocation !== null && 'input' in errorLocation ? errorLocation.input : null;

  return (
    <form className="environment-form" onSubmit={save} aria-label={`Edit ${environment.name}`}>
      {error && errorLocation === null ? (
        <p role="alert" className="notice notice--error">
          Not saved: {error.message}
        </p>
      ) : null}
      {error && errorLocation !== null ? <p className="notice notice--error">Not saved: fix the marked field, then save again.</p> : null}

      <div className="form-row">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          className="input"
          value={form.name}
          required
          aria-invalid={inputError === 'name' ? true : undefined}
          onChange={(event) => dispatch({ type: 'set-name', name: event.target.value })}
        />
        {inputError === 'name' && error ? (
          <p role="alert" className="field-error">
            {error.message}
          </p>
        ) : null}
      </div>

      {isSandbox ? (
        <div className="form-row">
          <span className="form-row__label">Base URL</span>
          <code className="read-only-value" aria-label="Base URL">
            {environment.baseUrl}
          </code>
          <p className="field-note">
            The local X sandbox; its base URL is fixed. Its fake keys are listed in the{' '}
            <a href={session.sandboxUrl} target="_blank" rel="noreferrer">
              sandbox developer portal
            </a>
            .
          </p>
        </div>
      ) : (
        <BaseUrlInput
          value={form.baseUrl}
          allowedUpstreams={session.allowedUpstreams}
          invalid={inputError === 'baseUrl'}
          message={inputError === 'baseUrl' && error ? error.message : undefined}
          onChange={(baseUrl) => dispatch({ type: 'set-base-url', baseUrl })}
        />
      )}

      <div className="form-row">
        <label htmlFor={authTypeId}>Auth type</label>
        <select
          id={authTypeId}
          className="input"
          value={form.authType}
          onChange={(event) => dispatch({ type: 'set-auth-type', authType: event.target.value as AuthType })}
        >
          {AUTH_TYPES.map((type) => (
            <option key={type} value={type}>
              {labelAuthType(type)}
            </option>
          ))}
        </select>
        <p className="field-note">Requests use it unless their Authorization tab picks another. Save to apply.</p>
      </div>

      <p className="field-note">
        Secret values are write-only: leave a field empty to keep the stored value. The browser never receives them.
        {environment.tokenUserId === null ? null : (
          <>
            {' '}The access token belongs to user <code>{environment.tokenUserId}</code>.
          </>
        )}
      </p>
      <VariablesTable rows={form.rows} rowMessages={rowMessages} dispatch={dispatch} />

      <h3 className="subheading">OAuth 2.0 User Context</h3>
      <OAuth2Panel environment={environment} redirectUri={session.oauth2RedirectUri} onBeforeNavigate={onBeforeAuthorize} />

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        {saved ? (
          <span role="status" className="save-status">
            Saved.
          </span>
        ) : null}
        <DeleteEnvironment environment={environment} onDeleted={onDeleted} />
      </div>
    </form>
  );
}
