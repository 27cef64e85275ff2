import { useId } from 'react';
import type { ReactNode } from 'react';
import { HEAT_STEPS, heatStep } from './charts/heat-scale';

export interface HeatMapColumn {
  key: string;
  /** Short, for the header: `Mar ’25`. */
  label: string;
  /** Long, for the cell's tooltip: `Mar 2025`. */
  fullLabel: string;
}

export interface HeatMapRow {
  key: string;
  label: ReactNode;
  /** Plain-text name, for the cell's tooltip. */
  name: string;
  /** One value per column. */
  values: ReadonlyArray<number | null>;
}

interface HeatMapTableProps {
  caption: string;
  /** The header of the row-name column: `Department`. */
  corner: string;
  columns: readonly HeatMapColumn[];
  rows: readonly HeatMapRow[];
  /** The value that takes the darkest colour. */
  max: number;
  /** The figure in a cell: compact (`1.2k`). */
  formatCell: (value: number | null) => string;
  /** Exact figure with its unit, for the tooltip: `1,234 lines`. */
  formatExact: (value: number | null) => string;
  /** The scale's end labels. */
  lowLabel?: string;
  highLabel?: string;
}

/**
 * A heat-map that is a real table: row and column headers, the figure written in every cell
 * (colour is never the only carrier), its exact value on hover, and a key to the colours.
 * Text on each colour reaches AA contrast (see heat-scale).
 */
export function HeatMapTable({ caption, corner, columns, rows, max, formatCell, formatExact, lowLabel = 'Fewer', highLabel = 'More' }: HeatMapTableProps) {
  const captionId = useId();
  return (
    <>
      <div className="table-scroll volume-heat-map-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="volume-heat-map">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="volume-heat-map-corner">
                {corner}
              </th>
              {columns.map((column) => (
                <th key={column.key} scope="col" abbr={column.fullLabel}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => {
                  const step = heatStep(value, max);
                  const column = columns[index];
                  return (
                    <td
                      key={column?.key ?? index}
                      style={{ background: step.background, color: step.color }}
                      title={`${row.name}, ${column?.fullLabel ?? ''}: ${formatExact(value)}`}
                    >
                      {formatCell(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="volume-heat-map-key" aria-hidden="true">
        <span>{lowLabel}</span>
        {HEAT_STEPS.map((step) => (
          <span key={step.background} className="volume-heat-map-swatch" style={{ background: step.background }} />
        ))}
        <span>{highLabel}</span>
      </div>
    </>
  );
}
