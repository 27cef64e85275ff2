import { formatCompactNumber, formatInteger } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { AggregateQuery } from '../../../api/aggregate';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { StackedBarChart } from '../../../ui/charts/stacked-bar-chart';
import { DataTable } from '../../../ui/data-table';
import { ExportMenu } from '../../../ui/export-menu';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainHeader } from '../../../ui/grain-words';
import { sectionStackSummary } from '../utils/section-stack';
import type { SectionStack, SectionStackPoint } from '../utils/section-stack';
import type { VolumeDrill } from '../utils/volume-drill';
import { SECTIONS_HEIGHT, SECTIONS_TITLE } from './volume-layout';

interface SectionsCardProps {
  stack: SectionStack;
  /** The card's aggregate query, which its Export menu downloads. */
  query: AggregateQuery;
  range: string;
  grain: string;
  hrefOf: (drill: VolumeDrill) => string;
  onSelect: (section: SectionId) => void;
}

/**
 * Lines by period stacked by section. The legend lists every section with its lines and is
 * the way in: each entry links to that section's codes (a click on a bar does the same).
 */
export function SectionsCard({ stack, query, range, grain, hrefOf, onSelect }: SectionsCardProps) {
  const chart = useRef<HTMLDivElement>(null);
  const columns: Array<Column<SectionStackPoint>> = [
    { key: 'period', header: grainHeader(grain), cell: (point) => point.label },
    ...stack.sections.map((section) => ({
      key: section.id,
      header: section.name,
      numeric: true,
      cell: (point: SectionStackPoint) => formatInteger(point.lines[section.id] ?? 0),
    })),
    { key: 'total', header: 'All sections', numeric: true, cell: (point) => formatInteger(point.total) },
  ];
  const series = stack.sections.map((section) => ({
    id: section.id,
    name: section.name,
    color: section.color,
    value: (point: SectionStackPoint) => point.lines[section.id] ?? 0,
  }));
  return (
    <ChartFrame
      title={SECTIONS_TITLE}
      summary={sectionStackSummary(stack, range, grain)}
      height={SECTIONS_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={SECTIONS_TITLE} chart={chart} />}
      legend={
        <ul className="volume-section-legend" data-chart-legend aria-label="Sections: open one to see its codes">
          {/* Biggest first: the list doubles as the sections ranked. */}
          {[...stack.sections].sort((a, b) => b.lines - a.lines).map((section) => (
            <li key={section.id}>
              <Link to={hrefOf({ section: section.id, code: null })} title={`${section.name}: ${formatInteger(section.lines)} lines`}>
                <span className="volume-swatch" style={{ background: section.color }} aria-hidden="true" />
                <span className="volume-section-name">{section.name}</span>
                <span className="volume-section-figure">
                  {formatCompactNumber(section.lines)} · {(section.share * 100).toFixed(1)}%
                </span>
              </Link>
            </li>
          ))}
        </ul>
      }
      table={<DataTable caption={`Procedure lines by ${grainHeader(grain).toLowerCase()} and section, ${range}`} columns={columns} rows={stack.points} rowKey={(point) => point.period} />}
    >
      <StackedBarChart
        data={stack.points}
        xKey="period"
        series={series}
        height={SECTIONS_HEIGHT}
        onSelect={(id) => onSelect(id as SectionId)}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={formatInteger}
        formatAxisValue={formatCompactNumber}
      />
    </ChartFrame>
  );
}
