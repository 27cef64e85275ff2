import { FeeScheduleFileError } from '../fee-schedule-files.js';
import { parseDenialCodes } from '../denial-codes.js';

// Synthetic descriptions in the layout of X12's export (the dates run on after the text).
const LIST = 'code,description\r\n"50","Test reason fifty.Start: 01/01/1995"\r\n"B7","Test reason B seven. Start: 01/01/1997 | Last Modified: 07/01/2009"\r\n"197","Test reason without dates"\r\n';

function problem(text: string): FeeScheduleFileError {
  try {
    parseDenialCodes(text);
  } catch (error) {
    if (error instanceof FeeScheduleFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseDenialCodes', () => {
  it('reads codes and cuts the dates off the descriptions', () => {
    expect(parseDenialCodes(`\uFEFF${LIST}`)).toEqual([
      { code: '50', description: 'Test reason fifty.' },
      { code: 'B7', description: 'Test reason B seven.' },
      { code: '197', description: 'Test reason without dates' },
    ]);
  });

  it('names the row and column of a bad code, an empty description or a repeated code', () => {
    const badCode = problem('code,description\n50,ok\nCO-50,not a bare CARC\n');
    expect(badCode.row).toBe(3);
    expect(badCode.column).toBe('code');
    expect(badCode.message).toMatch(/row 3, column code: "CO-50" is not a CARC code/);

    const empty = problem('code,description\n50,"Start: 01/01/1995"\n');
    expect([empty.row, empty.column]).toEqual([2, 'description']);

    const twice = problem('code,description\n50,a\n50,b\n');
    expect(twice.message).toMatch(/row 3.*50 is listed twice/);
  });

  it('refuses a file without the two columns, an unclosed quote or no codes', () => {
    expect(problem('carc,text\n50,a\n').message).toMatch(/code and description/);
    expect(problem('code,description\n50,"never closed\n').message).toMatch(/never closed/);
    expect(problem('code,description\n\n').message).toMatch(/no codes/);
  });
});
