import type { ReactNode } from 'react';

interface ComingSoonProps {
  title: string;
  /** Who the page is for, e.g. "Planners". */
  audience: string;
  /** The question the page will answer, in one sentence (DESIGN §1). */
  question: string;
  children?: ReactNode;
}

/** An honest placeholder for a page not built yet: what it will answer, and no made-up numbers. */
export function ComingSoon({ title, audience, question, children }: ComingSoonProps) {
  return (
    <div className="coming-soon-page">
      <title>{`${title} · Caseload`}</title>
      <header className="page-header">
        <h1 className="page-title">{title}</h1>
      </header>
      <section className="card coming-soon" aria-label={`${title}: coming soon`}>
        <p className="badge">Coming soon</p>
        <p className="coming-soon-lead">This page will answer</p>
        <p className="coming-soon-question">{question}</p>
        <p className="muted">For {audience}.</p>
        {children}
      </section>
    </div>
  );
}
