import { useState } from 'react';

import { generateSnippet } from '../../../../../shared/snippets/index.ts';
import { SNIPPET_LANGUAGE_LABELS, SNIPPET_LANGUAGES, type SnippetLanguage, type SnippetRequest } from '../../../../../shared/snippets/request.ts';
import { Tabs } from '../../../components/Tabs.tsx';
import './code-panel.css';

interface CodePanelProps {
  request: SnippetRequest;
  onClose: () => void;
}

/** Shows the current request as runnable code. Credentials are read from environment variables; no value is ever written in. */
export default function CodePanel({ request, onClose }: CodePanelProps) {
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const code = generateSnippet(language, request);

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };

  return (
    <section className="code-panel" aria-label="Code">
      <div className="code-panel__header">
        <h2 className="code-panel__title">Code</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close code
        </button>
      </div>
      <Tabs
        label="Languages"
        tabs={SNIPPET_LANGUAGES.map((id) => ({ id, label: SNIPPET_LANGUAGE_LABELS[id] }))}
        selected={language}
        onSelect={(next) => {
          setLanguage(next);
          setCopyState('idle');
        }}
        actions={
          <button type="button" className="button button--small" onClick={copy}>
            Copy
          </button>
        }
      >
        <pre className="code-panel__code" aria-label="Code snippet" tabIndex={0}>
          {code}
        </pre>
      </Tabs>
      {copyState === 'idle' ? null : (
        <p role="status" className="muted">
          {copyState === 'copied' ? 'Copied to the clipboard.' : 'The browser did not allow copying; select the code and copy it by hand.'}
        </p>
      )}
    </section>
  );
}
