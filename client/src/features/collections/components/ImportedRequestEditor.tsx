import { useId } from 'react';

import type { EnvironmentView, SendRequest } from '../../../../../shared/api.ts';
import { AUTH_TYPE_LABELS, AUTH_TYPES, type AuthType } from '../../../../../shared/auth-types.ts';
import type { CollectionModel, KeyValueRow, LocatedRequest } from '../../../../../shared/postman/model.ts';
import { effectiveAuth } from '../../../../../shared/postman/model.ts';
import { findSendBlocker } from '../../../../../shared/postman/sendable.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';
import { buildSnippetRequest } from '../../snippets/model/snippet-request.ts';
import { CodeToggle } from '../../snippets/components/CodeToggle.tsx';
import { buildImportedSend, describeEffectiveAuth, importedPreviewUrl, sendAuthType, tokenFilledVariable, type ImportedDraft } from '../model/imported-draft.ts';

interface ImportedRequestEditorProps {
  collectionId: string;
  model: CollectionModel;
  located: LocatedRequest;
  draft: ImportedDraft;
  onChange: (draft: ImportedDraft) => void;
  environment: EnvironmentView | null;
  allowedUpstreams: readonly string[];
  sending: boolean;
  onSend: (request: SendRequest) => void;
}

/** Edits and sends one request of an imported collection. Its scripts never run; the note explains what they would do. */
export function ImportedRequestEditor(props: ImportedRequestEditorProps) {
  const { collectionId, model, located, draft, onChange, environment, allowedUpstreams, sending, onSend } = props;
  const { request } = located;
  const reasonId = useId();
  const auth = effectiveAuth(model, located);
  const blocker = environment === null ? 'Select an environment first.' : findSendBlocker(request, auth, allowedUpstreams);
  const tokenVariable = tokenFilledVariable(request);
  const url = importedPreviewUrl(environment?.baseUrl ?? '{{base_url}}', request, draft, environment?.tokenUserId ?? null);

  const send = () => {
    if (blocker !== null || environment === null || sending) {
      return;
    }
    onSend(buildImportedSend(environment.id, collectionId, request, draft));
  };

  return (
    <section className="editor imported-editor" aria-label="Request">
      <div className="editor__header">
        <h2 className="editor__name">{request.name}</h2>
        <p className="editor__description">{firstParagraph(request.description)}</p>
        <p className="muted">From the imported collection {model.name}{located.folders.length === 0 ? '' : `, folder ${located.folders.map((folder) => folder.name).join(' / ')}`}</p>
      </div>
      {request.scriptNote === null ? null : (
        <p className="notice notice--warning" role="note" aria-label="Script note">
          {request.scriptNote}
        </p>
      )}

      <div className="editor__bar">
        <p className="imported-editor__url">
          <MethodBadge method={request.method} />
          <code aria-label="URL">{url}</code>
        </p>
        <button
          type="button"
          className="button button--primary send-button"
          disabled={blocker !== null || sending}
          aria-describedby={blocker === null ? undefined : reasonId}
          aria-busy={sending}
          onClick={send}
        >
          {sending ? <span className="spinner" aria-hidden="true" /> : null}
          Send
        </button>
      </div>
      {blocker === null ? null : (
        <p id={reasonId} className="editor__blocker">
          Send is disabled: {blocker}
        </p>
      )}

      {request.url.pathVariables.length === 0 ? null : (
        <fieldset className="imported-editor__section">
          <legend>Path variables</legend>
          {request.url.pathVariables.map((variable) => (
            <TextRow
              key={variable.key}
              label={variable.key}
              value={draft.pathVariables[variable.key] ?? ''}
              placeholder={variable.key === tokenVariable ? `empty: the token's user ID${environment?.tokenUserId ? ` (${environment.tokenUserId})` : ''}` : ''}
              description={variable.description}
              onChange={(value) => onChange({ ...draft, pathVariables: { ...draft.pathVariables, [variable.key]: value } })}
            />
          ))}
        </fieldset>
      )}

      <RowsSection legend="Query parameters" rows={draft.query} onChange={(query) => onChange({ ...draft, query })} />
      <RowsSection legend="Headers" rows={draft.headers} onChange={(headers) => onChange({ ...draft, headers })} note="Only custom X-* headers are forwarded; the proxy sets Authorization and Content-Type." />

      {draft.body === null ? null : (
        <label className="imported-editor__section imported-editor__body">
          <span className="imported-editor__legend">Body</span>
          <textarea className="textarea" rows={6} spellCheck={false} value={draft.body} onChange={(event) => onChange({ ...draft, body: event.target.value })} />
        </label>
      )}

      <fieldset className="imported-editor__section">
        <legend>Authorization</legend>
        <p>{describeEffectiveAuth(auth)}</p>
        <label className="imported-editor__row">
          <span>Send with</span>
          <select className="select" value={draft.authType} onChange={(event) => onChange({ ...draft, authType: event.target.value as AuthType | 'inherit' })}>
            <option value="inherit">The collection's authorization</option>
            {AUTH_TYPES.map((type) => (
              <option key={type} value={type}>
                {AUTH_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <CodeToggle
        request={environment === null ? null : buildSnippetRequest(request.name, request.method, url, draft.body, sendAuthType(auth, draft, environment.authType), environment)}
      />
    </section>
  );
}

function TextRow({ label, value, placeholder, description, onChange }: { label: string; value: string; placeholder: string; description: string; onChange: (value: string) => void }) {
  const inputId = useId();

  return (
    <div className="imported-editor__row">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} className="input" value={value} placeholder={placeholder} spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      {description === '' ? null : <p className="muted imported-editor__description">{firstParagraph(description)}</p>}
    </div>
  );
}

function RowsSection({ legend, rows, onChange, note }: { legend: string; rows: KeyValueRow[]; onChange: (rows: KeyValueRow[]) => void; note?: string }) {
  if (rows.length === 0) {
    return null;
  }
  const update = (index: number, changes: Partial<KeyValueRow>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...changes } : row)));

  return (
    <fieldset className="imported-editor__section">
      <legend>{legend}</legend>
      {note === undefined ? null : <p className="muted">{note}</p>}
      {rows.map((row, index) => (
        <div key={`${row.key}-${index}`} className="imported-editor__row">
          <input type="checkbox" aria-label={`Send ${row.key}`} checked={row.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
          <label>
            <span>{row.key}</span>
            <input className="input" value={row.value} spellCheck={false} onChange={(event) => update(index, { value: event.target.value, enabled: true })} />
          </label>
          {row.description === '' ? null : <p className="muted imported-editor__description">{firstParagraph(row.description)}</p>}
        </div>
      ))}
    </fieldset>
  );
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/, 1)[0] ?? '';
}
