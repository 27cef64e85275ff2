import type { CapacityUtilizationResponse } from '@caseload/contracts';
import { useEffect, useRef } from 'react';
import { HeatMapTable } from '../../../ui/heat-map-table';
import { formatDateRange } from '../../../ui/format-period';
import { heatCell, utilizationGrid } from '../utils/capacity-charts';
import { formatRate } from '../utils/capacity-format';
import type { ResourceNames } from '../utils/capacity-needs';
import { HEAT_MAP_TITLE } from './capacity-layout';
import { CsvDownloadButton } from '../../../ui/csv-download-button';
import { utilizationCsv } from '../utils/capacity-csv';

const exact = (value: number | null) => (value === null ? 'no hours available' : `${formatRate(value)} used`);

/** Each resource type's weekly utilization, pooled across the departments in the filters. */
export function HeatMapCard({ answer, names, updating }: { answer: CapacityUtilizationResponse; names: ResourceNames; updating: boolean }) {
  const grid = utilizationGrid(answer, names);
  const range = formatDateRange(answer.meta.from, answer.meta.to);
  const ref = useRef<HTMLDivElement>(null);
  // Where the weeks do not all fit, the latest are the ones to see first.
  useEffect(() => {
    const scroller = ref.current?.querySelector('.table-scroll');
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  }, [answer]);
  return (
    <section className={updating ? 'card chart-card capacity-heat-map is-updating' : 'card chart-card capacity-heat-map'} aria-label={HEAT_MAP_TITLE}>
      <header className="card-header">
        <h2 className="card-title">{HEAT_MAP_TITLE}</h2>
        <CsvDownloadButton what="utilization by week" fileName={`caseload-capacity-utilization-${answer.meta.from}-${answer.meta.to}.csv`} csv={() => utilizationCsv(answer)} />
      </header>
      <p className="card-note">
        Minutes used against the hours available, every department in the filters pooled; 100% is fully used.
        {grid.hiddenWeeks > 0 ? ` The last ${grid.columns.length} weeks of ${range}.` : ` ${range}.`}
        {answer.meta.unprofiledLines > 0
          ? ` ${answer.meta.unprofiledLines.toLocaleString('en-US')} ${answer.meta.unprofiledLines === 1 ? 'line has a code' : 'lines have codes'} without a profile and count for no resource.`
          : ''}
      </p>
      {grid.rows.length === 0 ? (
        <p className="card-empty">No resource use in these dates and departments: widen the dates in the filter bar.</p>
      ) : (
        <div ref={ref}>
          <HeatMapTable
          caption={`${HEAT_MAP_TITLE}, resource type by week`}
          corner="Resource"
          columns={grid.columns}
          rows={grid.rows}
          max={1}
          formatCell={heatCell}
          formatExact={exact}
          lowLabel="0%"
          highLabel="100% or more"
          />
        </div>
      )}
    </section>
  );
}
