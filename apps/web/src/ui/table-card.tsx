import { useId } from 'react';
import type { ReactNode } from 'react';

interface TableCardProps {
  title: string;
  /** Controls at the end of the header (an ExportMenu). */
  actions?: ReactNode;
  /** A sentence under the title: what the table holds. */
  note?: ReactNode;
  /** Extra classes of the card (`is-updating`, a page's own). */
  className?: string;
  busy?: boolean;
  children: ReactNode;
}

/** The frame of a card that holds a table: a titled region with its actions and a note. */
export function TableCard({ title, actions, note, className, busy, children }: TableCardProps) {
  const id = useId();
  return (
    <section className={className ? `card chart-card ${className}` : 'card chart-card'} aria-labelledby={`${id}-title`} aria-busy={busy || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        {actions}
      </header>
      {note === undefined ? null : <p className="card-note">{note}</p>}
      {children}
    </section>
  );
}
