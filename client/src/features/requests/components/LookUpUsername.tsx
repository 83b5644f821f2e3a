import { useId, useState, type FormEvent } from 'react';

import type { AuthType } from '../../../../../shared/auth-types.ts';
import { lookUpUsername, type FoundUser } from '../api/look-up-user.ts';

interface LookUpUsernameProps {
  environmentId: string | null;
  authType: AuthType;
  /** Label of the field that "Use as …" fills, such as "target_user_id"; null when the request has none. */
  targetLabel: string | null;
  onUse: (userId: string) => void;
}

/** Resolves an @username to its user ID with a real "User by Username" request through the proxy. */
export function LookUpUsername({ environmentId, authType, targetLabel, onUse }: LookUpUsernameProps) {
  const inputId = useId();
  const [username, setUsername] = useState('');
  const [pending, setPending] = useState(false);
  const [found, setFound] = useState<FoundUser | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (environmentId === null || username.trim() === '') {
      return;
    }
    setPending(true);
    setFound(null);
    setError(null);
    lookUpUsername(environmentId, authType, username.trim())
      .then(setFound, (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(() => setPending(false));
  };

  return (
    <form className="user-id-tools" onSubmit={submit} aria-label="Look up a username">
      <label htmlFor={inputId}>Username to look up</label>
      <input
        id={inputId}
        className="input input--mono"
        value={username}
        placeholder="@TwitterDev"
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setUsername(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={environmentId === null || pending || username.trim() === ''}>
        Look up username
      </button>
      {found === null ? null : (
        <>
          <span role="status">
            @{found.username} has ID <code>{found.id}</code>
          </span>
          {targetLabel === null ? null : (
            <button type="button" className="button button--small" onClick={() => onUse(found.id)}>
              Use as {targetLabel}
            </button>
          )}
        </>
      )}
      {error === null ? null : (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
