import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RenderError } from './RouteError.tsx';

type State = { error: unknown };

/**
 * Catches a render error (most often a page chunk that failed to load after a new
 * version was deployed) and offers to reload instead of a blank screen.
 */
export default class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <RenderError />;
    return this.props.children;
  }
}
