import { departmentsInputValue, formatDepartments, parseDepartments } from '../departments';

describe('parseDepartments', () => {
  it('splits on commas and new lines, trims, and keeps each code once in the order typed', () => {
    expect(parseDepartments(' CARD, RAD,\nCARD ,, ortho ')).toEqual(['CARD', 'RAD', 'ortho']);
  });

  it('reads an empty or blank input as every department', () => {
    expect(parseDepartments('')).toEqual([]);
    expect(parseDepartments(' , \n ')).toEqual([]);
  });

  it('keeps spaces inside a code', () => {
    expect(parseDepartments('Day Surgery, RAD')).toEqual(['Day Surgery', 'RAD']);
  });
});

describe('formatDepartments', () => {
  it('says "All departments" for an unscoped user and lists codes otherwise', () => {
    expect(formatDepartments([])).toBe('All departments');
    expect(formatDepartments(['CARD', 'RAD'])).toBe('CARD, RAD');
  });

  it('writes the input text that parses back to the same codes', () => {
    expect(parseDepartments(departmentsInputValue(['CARD', 'Day Surgery']))).toEqual(['CARD', 'Day Surgery']);
  });
});
