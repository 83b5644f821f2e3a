import { Component, type ReactNode } from 'react';

import { ErrorNotice } from './ErrorNotice.tsx';

interface PanelBoundaryProps {
  /** Names the part of the page in the message, such as "the response explanation". */
  part: string;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
}

/**
 * Keeps a failure in one part of the page inside that part. The usual cause is a panel whose code
 * could not be downloaded, for example while the server restarts. Without a boundary, React would
 * unmount the whole page and leave it blank.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): PanelBoundaryState {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) {
      return this.props.children;
    }

    return (
      <ErrorNotice
        title={`Could not show ${this.props.part}`}
        message={`${error.message}. If the server was restarting, try again; if it keeps failing, reload the page.`}
      >
        <button type="button" className="button button--small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </ErrorNotice>
    );
  }
}
