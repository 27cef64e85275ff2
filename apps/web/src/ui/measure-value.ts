/** A measure value from the API: a finite number, or null (undefined, missing or unreadable). */
export function toMeasureValue(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  // PostgreSQL numerics can arrive as strings if a serialiser forgets to convert them.
  if (typeof raw === 'string' && raw.trim() !== '') {
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  }
  return null;
}
