import { useId } from 'react';

interface BaseUrlInputProps {
  value: string;
  allowedUpstreams: string[];
  invalid: boolean;
  onChange: (value: string) => void;
  /** The server's message about this field, shown under it. */
  message?: string | undefined;
}

/** Base URL field with the allowed upstreams as suggestions and a note when the value is not one of them. */
export function BaseUrlInput({ value, allowedUpstreams, invalid, onChange, message }: BaseUrlInputProps) {
  const inputId = useId();
  const listId = useId();
  const noteId = useId();
  const allowed = allowedUpstreams.some((upstream) => normalizeOrigin(upstream) === normalizeOrigin(value));
  const note =
    message ??
    (value !== '' && !allowed ? `${value} is not in the allowed upstreams below, so the server will reject it.` : undefined);

  return (
    <div className="form-row">
      <label htmlFor={inputId}>Base URL</label>
      <input
        id={inputId}
        className="input input--mono"
        list={listId}
        value={value}
        required
        spellCheck={false}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={note === undefined ? undefined : noteId}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {allowedUpstreams.map((upstream) => (
          <option key={upstream} value={upstream} />
        ))}
      </datalist>
      {note === undefined ? null : (
        <p id={noteId} role={message === undefined ? undefined : 'alert'} className={message === undefined ? 'field-note' : 'field-error'}>
          {note}
        </p>
      )}
    </div>
  );
}

function normalizeOrigin(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}
