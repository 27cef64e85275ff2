import { formatCompactMoney, formatMoney } from '@caseload/domain';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { PayerShare } from '../utils/reimbursement-shaping';
import { payerMixSummary } from '../utils/reimbursement-summaries';
import { CategoryBarChart } from './category-bar-chart';
import { PAYER_MIX_HEIGHT, PAYER_MIX_TITLE } from './reimbursement-layout';

const share = (payer: PayerShare) => `${(payer.share * 100).toFixed(1)}%`;

const columns: ReadonlyArray<Column<PayerShare>> = [
  { key: 'name', header: 'Payer category', cell: (payer) => payer.name },
  { key: 'charges', header: 'Charges', numeric: true, cell: (payer) => formatMoney(payer.charges) },
  { key: 'share', header: 'Share', numeric: true, cell: share },
];

/** Charges by payer category, largest first; the legend gives each share. */
export function PayerMixCard({ payers, range }: { payers: PayerShare[]; range: string }) {
  return (
    <ChartFrame
      title={PAYER_MIX_TITLE}
      summary={payerMixSummary(payers, range)}
      height={PAYER_MIX_HEIGHT}
      legend={
        <ul className="reimb-shares" aria-label="Share of charges">
          {payers.map((payer) => (
            <li key={payer.category}>
              <span className="reimb-share-name">{payer.name}</span> <span className="reimb-share-figure">{share(payer)}</span>
            </li>
          ))}
        </ul>
      }
      table={<DataTable caption={`Charges by payer category, ${range}`} columns={columns} rows={payers} rowKey={(payer) => payer.category} />}
    >
      <CategoryBarChart
        data={payers}
        label={(payer) => payer.name}
        value={(payer) => payer.charges}
        name="Charges"
        color={SERIES_COLORS.primary}
        height={PAYER_MIX_HEIGHT}
        formatValue={formatMoney}
        formatAxisValue={formatCompactMoney}
      />
    </ChartFrame>
  );
}
