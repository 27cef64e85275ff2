import { Skeleton } from '../../../ui/skeleton';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { moversQuery, useMovers } from '../hooks/use-movers';
import type { MoverDimension } from '../utils/movers';
import { MoversCard } from './movers-card';
import { MOVER_COUNT, MOVER_TITLES } from './overview-layout';

/** One movers card with its own loading and error states, so a slow code query holds up nothing else. */
export function MoversSection({ dimension, params, range }: { dimension: MoverDimension; params: AggregateFilterParams; range: string }) {
  const { data, error, isPending, isPlaceholderData, refetch, isFetching } = useMovers(params, dimension);
  if (isPending) return <MoversSkeleton dimension={dimension} />;
  if (!data) {
    return (
      <section className="card movers-card" aria-label={MOVER_TITLES[dimension]}>
        <header className="card-header">
          <h2 className="card-title">{MOVER_TITLES[dimension]}</h2>
        </header>
        <div className="movers-error" role="alert">
          <p>{error?.message ?? 'The server did not answer.'}</p>
          <button type="button" className="button button-quiet" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      </section>
    );
  }
  return <MoversCard dimension={dimension} movers={data} range={range} query={moversQuery(params, dimension)} updating={isPlaceholderData} />;
}

/** The card's shape while its figures load. */
export function MoversSkeleton({ dimension }: { dimension: MoverDimension }) {
  return (
    <section className="card movers-card" aria-hidden="true">
      <div className="card-header">
        <span className="card-title">{MOVER_TITLES[dimension]}</span>
      </div>
      <Skeleton className="card-note" width="20em" height={18} />
      <div className="movers-columns">
        {['up', 'down'].map((direction) => (
          <div key={direction} className="movers-column">
            <Skeleton className="movers-heading" width="7em" height={20} />
            <ol className="movers-list">
              {Array.from({ length: MOVER_COUNT }, (_, index) => (
                <li key={index} className="mover">
                  <Skeleton width="100%" height={16} />
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
