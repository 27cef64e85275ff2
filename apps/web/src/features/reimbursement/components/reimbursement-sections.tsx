import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { Link } from 'react-router';
import { useState } from 'react';
import { codesQuery, departmentsQuery, payerEncountersQuery, payerMixQuery, providersQuery } from '../utils/reimbursement-queries';
import { useCodePayments, useDenialReasons, useDepartmentPayments, usePayerMix, useProviderWrvu } from '../hooks/use-reimbursement';
import { CodePaymentsCard } from './code-payments-card';
import { DenialReasonsCard } from './denial-reasons-card';
import { ProviderWrvuCard } from './provider-wrvu-card';
import { byWrvu } from '../utils/reimbursement-shaping';
import { ExpectedPaymentCard } from './expected-payment-card';
import { PayerMixCard, type PayerBasis } from './payer-mix-card';
import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import {
  codesTitle,
  DENIAL_REASONS_TITLE,
  EXPECTED_TITLE,
  PAYER_MIX_HEIGHT,
  PAYER_MIX_TITLE,
  PLACEHOLDER_ROWS,
  providersTitle,
  WRVU_HEIGHT,
  WRVU_TITLE,
} from './reimbursement-layout';
import { WrvuCard } from './wrvu-card';

interface SectionProps {
  params: AggregateFilterParams;
  range: string;
}

/** A card whose figures failed: the reason and a retry, in the room the figures would take. */
function CardError({ title, message, retrying, onRetry }: { title: string; message: string | undefined; retrying: boolean; onRetry: () => void }) {
  return (
    <section className="card chart-card" aria-label={title}>
      <div className="card-error" role="alert">
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
  const [basis, setBasis] = useState<PayerBasis>('charges');
  const { charges, encounters, payers } = usePayerMix(params, basis === 'encounters');
  if (charges.isPending) return <ChartCardSkeleton title={PAYER_MIX_TITLE} height={PAYER_MIX_HEIGHT} />;
  if (!payers) return <CardError title={PAYER_MIX_TITLE} message={charges.error?.message} retrying={charges.isFetching} onRetry={() => void charges.refetch()} />;
  const counting = basis === 'encounters' ? { pending: encounters.isPending || encounters.isPlaceholderData, error: encounters.error?.message ?? null, retry: () => void encounters.refetch() } : null;
  return (
    <PayerMixCard
      payers={payers}
      range={range}
      basis={basis}
      onBasis={setBasis}
      counting={counting}
      query={basis === 'charges' ? payerMixQuery(params) : payerEncountersQuery(params)}
    />
  );
}

interface DrillProps extends SectionProps {
  /** The department drilled to, or null for all. */
  drilled: string | null;
  hrefOf: (department: string | null) => string;
}

/** The expected-payment table and the wRVU bars share one query by department. */
export function DepartmentSections({ params, range, drilled, hrefOf }: DrillProps) {
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
      <ExpectedPaymentCard departments={data.departments} unpriced={data.unpriced} range={range} hrefOf={hrefOf} drilled={drilled} query={departmentsQuery(params)} />
      <WrvuCard departments={byWrvu(data.departments)} range={range} query={departmentsQuery(params)} />
    </>
  );
}

export function DenialReasonsSection({ params, range }: SectionProps) {
  const { data, error, isPending, isFetching, refetch } = useDenialReasons(params);
  if (isPending) return <TableCardSkeleton title={DENIAL_REASONS_TITLE} rows={PLACEHOLDER_ROWS} />;
  if (!data) return <CardError title={DENIAL_REASONS_TITLE} message={error?.message} retrying={isFetching} onRetry={() => void refetch()} />;
  return <DenialReasonsCard answer={data} range={range} />;
}

/** Where the drill-down is: all departments, or one, with the way back up. */
function DrillBreadcrumb({ drilled, hrefOf }: Pick<DrillProps, 'drilled' | 'hrefOf'>) {
  return (
    <nav className="volume-breadcrumb" aria-label="Drill-down">
      <ol>
        <li>{drilled === null ? <span aria-current="location">All departments</span> : <Link to={hrefOf(null)}>All departments</Link>}</li>
        {drilled === null ? null : (
          <li>
            <span aria-current="location">{drilled}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}

/** Codes and providers, of the drilled department or all. */
export function DrillSections({ params, range, drilled, hrefOf }: DrillProps) {
  const codes = useCodePayments(params, drilled);
  const providers = useProviderWrvu(params, drilled);
  return (
    <div className="reimb-drill">
      <DrillBreadcrumb drilled={drilled} hrefOf={hrefOf} />
      <div>
        {codes.isPending ? (
          <TableCardSkeleton title={codesTitle(drilled)} rows={PLACEHOLDER_ROWS} />
        ) : !codes.data ? (
          <CardError title={codesTitle(drilled)} message={codes.error?.message} retrying={codes.isFetching} onRetry={() => void codes.refetch()} />
        ) : (
          <CodePaymentsCard codes={codes.data.codes} unpriced={codes.data.unpriced} department={drilled} range={range} query={codesQuery(params, drilled)} />
        )}
        {providers.isPending ? (
          <TableCardSkeleton title={providersTitle(drilled)} rows={PLACEHOLDER_ROWS} />
        ) : !providers.data ? (
          <CardError title={providersTitle(drilled)} message={providers.error?.message} retrying={providers.isFetching} onRetry={() => void providers.refetch()} />
        ) : (
          <ProviderWrvuCard providers={providers.data} department={drilled} range={range} query={providersQuery(params, drilled)} />
        )}
      </div>
    </div>
  );
}
