import { formatCompactMoney, formatCompactNumber, formatMoney } from '@caseload/domain';
import { useId, useState } from 'react';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { PayerShare } from '../utils/reimbursement-shaping';
import { payerMixSummary } from '../utils/reimbursement-summaries';
import { CategoryBarChart } from './category-bar-chart';
import { PAYER_MIX_HEIGHT, PAYER_MIX_TITLE } from './reimbursement-layout';

type Basis = 'charges' | 'encounters';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const count = (value: number | null) => (value === null ? 'hidden' : value.toLocaleString('en-US'));

const columns: ReadonlyArray<Column<PayerShare>> = [
  { key: 'name', header: 'Payer category', cell: (payer) => payer.name },
  { key: 'charges', header: 'Charges', numeric: true, cell: (payer) => formatMoney(payer.charges) },
  { key: 'share', header: 'Share of charges', numeric: true, cell: (payer) => percent(payer.share) },
  { key: 'encounters', header: 'Encounters', numeric: true, cell: (payer) => count(payer.encounters) },
  { key: 'encounterShare', header: 'Share of encounters', numeric: true, cell: (payer) => percent(payer.encounterShare) },
];

/** Charges or encounters by payer category, largest charges first; the legend gives each share. */
export function PayerMixCard({ payers, range }: { payers: PayerShare[]; range: string }) {
  const [basis, setBasis] = useState<Basis>('charges');
  const name = useId();
  const byCharges = basis === 'charges';
  return (
    <ChartFrame
      title={PAYER_MIX_TITLE}
      summary={payerMixSummary(payers, range, basis)}
      height={PAYER_MIX_HEIGHT}
      legend={
        <>
          <fieldset className="reimb-basis">
            <legend className="visually-hidden">Payer mix by</legend>
            {(['charges', 'encounters'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name={name} value={option} checked={basis === option} onChange={() => setBasis(option)} /> By {option}
              </label>
            ))}
          </fieldset>
          <ul className="reimb-shares" aria-label={byCharges ? 'Share of charges' : 'Share of encounters'}>
            {payers.map((payer) => (
              <li key={payer.category}>
                <span className="reimb-share-name">{payer.name}</span>{' '}
                <span className="reimb-share-figure">{percent(byCharges ? payer.share : payer.encounterShare)}</span>
              </li>
            ))}
          </ul>
        </>
      }
      table={<DataTable caption={`Charges and encounters by payer category, ${range}`} columns={columns} rows={payers} rowKey={(payer) => payer.category} />}
    >
      <CategoryBarChart
        data={payers}
        label={(payer) => payer.name}
        value={(payer) => (byCharges ? payer.charges : (payer.encounters ?? 0))}
        name={byCharges ? 'Charges' : 'Encounters'}
        color={byCharges ? SERIES_COLORS.primary : SERIES_COLORS.secondary}
        height={PAYER_MIX_HEIGHT}
        formatValue={byCharges ? formatMoney : (value) => count(value)}
        formatAxisValue={byCharges ? formatCompactMoney : formatCompactNumber}
      />
    </ChartFrame>
  );
}
