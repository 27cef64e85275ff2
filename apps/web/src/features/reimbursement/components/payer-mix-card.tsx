import { formatCompactMoney, formatCompactNumber, formatMoney } from '@caseload/domain';
import { useId, useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { PayerShare } from '../utils/reimbursement-shaping';
import { payerMixSummary } from '../utils/reimbursement-summaries';
import { CategoryBarChart } from './category-bar-chart';
import { PAYER_MIX_HEIGHT, PAYER_MIX_TITLE } from './reimbursement-layout';

export type PayerBasis = 'charges' | 'encounters';

/** The encounter counts while they are asked for: loading, or failed with a retry. */
export interface EncounterCounting {
  pending: boolean;
  error: string | null;
  retry: () => void;
}

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
export function PayerMixCard({
  payers,
  range,
  query,
  basis,
  onBasis,
  counting,
}: {
  payers: PayerShare[];
  range: string;
  query: AggregateQuery;
  basis: PayerBasis;
  onBasis: (basis: PayerBasis) => void;
  /** Null when shown by charges. */
  counting: EncounterCounting | null;
}) {
  const chart = useRef<HTMLDivElement>(null);
  const name = useId();
  const byCharges = basis === 'charges';
  return (
    <ChartFrame
      title={PAYER_MIX_TITLE}
      summary={payerMixSummary(payers, range, basis)}
      height={PAYER_MIX_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={PAYER_MIX_TITLE} chart={chart} />}
      legend={
        <>
          <fieldset className="reimb-basis">
            <legend className="visually-hidden">Payer mix by</legend>
            {(['charges', 'encounters'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name={name} value={option} checked={basis === option} onChange={() => onBasis(option)} /> By {option}
              </label>
            ))}
          </fieldset>
          {counting?.error ? (
            <div className="card-error" role="alert">
              <p>The encounters could not be counted: {counting.error}</p>
              <button type="button" className="button button-quiet" onClick={counting.retry}>
                Retry
              </button>
            </div>
          ) : counting?.pending ? (
            <p className="card-note" role="status">
              Counting the distinct encounters of each payer category…
            </p>
          ) : null}
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
