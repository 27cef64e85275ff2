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

/**
 * Ten colours for categories that sit side by side (stacked bars, several lines): the eight
 * Okabe–Ito hues, then two greys. A feature maps each of its categories to one colour for
 * good, so a category keeps its colour whatever the filters leave on show. Adjacent stacked
 * segments are also parted by a white gap, so none depends on hue alone.
 */
export const CATEGORY_COLORS = [
  'var(--category-1)',
  'var(--category-2)',
  'var(--category-3)',
  'var(--category-4)',
  'var(--category-5)',
  'var(--category-6)',
  'var(--category-7)',
  'var(--category-8)',
  'var(--category-9)',
  'var(--category-10)',
] as const;
