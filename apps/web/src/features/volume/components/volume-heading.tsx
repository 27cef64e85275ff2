import type { ReactNode } from 'react';

/** The page title and the date range the figures cover. */
export function VolumeHeading({ range }: { range: ReactNode }) {
  return (
    <header className="page-header">
      <h1 className="page-title">Volume</h1>
      <p className="page-subtitle">{range}</p>
    </header>
  );
}
