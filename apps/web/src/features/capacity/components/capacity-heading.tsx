import type { ReactNode } from 'react';

/** The page title, what the figures cover, and the look-ahead control. */
export function CapacityHeading({ subtitle, controls }: { subtitle: ReactNode; controls?: ReactNode }) {
  return (
    <header className="page-header capacity-header">
      <div>
        <h1 className="page-title">Capacity</h1>
        <p className="page-subtitle">{subtitle}</p>
      </div>
      {controls}
    </header>
  );
}
