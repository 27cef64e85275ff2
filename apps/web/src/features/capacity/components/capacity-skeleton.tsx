import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import { Skeleton } from '../../../ui/skeleton';
import { CapacityHeading } from './capacity-heading';
import {
  ANSWER_TITLE,
  BOTTLENECKS_TITLE,
  FORECAST_HEIGHT,
  FORECAST_TITLE,
  HEAT_MAP_PLACEHOLDER_ROWS,
  HEAT_MAP_TITLE,
  IDLE_TITLE,
  NEEDS_PLACEHOLDER_ROWS,
  NEEDS_TITLE,
  RANK_PLACEHOLDER_ROWS,
  WHAT_IF_TITLE,
} from './capacity-layout';

/** The answer card's shape while it loads. */
export function AnswerSkeleton() {
  return (
    <section className="card capacity-answer" aria-hidden="true">
      <span className="card-title">{ANSWER_TITLE}</span>
      <div className="capacity-answer-text">
        <Skeleton width="100%" height={24} />
        <Skeleton width="60%" height={24} />
      </div>
    </section>
  );
}

/** The page's shape while its code or figures load: the same boxes at the same sizes. */
export function CapacitySkeleton() {
  return (
    <div className="capacity" aria-busy="true">
      <title>Capacity · Caseload</title>
      <CapacityHeading subtitle={<Skeleton width="24em" height={20} className="skeleton-text" />} />
      <p className="visually-hidden" role="status">
        Loading the capacity figures…
      </p>
      <AnswerSkeleton />
      <TableCardSkeleton title={WHAT_IF_TITLE} rows={3} />
      <TableCardSkeleton title={NEEDS_TITLE} rows={NEEDS_PLACEHOLDER_ROWS} />
      <div className="capacity-grid">
        <TableCardSkeleton title={BOTTLENECKS_TITLE} rows={RANK_PLACEHOLDER_ROWS} />
        <TableCardSkeleton title={IDLE_TITLE} rows={RANK_PLACEHOLDER_ROWS} />
      </div>
      <ChartCardSkeleton title={FORECAST_TITLE} height={FORECAST_HEIGHT} />
      <TableCardSkeleton title={HEAT_MAP_TITLE} rows={HEAT_MAP_PLACEHOLDER_ROWS} />
    </div>
  );
}
