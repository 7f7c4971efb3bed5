import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Catches a render error inside one area so the shell (navigation, top bar) keeps working.
 * Hand-written because React offers error boundaries only as class components and this one is
 * small; the fallback is a render prop so the UI stays in function components.
 */
interface Props {
  children: ReactNode;
  fallback: (error: Error, retry: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

export class AreaErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is what a support person asks for; the user sees the friendly fallback.
    console.error('Area crashed', error, info.componentStack);
  }

  retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
