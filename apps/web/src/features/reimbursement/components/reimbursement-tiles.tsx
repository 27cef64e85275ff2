import { formatCompactMoney, formatCompactNumber, formatMoney, formatPercent } from '@caseload/domain';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import type { ReimbursementTotals } from '../utils/reimbursement-shaping';
import { TILES_TITLE } from './reimbursement-layout';

interface Tile {
  key: string;
  label: string;
  description: string;
  shown: string;
  exact: string;
}

export function reimbursementTiles(totals: ReimbursementTotals): Tile[] {
  const wrvu = totals.wrvu === null ? '—' : totals.wrvu.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return [
    { key: 'charges', label: 'Charges', description: 'Sum of charge amounts.', shown: formatCompactMoney(totals.charges), exact: formatMoney(totals.charges) },
    { key: 'paid', label: 'Paid', description: 'Sum of amounts the payers paid.', shown: formatCompactMoney(totals.paid), exact: formatMoney(totals.paid) },
    {
      key: 'expected',
      label: 'Expected payment',
      description: 'What the fee schedule would pay for the same lines.',
      shown: formatCompactMoney(totals.expectedPayment),
      exact: formatMoney(totals.expectedPayment),
    },
    { key: 'wrvu', label: 'Work RVUs', description: 'Sum of units times the work RVU of each code.', shown: formatCompactNumber(totals.wrvu), exact: wrvu },
    {
      key: 'ncr',
      label: 'Net collection ratio',
      description: 'Paid divided by allowed.',
      shown: formatPercent(totals.netCollectionRatio),
      exact: `${formatMoney(totals.paid)} of ${formatMoney(totals.allowed)} allowed`,
    },
  ];
}

/** The headline totals: each tile shows a rounded figure and, beneath it, the exact one. */
export function ReimbursementTiles({ totals, query }: { totals: ReimbursementTotals; query: AggregateQuery }) {
  return (
    <section className="reimb-tiles" aria-labelledby="reimb-tiles-title">
      <div className="reimb-tiles-header">
        <h2 id="reimb-tiles-title" className="visually-hidden">
          {TILES_TITLE}
        </h2>
        {/* One menu for the five tiles: the headline query, every measure by period. */}
        <ExportMenu query={query} title={TILES_TITLE} fileName="reimbursement-headline" />
      </div>
      <ul className="kpi-grid reimb-tile-grid">
        {reimbursementTiles(totals).map((tile) => (
          <li key={tile.key} className={tile.key === 'ncr' ? 'kpi-tile reimb-tile reimb-tile-ratio' : 'kpi-tile reimb-tile'}>
            <h3 className="kpi-label" title={tile.description}>
              {tile.label}
            </h3>
            <p className="kpi-value">{tile.shown}</p>
            <p className="reimb-tile-exact">{tile.exact}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
