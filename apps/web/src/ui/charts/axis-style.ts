// The look every chart shares: axes, ticks and tooltip, spread into Recharts' own elements.

const TICK = { fill: 'var(--ink-muted)', fontSize: 12 };

/** A category axis: muted ticks, a rule along it, no tick marks. */
export const X_AXIS_STYLE = { tick: TICK, tickLine: false, axisLine: { stroke: 'var(--border-strong)' } } as const;

/** A time axis: as X_AXIS_STYLE, with the first and last periods always labelled. */
export const PERIOD_X_AXIS_STYLE = { ...X_AXIS_STYLE, interval: 'preserveStartEnd', minTickGap: 12 } as const;

/** A value axis: muted ticks, no rule, room for labels such as "$1.2M". */
export const Y_AXIS_STYLE = { tick: TICK, tickLine: false, axisLine: false, width: 52 } as const;

export const TOOLTIP_STYLE = { separator: ': ', contentStyle: { borderRadius: 6, borderColor: 'var(--border-strong)', fontSize: 13 } } as const;
