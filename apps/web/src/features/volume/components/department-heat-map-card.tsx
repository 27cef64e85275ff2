import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useId, useState } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { DataTable } from '../../../ui/data-table';
import { ExportMenu } from '../../../ui/export-menu';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainNoun } from '../../../ui/grain-words';
import { HeatMapTable } from '../../../ui/heat-map-table';
import { TableToggle } from '../../../ui/table-toggle';
import type { DepartmentGrid, DepartmentGridRow } from '../utils/department-grid';

interface DepartmentHeatMapCardProps {
  title: string;
  /** The card's aggregate query, which its Export menu downloads. */
  query: AggregateQuery;
  grid: DepartmentGrid;
  scope: string;
  range: string;
  grain: string;
  updating?: boolean;
}

/**
 * Departments × periods: a table whose cells are shaded by their lines (darker = more), each
 * with its figure. "Show table" gives the exact figures with each department's total.
 */
export function DepartmentHeatMapCard({ title, query, grid, scope, range, grain, updating = false }: DepartmentHeatMapCardProps) {
  const [tableShown, setTableShown] = useState(false);
  const id = useId();
  const caption = `Procedure lines by department and ${grainNoun(grain)} for ${scope}, ${range}`;
  const columns: Array<Column<DepartmentGridRow>> = [
    { key: 'department', header: 'Department', cell: (row) => row.department },
    ...grid.periods.map((period, index) => ({ key: period, header: periodName(period), numeric: true, cell: (row: DepartmentGridRow) => formatInteger(row.values[index] ?? 0) })),
    { key: 'total', header: 'Total', numeric: true, cell: (row) => formatInteger(row.total) },
  ];
  return (
    <section className={updating ? 'card chart-card is-updating' : 'card chart-card'} aria-labelledby={`${id}-title`} aria-busy={updating || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        <div className="card-actions">
          <ExportMenu query={query} title={title} />
          <TableToggle shown={tableShown} controls={`${id}-table`} onToggle={() => setTableShown((shown) => !shown)} />
        </div>
      </header>
      <p className="card-note">
        Procedure lines in each department and {grainNoun(grain)}, busiest department first; darker cells have more lines.
      </p>
      {grid.rows.length === 0 ? (
        <p className="card-empty">No department has lines for {scope} in this range.</p>
      ) : (
        <HeatMapTable
          caption={caption}
          corner="Department"
          columns={grid.periods.map((period) => ({ key: period, label: periodTick(period), fullLabel: periodName(period) }))}
          rows={grid.rows.map((row) => ({ key: row.department, label: row.department, name: row.department, values: row.values }))}
          max={grid.max}
          formatCell={formatCompactNumber}
          formatExact={(value) => `${formatInteger(value)} lines`}
          lowLabel="Fewer lines"
          highLabel={`More (up to ${formatInteger(grid.max)})`}
        />
      )}
      <div id={`${id}-table`} hidden={!tableShown}>
        {tableShown ? <DataTable caption={caption} columns={columns} rows={grid.rows} rowKey={(row) => row.department} /> : null}
      </div>
    </section>
  );
}
