import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { TableCard } from '../../../ui/table-card';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { formatExact } from '../../../ui/format-measure';
import type { ProviderWrvu } from '../utils/reimbursement-shaping';
import { TOP_ROWS } from '../utils/reimbursement-queries';
import { providersTitle } from './reimbursement-layout';

/** The provider's share of the largest figure, as a bar drawn in the cell beside the number. */
function WrvuCell({ item, largest }: { item: ProviderWrvu; largest: number }) {
  const width = largest > 0 ? Math.max(0, (item.wrvu / largest) * 100) : 0;
  return (
    <span className="reimb-bar-cell">
      <span className="reimb-bar-track" aria-hidden="true">
        <span className="reimb-bar" style={{ width: `${width}%` }} />
      </span>
      <span className="reimb-bar-figure">{formatExact('wrvu', item.wrvu)}</span>
    </span>
  );
}

/** Work RVUs by rendering provider (NPI), most first: of one department when drilled. */
export function ProviderWrvuCard({ providers, department, range, query }: { providers: ProviderWrvu[]; department: string | null; range: string; query: AggregateQuery }) {
  const title = providersTitle(department);
  const largest = providers.reduce((max, item) => Math.max(max, item.wrvu), 0);
  const columns: ReadonlyArray<Column<ProviderWrvu>> = [
    { key: 'provider', header: 'Provider', cell: (item) => item.label },
    { key: 'lines', header: 'Lines', numeric: true, cell: (item) => item.lines.toLocaleString('en-US') },
    { key: 'wrvu', header: 'Work RVUs', numeric: true, cell: (item) => <WrvuCell item={item} largest={largest} /> },
  ];
  return (
    <TableCard
      title={title}
      className="reimb-expected"
      actions={<ExportMenu query={query} title={title} />}
      note={`The ${TOP_ROWS} providers with the most work RVUs, by the NPI on the lines.`}
    >
      {providers.length === 0 ? (
        <p className="card-empty">No provider has lines in this range.</p>
      ) : (
        <DataTable caption={`${title}, ${range}`} columns={columns} rows={providers} rowKey={(item) => item.npi ?? 'none'} />
      )}
    </TableCard>
  );
}
