// Chart colours come from CSS variables (styles.css) so one palette serves CSS and SVG.
// Okabe–Ito hues, chosen to stay apart for every common colour-vision deficiency and to
// reach 3:1 against the card background; the comparison series is also dashed, so it
// never depends on colour alone.
export const SERIES_COLORS = {
  primary: 'var(--series-1)',
  secondary: 'var(--series-2)',
  tertiary: 'var(--series-3)',
  comparison: 'var(--series-compare)',
} as const;
