import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { useSession } from '../features/session/api/get-session.ts';
import { Workbench } from './Workbench.tsx';

/** Loads the session first: its CSRF token is needed for every write, and its settings shape the page. */
export function App() {
  const session = useSession();

  if (session.isPending) {
    return (
      <main className="app-status" aria-busy="true">
        <p>Connecting to the workbench server…</p>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className="app-status">
        <h1>X API Workbench</h1>
        <ErrorNotice title="Could not load the session" message={session.error.message}>
          <button type="button" className="button" onClick={() => void session.refetch()}>
            Retry
          </button>
        </ErrorNotice>
      </main>
    );
  }

  return (
    <PanelBoundary part="the workbench">
      <Workbench session={session.data} />
    </PanelBoundary>
  );
}
