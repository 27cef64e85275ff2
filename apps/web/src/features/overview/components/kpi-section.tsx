import { useId, useState } from 'react';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { formatExact } from '../../../ui/format-measure';
import { periodName } from '../../../ui/format-period';
import type { KpiTile as KpiTileModel } from '../utils/kpi-tiles';
import { grainHeader, grainNoun } from '../../../ui/grain-words';
import { sparklineSummary } from '../utils/overview-model';
import { KpiTile } from './kpi-tile';
import { TableToggle } from '../../../ui/table-toggle';
import { ExportMenu } from '../../../ui/export-menu';
import { overviewQuery, useOverviewParams } from '../hooks/use-overview';

interface PeriodRow {
  period: string;
  values: Array<number | null>;
}

interface KpiSectionProps {
  tiles: KpiTileModel[];
  periods: string[];
  range: string;
  grain: string;
}

/** The six headline tiles; "Show table" lists the figures per period behind their sparklines. */
export function KpiSection({ tiles, periods, range, grain }: KpiSectionProps) {
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const exportQuery = overviewQuery(useOverviewParams());
  const rows: PeriodRow[] = periods.map((period, index) => ({ period, values: tiles.map((tile) => tile.trend[index] ?? null) }));
  const columns: Array<Column<PeriodRow>> = [
    { key: 'period', header: grainHeader(grain), cell: (row) => periodName(row.period) },
    ...tiles.map((tile, index) => ({
      key: tile.measure,
      header: tile.label,
      numeric: true,
      cell: (row: PeriodRow) => formatExact(tile.measure, row.values[index] ?? null),
    })),
  ];

  return (
    <section className="kpi-section" aria-labelledby={`${tableId}-title`}>
      <header className="section-header">
        <h2 id={`${tableId}-title`} className="section-title">
          Headline figures <span className="section-title-note">vs a year earlier</span>
        </h2>
        <div className="card-actions">
          {/* One menu for all six tiles: the headline query, every measure by period. */}
          <ExportMenu query={exportQuery} title="Headline figures" />
          <TableToggle shown={tableShown} controls={tableId} onToggle={() => setTableShown((shown) => !shown)} />
        </div>
      </header>
      <ul className="kpi-grid">
        {tiles.map((tile) => (
          <KpiTile key={tile.measure} tile={tile} sparklineLabel={sparklineSummary(tile, periods, grain)} />
        ))}
      </ul>
      <div id={tableId} className="card table-card" hidden={!tableShown}>
        {tableShown ? (
          <DataTable caption={`Headline figures by ${grainNoun(grain)}, ${range}`} columns={columns} rows={rows} rowKey={(row) => row.period} />
        ) : null}
      </div>
    </section>
  );
}
