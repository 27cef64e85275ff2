import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useId, useState } from 'react';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { TableToggle } from '../../../ui/table-toggle';
import { describeMover, formatMoverPercent, formatSignedInteger } from '../utils/movers';
import type { Mover, MoverDimension, Movers } from '../utils/movers';
import { MOVER_TITLES } from './overview-layout';

const NAMES = {
  department: { one: 'department', column: 'Department' },
  code: { one: 'code', column: 'Procedure code' },
} as const;

interface MoversCardProps {
  dimension: MoverDimension;
  movers: Movers;
  range: string;
  /** The card's aggregate query, which its Export menu downloads. */
  query: AggregateQuery;
  /** New figures are on their way: the old ones stay, marked as such. */
  updating?: boolean;
}

/** The departments or codes whose procedure lines rose and fell most against a year earlier. */
export function MoversCard({ dimension, movers, range, query, updating = false }: MoversCardProps) {
  const [tableShown, setTableShown] = useState(false);
  const id = useId();
  const title = MOVER_TITLES[dimension];
  const names = NAMES[dimension];
  const columns: ReadonlyArray<Column<Mover>> = [
    { key: 'key', header: names.column, cell: (mover) => (mover.detail ? `${mover.key} (${mover.detail})` : mover.key) },
    { key: 'current', header: 'Procedure lines', numeric: true, cell: (mover) => formatInteger(mover.current) },
    { key: 'previous', header: 'A year earlier', numeric: true, cell: (mover) => formatInteger(mover.previous) },
    { key: 'change', header: 'Change', numeric: true, cell: (mover) => formatSignedInteger(mover.change, formatInteger) },
    { key: 'percent', header: 'Change %', numeric: true, cell: formatMoverPercent },
  ];

  return (
    <section className={updating ? 'card movers-card is-updating' : 'card movers-card'} aria-labelledby={`${id}-title`} aria-busy={updating || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        <div className="card-actions">
          <ExportMenu query={query} title={title} />
          <TableToggle shown={tableShown} controls={`${id}-table`} onToggle={() => setTableShown((shown) => !shown)} />
        </div>
      </header>
      <p className="card-note">Change in procedure lines, {range}, against a year earlier</p>
      <div className="movers-columns">
        <MoverList title="Up most" direction="up" movers={movers.up} scale={movers.scale} empty={`No ${names.one} has more lines than a year earlier.`} />
        <MoverList title="Down most" direction="down" movers={movers.down} scale={movers.scale} empty={`No ${names.one} has fewer lines than a year earlier.`} />
      </div>
      <div id={`${id}-table`} hidden={!tableShown}>
        {tableShown ? (
          <DataTable
            caption={`${title}, ${range}: up most, then down most`}
            columns={columns}
            rows={[...movers.up, ...movers.down]}
            rowKey={(mover) => mover.key}
          />
        ) : null}
      </div>
    </section>
  );
}

interface MoverListProps {
  title: string;
  direction: 'up' | 'down';
  movers: Mover[];
  scale: number;
  empty: string;
}

function MoverList({ title, direction, movers, scale, empty }: MoverListProps) {
  const headingId = useId();
  return (
    <div className={`movers-column movers-${direction}`}>
      <h3 id={headingId} className="movers-heading">
        <span aria-hidden="true">{direction === 'up' ? '▲ ' : '▼ '}</span>
        {title}
      </h3>
      {movers.length === 0 ? (
        <p className="movers-empty">{empty}</p>
      ) : (
        <ol className="movers-list" aria-labelledby={headingId}>
          {movers.map((mover) => (
            <li key={mover.key} className="mover" title={describeMover(mover, formatInteger)}>
              <span className="visually-hidden">{describeMover(mover, formatInteger)}</span>
              <span className="mover-name" aria-hidden="true">
                <span className="mover-key">{mover.key}</span>
                {mover.detail ? <span className="mover-detail">{mover.detail}</span> : null}
              </span>
              <span className="mover-bar" aria-hidden="true">
                <span style={{ width: `${scale > 0 ? Math.max(2, (Math.abs(mover.change) / scale) * 100) : 0}%` }} />
              </span>
              <span className="mover-change" aria-hidden="true">
                {formatSignedInteger(mover.change, formatCompactNumber)}
              </span>
              <span className="mover-percent" aria-hidden="true">
                {formatMoverPercent(mover)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
