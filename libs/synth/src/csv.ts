/** The CSV columns of DESIGN §3.1, in the order the generator emits them. */
export const SYNTH_COLUMNS: readonly string[] = Object.freeze([
  'encounter_id', 'line_number', 'patient_id', 'service_date', 'department', 'code', 'modifiers',
  'units', 'place_of_service', 'payer', 'payer_category', 'provider_npi', 'charge_amount',
  'allowed_amount', 'paid_amount', 'claim_status', 'denial_reason', 'minutes',
]);

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted only when it holds a comma, a quote or a line break. */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One CSV record ending in '\n'. */
export function csvRow(fields: readonly string[]): string {
  const line = fields.join(',');
  return isPlain(line, fields.length - 1) ? line + '\n' : fields.map(csvField).join(',') + '\n';
}

/** True when the joined line has no quote or line break and only the separating commas. */
function isPlain(line: string, separators: number): boolean {
  let commas = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 44) commas++;
    else if (c === 34 || c === 10 || c === 13) return false;
  }
  return commas === separators;
}

/** The header record, ending in '\n'. */
export function csvHeader(): string {
  return csvRow(SYNTH_COLUMNS);
}
