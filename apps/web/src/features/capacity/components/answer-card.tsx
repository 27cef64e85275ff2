import type { CapacityNeedsResponse } from '@caseload/contracts';
import { useId } from 'react';
import { formatHours } from '../utils/capacity-format';
import { buildHeadline, nameOf } from '../utils/capacity-needs';
import type { ResourceNames } from '../utils/capacity-needs';
import { ANSWER_TITLE } from './capacity-layout';

interface AnswerCardProps {
  answer: CapacityNeedsResponse;
  names: ResourceNames;
  /** The what-if in words, when one is applied. */
  scenario: string | null;
  updating: boolean;
}

/** The page's question answered in a sentence, from the needs of the coming months. */
export function AnswerCard({ answer, names, scenario, updating }: AnswerCardProps) {
  const id = useId();
  const headline = buildHeadline(answer, names);
  // Pairs with a few minutes of demand are noise here: name the largest few.
  const uninventoried = answer.meta.uninventoried.filter((item) => item.demandHours >= 1).sort((a, b) => b.demandHours - a.demandHours);
  return (
    <section className={updating ? 'card capacity-answer is-updating' : 'card capacity-answer'} aria-labelledby={`${id}-title`} aria-busy={updating || undefined}>
      <h2 id={`${id}-title`} className="card-title">
        {ANSWER_TITLE}
      </h2>
      {headline === null ? (
        <p className="capacity-answer-text">No resource has hours available in this horizon, so there is nothing to compare with the target.</p>
      ) : (
        <>
          <p className={`capacity-answer-text capacity-answer-${headline.tone}`} data-testid="capacity-answer">
            <span className="capacity-badge">{headline.tone === 'over' ? 'Above target' : 'Within target'}</span> {headline.text}
          </p>
          {headline.othersOver > 0 ? (
            <p className="card-note">
              {headline.othersOver} other {headline.othersOver === 1 ? 'resource runs' : 'resources run'} above target too: see the bottlenecks and the needs by month below.
            </p>
          ) : null}
        </>
      )}
      {scenario ? <p className="card-note">With the what-if: {scenario}.</p> : null}
      {uninventoried.length > 0 ? (
        <p className="card-note">
          Not planned, for want of an inventory:{' '}
          {uninventoried
            .slice(0, 3)
            .map((item) => `${nameOf(names, item.resourceType)} in ${item.department} (${formatHours(item.demandHours)} of demand)`)
            .join(', ')}
          {uninventoried.length > 3 ? ` and ${uninventoried.length - 3} more` : ''}.
        </p>
      ) : null}
    </section>
  );
}
