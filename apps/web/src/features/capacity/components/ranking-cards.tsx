import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { formatRate, formatUnits } from '../utils/capacity-format';
import type { RankedResource } from '../utils/capacity-needs';
import { BOTTLENECKS_TITLE, IDLE_TITLE } from './capacity-layout';

const resourceColumn: Column<RankedResource> = {
  key: 'resource',
  header: 'Resource',
  cell: (item) => (
    <>
      {item.name} <span className="capacity-department">{item.department}</span>
    </>
  ),
};

const BOTTLENECK_COLUMNS: ReadonlyArray<Column<RankedResource>> = [
  resourceColumn,
  { key: 'utilization', header: 'Utilization', numeric: true, cell: (item) => formatRate(item.utilization) },
  { key: 'over', header: 'Months over target', numeric: true, cell: (item) => `${item.monthsOver} of ${item.months}` },
  { key: 'add', header: 'To add', numeric: true, cell: (item) => (item.units > 0 ? formatUnits(item.units, item.kind) : '—') },
];

const IDLE_COLUMNS: ReadonlyArray<Column<RankedResource>> = [
  resourceColumn,
  { key: 'utilization', header: 'Utilization', numeric: true, cell: (item) => formatRate(item.utilization) },
  { key: 'now', header: 'Has', numeric: true, cell: (item) => formatUnits(item.count, item.kind) },
  { key: 'spare', header: 'Spare at target', numeric: true, cell: (item) => (item.units > 0 ? formatUnits(item.units, item.kind) : '—') },
];

interface RankingProps {
  items: RankedResource[];
  /** `next quarter (Dec 2026 – Feb 2027)`. */
  when: string;
  target: string;
  updating: boolean;
}

function RankingCard({ title, note, caption, columns, items, updating, empty }: { title: string; note: string; caption: string; columns: ReadonlyArray<Column<RankedResource>>; items: RankedResource[]; updating: boolean; empty: string }) {
  return (
    <section className={updating ? 'card chart-card capacity-rank is-updating' : 'card chart-card capacity-rank'} aria-label={title}>
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
      </header>
      <p className="card-note">{note}</p>
      {items.length === 0 ? <p className="card-empty">{empty}</p> : <DataTable caption={caption} columns={columns} rows={items} rowKey={(item) => item.key} />}
    </section>
  );
}

/** The busiest resources of the horizon, and for how many of its months they stay above target. */
export function BottlenecksCard({ items, when, target, updating }: RankingProps) {
  return (
    <RankingCard
      title={BOTTLENECKS_TITLE}
      note={`Highest expected utilization ${when}, with the months above the ${target} target.`}
      caption={`Busiest resources, ${when}`}
      columns={BOTTLENECK_COLUMNS}
      items={items}
      updating={updating}
      empty="No resource has hours available in this horizon."
    />
  );
}

/** The least used resources: where units or FTEs could move to the bottlenecks. */
export function IdleCapacityCard({ items, when, target, updating }: RankingProps) {
  return (
    <RankingCard
      title={IDLE_TITLE}
      note={`Lowest expected utilization ${when}, and the units or FTEs that could go while staying within the ${target} target.`}
      caption={`Least used resources, ${when}`}
      columns={IDLE_COLUMNS}
      items={items}
      updating={updating}
      empty="No resource has units or FTEs in this horizon."
    />
  );
}
