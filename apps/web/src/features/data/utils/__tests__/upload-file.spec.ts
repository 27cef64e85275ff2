import { formatBytes, refuseFile, singleFile } from '../upload-file';

describe('refuseFile', () => {
  it('lets a non-empty .csv file through, whatever the case of its extension', () => {
    expect(refuseFile({ name: 'march.csv', size: 120 })).toBeNull();
    expect(refuseFile({ name: 'MARCH.CSV', size: 1 })).toBeNull();
  });

  it('refuses a file whose name does not end in .csv, naming it', () => {
    expect(refuseFile({ name: 'march.xlsx', size: 2048 })).toBe(
      'march.xlsx is not a CSV file. Choose a file whose name ends in .csv (comma-separated values, with a header row).',
    );
    expect(refuseFile({ name: 'march.csv.zip', size: 10 })).toMatch(/is not a CSV file/);
    expect(refuseFile({ name: 'csv', size: 10 })).toMatch(/is not a CSV file/);
  });

  it('refuses an empty file', () => {
    expect(refuseFile({ name: 'empty.csv', size: 0 })).toBe('empty.csv is empty. Choose a CSV file with a header row and at least one line.');
  });

  it('asks for a file when there is none', () => {
    expect(refuseFile(null)).toBe('Choose a CSV file to import.');
  });
});

describe('singleFile', () => {
  const a = { name: 'a.csv', size: 1 };
  const b = { name: 'b.csv', size: 1 };

  it('takes the one file of a drop', () => {
    expect(singleFile([a])).toEqual({ file: a });
  });

  it('refuses several files at once, and none', () => {
    expect(singleFile([a, b])).toEqual({ error: '2 files were dropped; import one CSV file at a time.' });
    expect(singleFile([])).toEqual({ error: 'Choose a CSV file to import.' });
    expect(singleFile(null)).toEqual({ error: 'Choose a CSV file to import.' });
  });
});

describe('formatBytes', () => {
  it('prints sizes in decimal units with a sensible precision', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1, 'en-US')).toBe('1 byte');
    expect(formatBytes(999, 'en-US')).toBe('999 bytes');
    expect(formatBytes(1_234, 'en-US')).toBe('1.23 KB');
    expect(formatBytes(45_600, 'en-US')).toBe('45.6 KB');
    expect(formatBytes(3_400_000, 'en-US')).toBe('3.4 MB');
    expect(formatBytes(4_294_967_296, 'en-US')).toBe('4.29 GB');
  });

  it('prints a dash for a size that cannot be', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
