import { csvLineReader, rowReader } from '../export-rows.repository.js';

describe('CSV lines from COPY', () => {
  const toCells = rowReader(['lines', 'charges'], 2, { text: '', values: [], source: 'facts', components: ['lines', 'charge_cents'], compared: false });
  const read = csvLineReader(toCells);

  it('passes a line PostgreSQL wrote through, its COPY escapes undone', () => {
    expect(read('c2024-03-01,GEN,3,12.5')).toBe('2024-03-01,GEN,3,12.5');
    expect(read('c2024-03-01,back\\\\slash,1,0.01')).toBe('2024-03-01,back\\slash,1,0.01');
  });

  it('writes a row that came as its cells as the CSV writer does', () => {
    expect(read('r["2024-03-01", "=X", "2", "123456789012345678"]')).toBe("2024-03-01,'=X,2,1234567890123456.8");
    expect(read('r["2024-03-01", null, "0", "-5"]')).toBe('2024-03-01,,0,-0.05');
    expect(read('r["a,\\\\"b\\\\"", "x", "1", "1"]')).toBe('"a,""b""",x,1,0.01');
  });
});
