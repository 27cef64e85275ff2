/**
 * The month (1–12) in which the organisation's fiscal year starts: the one place the web
 * app keeps it. It must match the API's `CASELOAD_FISCAL_YEAR_START` (DESIGN §5, default 7:
 * July, so FY2026 = 2025-07-01..2026-06-30), because the API labels `fiscal_year` periods
 * with its own setting while the date presets here are worked out in the browser. The API
 * does not publish the setting yet; a deployment that changes it changes this line too.
 */
export const FISCAL_YEAR_START_MONTH = 7;
