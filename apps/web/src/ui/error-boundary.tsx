import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * Catches a page that fails to render or whose code cannot be loaded (a lazy chunk gone
 * after a new release) and offers a reload instead of a blank screen. Keyed by the
 * route in AppRoutes, so moving to another page clears it.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Caseload could not show this page', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-boundary card state-panel state-panel-error" role="alert">
        <title>Something went wrong · Caseload</title>
        <h1 className="state-panel-title">Something went wrong</h1>
        <p className="state-panel-body">
          This page could not be shown. Reloading usually fixes it, for example after Caseload was updated.
        </p>
        <div className="state-panel-action">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </div>
    );
  }
}
