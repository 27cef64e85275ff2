import type { ReactNode } from 'react';

interface StatePanelProps {
  title: string;
  children?: ReactNode;
  tone?: 'neutral' | 'error';
  action?: ReactNode;
  /** Announce the panel when it appears (errors). */
  live?: boolean;
}

/** A calm, centred message in place of content: empty, error, coming soon. */
export function StatePanel({ title, children, tone = 'neutral', action, live = false }: StatePanelProps) {
  return (
    <div className={`card state-panel state-panel-${tone}`} role={live ? 'alert' : undefined}>
      <h2 className="state-panel-title">{title}</h2>
      {children ? <div className="state-panel-body">{children}</div> : null}
      {action ? <div className="state-panel-action">{action}</div> : null}
    </div>
  );
}
