import { useId, useState } from 'react';
import { CsvDownloadButton } from '../../../ui/csv-download-button';
import { periodName } from '../../../ui/format-period';
import { needsCsv } from '../utils/capacity-csv';
import { formatCount, formatHours, formatRate } from '../utils/capacity-format';
import { firstInventories, gapWords, isShort } from '../utils/capacity-needs';
import type { NeedsLine } from '../utils/capacity-needs';
import { NEEDS_TITLE } from './capacity-layout';

/** Resources listed before "Show all": the busiest, where the gaps are. */
const FIRST_RESOURCES = 15;

interface NeedsCardProps {
  lines: NeedsLine[];
  when: string;
  target: string;
  /** The interval's coverage: 0.8. */
  level: number;
  updating: boolean;
}

/**
 * Per department × resource × month: the hours demand needs at the target, the hours there
 * are, the units or FTEs that takes, and the gap. A shortfall is said in words and marked
 * with a sign as well as a colour.
 */
export function NeedsCard({ lines, when, target, level, updating }: NeedsCardProps) {
  const id = useId();
  const [shortOnly, setShortOnly] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const shortfalls = lines.filter(isShort).length;
  const filtered = shortOnly ? lines.filter(isShort) : lines;
  const first = firstInventories(filtered, FIRST_RESOURCES);
  const shown = showAll ? filtered : first.lines;
  const interval = `${Math.round(level * 100)}% interval`;
  return (
    <section className={updating ? 'card chart-card capacity-needs is-updating' : 'card chart-card capacity-needs'} aria-labelledby={`${id}-title`} aria-busy={updating || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {NEEDS_TITLE}
        </h2>
        <div className="card-actions">
          <label className="capacity-check">
            <input type="checkbox" checked={shortOnly} onChange={(event) => setShortOnly(event.target.checked)} /> Only shortfalls ({shortfalls})
          </label>
          <CsvDownloadButton what="the needs by month" fileName={`caseload-capacity-needs-${lines[0]?.period ?? 'plan'}.csv`} csv={() => needsCsv(lines)} />
        </div>
      </header>
      <p className="card-note">
        Hours required so that demand uses {target} of what is available, {when}, with the {interval} of the forecast in brackets; then the units of equipment or FTEs of staff there are, those it takes, and the gap between them.
      </p>
      {shown.length === 0 ? (
        <p className="card-empty">{shortOnly ? 'No month runs short at this target: untick "Only shortfalls" to see every month.' : 'No inventories to plan with.'}</p>
      ) : (
        <div className="table-scroll capacity-needs-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${id}-caption`}>{`Needs by department, resource and month, ${when}`}</caption>
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Month</th>
                <th scope="col" className="numeric">
                  Required hours
                </th>
                <th scope="col" className="numeric">
                  Available hours
                </th>
                <th scope="col" className="numeric capacity-col-rate">
                  Utilization
                </th>
                <th scope="col" className="numeric">
                  Has → needs
                </th>
                <th scope="col" className="numeric">
                  Gap
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((line) => {
                const short = isShort(line);
                return (
                  <tr key={line.key} className={short ? 'capacity-short' : undefined}>
                    <th scope="row">
                      {line.name} <span className="capacity-department">{line.department}</span>
                    </th>
                    <td>{periodName(line.period)}</td>
                    <td className="numeric">
                      {formatHours(line.required.expected)}{' '}
                      <span className="capacity-interval">
                        ({Math.round(line.required.low).toLocaleString('en-US')}–{Math.round(line.required.high).toLocaleString('en-US')})
                      </span>
                    </td>
                    <td className="numeric">{formatHours(line.available)}</td>
                    <td className="numeric capacity-col-rate">{formatRate(line.utilization)}</td>
                    <td className="numeric">
                      {formatCount(line.count)} → {line.needed === null ? '—' : formatCount(line.needed)}
                    </td>
                    <td className="numeric capacity-gap">
                      {short ? (
                        <span className="capacity-gap-short">
                          <span aria-hidden="true">▲ </span>
                          {gapWords(line.gap)}
                        </span>
                      ) : (
                        gapWords(line.gap)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {first.inventories > FIRST_RESOURCES ? (
        <button type="button" className="button button-quiet button-small capacity-show-all" onClick={() => setShowAll((all) => !all)}>
          {showAll ? `Show the ${FIRST_RESOURCES} busiest resources` : `Show all ${first.inventories} resources`}
        </button>
      ) : null}
    </section>
  );
}
