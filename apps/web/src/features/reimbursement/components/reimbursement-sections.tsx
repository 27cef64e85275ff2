import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { useDepartmentPayments, usePayerMix } from '../hooks/use-reimbursement';
import { byWrvu } from '../utils/reimbursement-shaping';
import { ExpectedPaymentCard } from './expected-payment-card';
import { PayerMixCard } from './payer-mix-card';
import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import { EXPECTED_TITLE, PAYER_MIX_HEIGHT, PAYER_MIX_TITLE, PLACEHOLDER_ROWS, WRVU_HEIGHT, WRVU_TITLE } from './reimbursement-layout';
import { WrvuCard } from './wrvu-card';

interface SectionProps {
  params: AggregateFilterParams;
  range: string;
}

/** A card whose figures failed: the reason and a retry, in the room the figures would take. */
function CardError({ title, message, retrying, onRetry }: { title: string; message: string | undefined; retrying: boolean; onRetry: () => void }) {
  return (
    <section className="card chart-card" aria-label={title}>
      <div className="reimb-card-error" role="alert">
        <p>
          {title}: {message ?? 'the server did not answer.'}
        </p>
        <button type="button" className="button button-quiet" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </section>
  );
}

export function PayerMixSection({ params, range }: SectionProps) {
  const { data, error, isPending, isFetching, refetch } = usePayerMix(params);
  if (isPending) return <ChartCardSkeleton title={PAYER_MIX_TITLE} height={PAYER_MIX_HEIGHT} />;
  if (!data) return <CardError title={PAYER_MIX_TITLE} message={error?.message} retrying={isFetching} onRetry={() => void refetch()} />;
  return <PayerMixCard payers={data} range={range} />;
}

/** The expected-payment table and the wRVU bars share one query by department. */
export function DepartmentSections({ params, range }: SectionProps) {
  const { data, error, isPending, isFetching, refetch } = useDepartmentPayments(params);
  if (isPending) {
    return (
      <>
        <TableCardSkeleton title={EXPECTED_TITLE} rows={PLACEHOLDER_ROWS} />
        <ChartCardSkeleton title={WRVU_TITLE} height={WRVU_HEIGHT} />
      </>
    );
  }
  if (!data) return <CardError title={EXPECTED_TITLE} message={error?.message} retrying={isFetching} onRetry={() => void refetch()} />;
  return (
    <>
      <ExpectedPaymentCard departments={data.departments} unpriced={data.unpriced} range={range} />
      <WrvuCard departments={byWrvu(data.departments)} range={range} />
    </>
  );
}
