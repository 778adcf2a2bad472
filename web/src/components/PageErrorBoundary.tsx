import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './Status.tsx';

interface State {
  error: unknown;
}

/**
 * A page that throws while rendering (or whose code fails to download after a new release) shows
 * the error and a way out instead of a blank screen. Keyed by path by its parent, so moving to
 * another page starts fresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div>
        <h1>This page could not be shown</h1>
        <ErrorMessage error={this.state.error} />
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
