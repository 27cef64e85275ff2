import { previewTable, rowCountInWords } from '../preview-table';

const meta = { grain: 'quarter', from: '2026-01-01', to: '2026-06-30', rowCount: 2, suppressed: 0 };

describe('previewTable', () => {
  it('names the group-bys, writes each measure exactly and adds the totals row', () => {
    const table = previewTable(
      { measures: 'lines,charges,denial_rate', groupBy: 'period,section', grain: 'quarter' },
      {
        rows: [
          { period: '2026-Q1', section: 'radiology', lines: 1234, charges: 15230.5, denial_rate: 0.08 },
          { period: '2026-Q2', section: 'em', lines: 7, charges: 100, denial_rate: null },
        ],
        totals: { lines: 1241, charges: 15330.5, denial_rate: 0.075 },
        meta,
      },
    );
    expect(table.columns.map((column) => column.header)).toEqual(['Quarter', 'Section', 'Procedure lines', 'Charges', 'Denial rate']);
    expect(table.rows.map((row) => Object.values(row.cells))).toEqual([
      ['Q1 2026', 'Radiology', '1,234', '$15,230.50', '8.0%'],
      ['Q2 2026', 'Evaluation & management', '7', '$100.00', '—'],
    ]);
    expect(Object.values(table.total!.cells)).toEqual(['Total', '', '1,241', '$15,330.50', '7.5%']);
  });

  it('has no totals row when the one row is the total', () => {
    const table = previewTable({ measures: 'patients' }, { rows: [{ patients: 12 }], totals: { patients: 12 }, meta });
    expect(table.rows.map((row) => Object.values(row.cells))).toEqual([['12']]);
    expect(table.total).toBeNull();
  });
});

describe('rowCountInWords', () => {
  it('says how much of the answer the preview shows', () => {
    expect(rowCountInWords(50, 1234, 10_001)).toBe('First 50 of 1,234 rows');
    expect(rowCountInWords(12, 12, 10_001)).toBe('All 12 rows');
    expect(rowCountInWords(1, 1, 10_001)).toBe('The only row');
    expect(rowCountInWords(50, 10_001, 10_001)).toBe('First 50 of more than 10,000 rows');
  });
});
