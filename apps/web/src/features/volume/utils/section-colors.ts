import type { SectionId } from '@caseload/domain';
import { CATEGORY_COLORS } from '../../../ui/charts/palette';

/**
 * Each section's colour, fixed so a section looks the same on every chart and filter. The
 * busiest sections take the most distinct hues; neighbours in the stack (DESIGN §3.3 order)
 * differ in lightness as well as hue.
 */
export const SECTION_COLORS: Readonly<Record<SectionId, string>> = {
  em: CATEGORY_COLORS[0], // blue
  anesthesia: CATEGORY_COLORS[6], // yellow
  surgery: CATEGORY_COLORS[3], // vermillion
  radiology: CATEGORY_COLORS[4], // sky blue
  pathology_lab: CATEGORY_COLORS[2], // bluish green
  medicine: CATEGORY_COLORS[1], // orange
  category_ii: CATEGORY_COLORS[7], // black
  category_iii: CATEGORY_COLORS[8], // grey
  hcpcs_ii: CATEGORY_COLORS[5], // reddish purple
  other: CATEGORY_COLORS[9], // light grey
};
