export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

/** An HTML legend (readable by screen readers, unlike the chart it sits beside). */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="series-legend">
      {items.map((item) => (
        <li key={item.name}>
          <svg width="24" height="10" aria-hidden="true" focusable="false">
            <line
              x1="1"
              y1="5"
              x2="23"
              y2="5"
              stroke={item.color}
              strokeWidth="2.5"
              strokeDasharray={item.dashed ? '5 3' : undefined}
            />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
