import type { CapacityForecastResponse } from '@caseload/contracts';
import { formatCompactNumber } from '@caseload/domain';
import { useId, useState } from 'react';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { SeriesLegend } from '../../../ui/charts/series-legend';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { periodName } from '../../../ui/format-period';
import { backtestWords, forecastChartRows, forecastOptions } from '../utils/capacity-charts';
import type { ForecastChartRow } from '../utils/capacity-charts';
import { monthRange } from '../utils/capacity-format';
import { FORECAST_HEIGHT, FORECAST_TITLE } from './capacity-layout';
import { ForecastChart } from './forecast-chart';
import { CsvDownloadButton } from '../../../ui/csv-download-button';
import { forecastCsv } from '../utils/capacity-csv';

const whole = (value: number | null) => (value === null ? '' : Math.round(value).toLocaleString('en-US'));

const COLUMNS: ReadonlyArray<Column<ForecastChartRow>> = [
  { key: 'period', header: 'Month', cell: (row) => periodName(row.period) },
  { key: 'actual', header: 'Actual', numeric: true, cell: (row) => whole(row.actual) },
  { key: 'forecast', header: 'Forecast', numeric: true, cell: (row) => (row.actual === null ? whole(row.forecast) : '') },
  { key: 'low', header: 'Interval low', numeric: true, cell: (row) => (row.actual === null && row.band ? whole(row.band[0]) : '') },
  { key: 'high', header: 'Interval high', numeric: true, cell: (row) => (row.actual === null && row.band ? whole(row.band[1]) : '') },
];

interface ForecastCardProps {
  answer: CapacityForecastResponse;
  /** The department to show first (the headline's), when it has a series. */
  preferredDepartment: string | null;
}

/** Units of volume by month for one department × section: the actuals, the forecast and its interval, and how well it backtests. */
export function ForecastCard({ answer, preferredDepartment }: ForecastCardProps) {
  const id = useId();
  const options = forecastOptions(answer.series);
  const [picked, setPicked] = useState<string | null>(null);
  const fallback = options.find((option) => option.series.department === preferredDepartment) ?? options[0];
  const option = options.find((item) => item.key === picked) ?? fallback;
  const level = `${Math.round(answer.meta.level * 100)}% interval`;

  if (option === undefined) {
    return (
      <section className="card chart-card" aria-label={FORECAST_TITLE}>
        <h2 className="card-title">{FORECAST_TITLE}</h2>
        <p className="card-empty">No department has volume to forecast in these filters.</p>
      </section>
    );
  }
  const { series } = option;
  const rows = forecastChartRows(series);
  const last = series.points.at(-1);
  const when = monthRange(answer.meta.forecastFrom, answer.meta.forecastTo);
  const summary =
    series.status === 'too_little_history' || last === undefined
      ? `Line chart of the units of ${option.label} by month; no forecast: ${series.message ?? 'too little history'}.`
      : `Line chart of the units of ${option.label} by month: actuals to ${periodName(answer.meta.historyTo.slice(0, 7))}, then the forecast for ${when}, ending at ${whole(last.value)} (${level} ${whole(last.low)}–${whole(last.high)}).`;

  return (
    <ChartFrame
      title={FORECAST_TITLE}
      summary={summary}
      height={FORECAST_HEIGHT}
      actions={<CsvDownloadButton what="every volume forecast" fileName={`caseload-capacity-forecast-${answer.meta.forecastFrom}-${answer.meta.forecastTo}.csv`} csv={() => forecastCsv(answer)} />}
      legend={
        <>
          <div className="capacity-forecast-controls">
            <label htmlFor={`${id}-series`}>Department and section</label>
            <select id={`${id}-series`} value={option.key} onChange={(event) => setPicked(event.target.value)}>
              {options.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
            </select>
          </div>
          <p className="capacity-backtest" data-testid="capacity-backtest">
            {series.method ? <strong>{series.method}. </strong> : null}
            {backtestWords(series)}
            {series.status === 'ok' && series.message ? ` ${series.message}.` : null}
          </p>
          <SeriesLegend
            items={[
              { name: 'Actual units', color: SERIES_COLORS.comparison },
              { name: 'Forecast', color: SERIES_COLORS.primary, dashed: true },
              { name: level, color: 'var(--capacity-band)' },
            ]}
          />
        </>
      }
      table={<DataTable caption={`${FORECAST_TITLE}: ${option.label}`} columns={COLUMNS} rows={rows} rowKey={(row) => row.period} />}
    >
      <ForecastChart rows={rows} height={FORECAST_HEIGHT} formatAxisValue={formatCompactNumber} />
    </ChartFrame>
  );
}
