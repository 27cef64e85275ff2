import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { AggregateQuery } from '../../../api/aggregate';
import { Sparkline } from '../../../ui/charts/sparkline';
import { ExportMenu } from '../../../ui/export-menu';
import { periodName } from '../../../ui/format-period';
import { grainNoun } from '../../../ui/grain-words';
import { formatPercentChange, formatSignedCount } from '../utils/change';
import { DEFAULT_TOP_CODE_SORT, nextTopCodeSort, sortTopCodes } from '../utils/top-codes';
import type { TopCode, TopCodeSort, TopCodeSortKey } from '../utils/top-codes';
import type { VolumeDrill } from '../utils/volume-drill';
import { TOP_CODE_COUNT } from '../utils/volume-queries';

interface TopCodesCardProps {
  title: string;
  /** The card's aggregate query (the ranking), which its Export menu downloads. */
  query: AggregateQuery;
  codes: TopCode[];
  /** The periods of the sparklines; empty while they load. */
  periods: string[];
  range: string;
  grain: string;
  hrefOf: (drill: VolumeDrill) => string;
  /** Inside a section, each code's section goes without saying. */
  drill: VolumeDrill;
  updating?: boolean;
}

const HEADERS: ReadonlyArray<{ key: TopCodeSortKey; label: string; numeric: boolean }> = [
  { key: 'code', label: 'Code', numeric: false },
  { key: 'lines', label: 'Procedure lines', numeric: true },
  { key: 'previous', label: 'A year earlier', numeric: true },
  { key: 'change', label: 'Change', numeric: true },
  { key: 'percent', label: 'Change %', numeric: true },
];

/** The busiest codes with their trend and change on a year earlier; every column sorts, each code opens its departments. */
export function TopCodesCard({ title, query, codes, periods, range, grain, hrefOf, drill, updating = false }: TopCodesCardProps) {
  const [sort, setSort] = useState<TopCodeSort>(DEFAULT_TOP_CODE_SORT);
  const id = useId();
  const sorted = sortTopCodes(codes, sort);
  const header = (key: TopCodeSortKey, label: string, numeric: boolean) => (
    <th key={key} scope="col" className={numeric ? 'numeric' : undefined} aria-sort={sort.key === key ? sort.direction : undefined}>
      <button type="button" className="volume-sort" onClick={() => setSort((current) => nextTopCodeSort(current, key))}>
        {label}
        <span className="volume-sort-arrow" aria-hidden="true">
          {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
  return (
    <section className={updating ? 'card chart-card is-updating' : 'card chart-card'} aria-labelledby={`${id}-title`} aria-busy={updating || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        <ExportMenu query={query} title={title} />
      </header>
      <p className="card-note">
        The {TOP_CODE_COUNT} codes with the most procedure lines, {range}, against the same range a year earlier. Open a code to see it by department.
      </p>
      {codes.length === 0 ? (
        <p className="card-empty">No code has lines in this range.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table volume-top-codes">
            <caption id={`${id}-caption`} className="visually-hidden">
              {title}, {range}: sorted by {HEADERS.find((item) => item.key === sort.key)?.label.toLowerCase()}, {sort.direction}
            </caption>
            <thead>
              <tr>
                {header('code', 'Code', false)}
                <th scope="col">Trend by {grainNoun(grain)}</th>
                {HEADERS.slice(1).map((item) => header(item.key, item.label, item.numeric))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((code) => (
                <tr key={code.code}>
                  <th scope="row">
                    <Link className="volume-code-link" to={hrefOf(code.section ? { section: code.section, code: code.code } : { section: null, code: null })}>
                      {code.code}
                    </Link>
                    {drill.section === null ? <span className="volume-code-section">{code.sectionName}</span> : null}
                  </th>
                  <td className="volume-spark-cell">
                    <Sparkline values={code.trend} label={sparkLabel(code, periods, grain)} height={28} />
                  </td>
                  <td className="numeric">{formatInteger(code.lines)}</td>
                  <td className="numeric">{formatInteger(code.previous)}</td>
                  <td className="numeric">{formatSignedCount(code.change, formatInteger)}</td>
                  <td className="numeric">{formatPercentChange(code.lines, code.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function sparkLabel(code: TopCode, periods: readonly string[], grain: string): string {
  const first = code.trend[0];
  const last = code.trend[code.trend.length - 1];
  const start = periods[0];
  const end = periods[periods.length - 1];
  if (first === undefined || last === undefined || start === undefined || end === undefined) return `Lines of ${code.code} by ${grainNoun(grain)}: loading`;
  return `Lines of ${code.code} by ${grainNoun(grain)}, from ${formatCompactNumber(first)} in ${periodName(start)} to ${formatCompactNumber(last)} in ${periodName(end)}`;
}
