import { useId, useState } from 'react';
import type { ReactNode, Ref } from 'react';
import { TableToggle } from '../table-toggle';

interface ChartFrameProps {
  title: string;
  /** The chart's accessible name: what it shows, in a sentence. */
  summary: string;
  /** Drawn above the chart, outside the image, so it stays readable text. */
  legend?: ReactNode;
  /** The same numbers as the chart, shown on request. */
  table: ReactNode;
  /** Fixed drawing height, so loading placeholders can match it exactly. */
  height: number;
  children: ReactNode;
  /** Controls in the header before "Show table" (an ExportMenu). */
  actions?: ReactNode;
  /** The element that holds the chart's drawing (what an ExportMenu saves as a PNG). */
  chartRef?: Ref<HTMLDivElement>;
}

/**
 * The frame every chart sits in: a titled card, the chart as one image with an accessible
 * name (its SVG is not keyboard-focusable), and a "Show table" toggle with the same figures.
 */
export function ChartFrame({ title, summary, legend, table, height, children, actions, chartRef }: ChartFrameProps) {
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const toggle = <TableToggle shown={tableShown} controls={tableId} onToggle={() => setTableShown((shown) => !shown)} />;
  return (
    <section className="card chart-card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {title}
        </h2>
        {actions ? (
          <div className="card-actions">
            {actions}
            {toggle}
          </div>
        ) : (
          toggle
        )}
      </header>
      {legend}
      <div ref={chartRef} className="chart-area" role="img" aria-label={summary} style={{ height }}>
        {children}
      </div>
      <div id={tableId} hidden={!tableShown}>
        {tableShown ? table : null}
      </div>
    </section>
  );
}
