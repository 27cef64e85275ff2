import { Sparkline } from '../../../ui/charts/sparkline';
import { formatCompact, formatExact } from '../../../ui/format-measure';
import { describeChange, formatChange } from '../utils/kpi-tiles';
import type { KpiTile as KpiTileModel } from '../utils/kpi-tiles';

const ARROWS = { up: '▲', down: '▼', flat: '●' } as const;

export function KpiTile({ tile, sparklineLabel }: { tile: KpiTileModel; sparklineLabel: string }) {
  const { change } = tile;
  return (
    <li className="kpi-tile">
      <h3 className="kpi-label" title={tile.description}>
        {tile.label}
      </h3>
      <p className="kpi-value" title={formatExact(tile.measure, tile.value)}>
        {formatCompact(tile.measure, tile.value)}
      </p>
      <p className={change ? `kpi-change kpi-change-${change.direction}` : 'kpi-change'}>
        <span aria-hidden="true">
          {change ? <span className={`kpi-arrow kpi-arrow-${change.direction}`}>{ARROWS[change.direction]}</span> : null}
          <span className="kpi-change-figure">{formatChange(change)}</span>
          <span className="kpi-change-base"> vs {formatCompact(tile.measure, tile.previous)}</span>
        </span>
        <span className="visually-hidden">
          {describeChange(change)}
          {tile.previous !== null ? ` (${formatCompact(tile.measure, tile.previous)})` : ''}
        </span>
      </p>
      <Sparkline values={tile.trend} label={sparklineLabel} />
    </li>
  );
}
