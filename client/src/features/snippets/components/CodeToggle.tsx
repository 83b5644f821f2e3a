import { lazy, Suspense, useState } from 'react';

import type { SnippetRequest } from '../../../../../shared/snippets/request.ts';

// The snippet generators load on first use, so they stay out of the first page's JavaScript.
const CodePanel = lazy(() => import('./CodePanel.tsx'));

/** Renders a "Code" button that opens the current request as curl, xurl, twurl, Node.js or Python code. */
export function CodeToggle({ request }: { request: SnippetRequest | null }) {
  const [open, setOpen] = useState(false);

  if (request === null) {
    return null;
  }

  return (
    <div className="code-toggle">
      {open ? (
        <Suspense fallback={<p role="status">Loading the code generator…</p>}>
          <CodePanel request={request} onClose={() => setOpen(false)} />
        </Suspense>
      ) : (
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          Code
        </button>
      )}
    </div>
  );
}
