import { useMemo } from 'react';

import { formatJsonTokens } from '../../../../../shared/json-format.ts';

/** Above this many tokens the body is shown formatted but uncoloured, to keep rendering quick. */
const MAX_COLOURED_TOKENS = 50_000;

interface JsonBodyProps {
  body: string;
  raw: boolean;
  truncated: boolean;
}

/**
 * Shows a response body. JSON is re-indented token by token, so every number keeps its digits;
 * anything else, and a body the proxy cut, is shown exactly as received.
 */
export function JsonBody({ body, raw, truncated }: JsonBodyProps) {
  const tokens = useMemo(() => (raw || truncated ? null : formatJsonTokens(body)), [body, raw, truncated]);

  if (body === '') {
    return <p className="muted">The response has no body.</p>;
  }
  if (tokens === null) {
    return (
      <>
        {!raw && !truncated ? <p className="muted">The body is not JSON, so it is shown as received.</p> : null}
        {truncated ? <p className="muted">The body was longer than the proxy keeps and was cut, so it is shown as received.</p> : null}
        <pre className="code" aria-label="Response body">
          {body}
        </pre>
      </>
    );
  }
  if (tokens.length > MAX_COLOURED_TOKENS) {
    return (
      <pre className="code" aria-label="Response body">
        {tokens.map((token) => token.text).join('')}
      </pre>
    );
  }

  return (
    <pre className="code" aria-label="Response body">
      {tokens.map((token, index) =>
        token.kind === 'whitespace' ? (
          token.text
        ) : (
          <span key={index} className={`json-${token.kind}`}>
            {token.text}
          </span>
        ),
      )}
    </pre>
  );
}
