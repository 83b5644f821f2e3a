import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App.tsx';
import { createQueryClient } from './app/query-client.ts';
import { sessionQueryOptions } from './features/session/api/get-session.ts';
import { setCsrfTokenSource } from './lib/api-client.ts';
import './app/styles/base.css';
import './app/styles/controls.css';
import './app/styles/data-display.css';
import './app/styles/layout.css';

const queryClient = createQueryClient();

// A server restart issues a new CSRF token, so a rejected token is followed by one fresh session read.
setCsrfTokenSource(async ({ refresh }) => {
  const session = refresh
    ? await queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 })
    : await queryClient.ensureQueryData(sessionQueryOptions());

  return session.csrfToken;
});

const rootElement = document.getElementById('root');
if (rootElement === null) {
  throw new Error('index.html has no element with id "root" to render the app into');
}

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
