import { columnLetter, readCsvRecords } from '../fee-schedule-csv.js';
import { FeeScheduleFileError, parseGpciFile, parseRvuFile } from '../fee-schedule-files.js';

// The layout of CMS's PPRRVU file: a title, notices, then column names stacked over four
// rows. The descriptor column holds placeholder text here, never CMS's.
const BANNER = [
  ',,2025 National Physician Fee Schedule Relative Value File October Release,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',,A copyright notice,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',,Another notice,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',, ,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',,RELEASED 09/11/2025,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,',
  ',,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED',
  ',,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,FOR OPPS',
  ',,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT',
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT',
];
const DATA = [
  '0001F,,placeholder one,I,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00',
  '71046,,"placeholder, with a comma",A,,0.22,0.76,,0.76,NA,0.02,1.00,1.00,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,02,0,99,0.00,0.00,0.00',
  '71046,26,placeholder three,A,,0.22,0.08,,0.08,,0.01,0.31,0.31,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00',
  '71046,TC,placeholder four,A,,0.00,0.68,,0.68,NA,0.01,0.69,0.69,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,02,0,99,0.00,0.00,0.00',
  '99213,,placeholder five,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00',
];
const rvuFile = (data = DATA) => [...BANNER, ...data].join('\r\n') + '\r\n';

/** The error a file gets, or a failure when it is read without one. */
function errorOf(read: () => unknown): FeeScheduleFileError {
  try {
    read();
  } catch (error) {
    if (error instanceof FeeScheduleFileError) return error;
    throw error;
  }
  throw new Error('the file was read without an error');
}

describe('readCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line ends', () => {
    expect(readCsvRecords('a,"b,c","say ""hi""","two\nlines"\r\nx,,\n').rows).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', '', ''],
    ]);
  });

  it('keeps a last record without a line end, and reports a quote left open', () => {
    expect(readCsvRecords('a,b\nc,"d').unclosedQuoteRow).toBe(2);
    expect(readCsvRecords('a,b\nc,d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 5, 25, 26, 30].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AE']);
  });
});

describe('parseRvuFile', () => {
  it("reads CMS's layout: stacked column names, codes, modifiers, RVUs, indicators and the conversion factor", () => {
    const file = parseRvuFile(rvuFile(), 2025);
    expect(file.conversionFactor).toBe(32.3465);
    expect(file.rows).toHaveLength(5);
    expect(file.rows[3]).toEqual({
      year: 2025,
      code: '71046',
      modifier: 'TC',
      status: 'A',
      work: 0,
      peNonFacility: 0.68,
      peFacility: 0.68,
      mp: 0.01,
      globalDays: 'XXX',
      pctcIndicator: '1',
      nonFacilityNa: false,
      facilityNa: true,
    });
    expect(file.rows[4]).toMatchObject({ code: '99213', modifier: '', work: 1.3, peNonFacility: 1.35, peFacility: 0.57, mp: 0.1, pctcIndicator: '0' });
  });

  it('drops the descriptor column', () => {
    const text = JSON.stringify(parseRvuFile(rvuFile(), 2025));
    expect(text).not.toMatch(/placeholder/);
  });

  it('reads a one-row header with the same column names, in any order, with a byte-order mark', () => {
    const text = '\uFEFFGLOB DAYS,HCPCS,MOD,STATUS CODE,WORK RVU,NON-FAC PE RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,PCTC IND,CONV FACTOR\n090,27447,,A,19.60,NA,,12.73,,3.96,0,32.3465\n';
    expect(errorOf(() => parseRvuFile(text, 2025)).message).toMatch(/Row 2, column NON-FAC PE RVU \(F\): must be a number/);
    const good = text.replace('19.60,NA,,', '19.60,12.73,NA,');
    expect(parseRvuFile(good, 2025).rows).toEqual([
      expect.objectContaining({ code: '27447', globalDays: '090', work: 19.6, peNonFacility: 12.73, nonFacilityNa: true, mp: 3.96 }),
    ]);
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => parseRvuFile('', 2025)).message).toBe('The file is empty.');
    expect(errorOf(() => parseRvuFile(' \r\n\r\n', 2025)).message).toBe('The file is empty.');
  });

  it('refuses a file without the header row', () => {
    expect(errorOf(() => parseRvuFile('a,b,c\n1,2,3\n', 2025)).message).toMatch(/not an RVU file: no header row has the column HCPCS/);
  });

  it('names the missing columns and the header row', () => {
    const banner = BANNER.map((row) => row.replace('PCTC,GLOB,', 'PCTC,GLOBE,').replace(',WORK,', ',WORKS,'));
    const error = errorOf(() => parseRvuFile([...banner, ...DATA].join('\n'), 2025));
    expect(error.message).toBe('The header on row 10 lacks the columns "WORK RVU", "GLOB DAYS"; is this the right file?');
    expect(error.row).toBe(10);
  });

  it('names the row and the column of a value that is not a number', () => {
    const error = errorOf(() => parseRvuFile(rvuFile([DATA[0]!, DATA[1]!.replace(',0.22,0.76,', ',0.22,abc,')]), 2025));
    expect(error.message).toBe('Row 12, column NON-FAC PE RVU (G): must be a number from 0 to below 10,000 with at most 2 decimal places (got "abc").');
    expect([error.row, error.column]).toEqual([12, 'NON-FAC PE RVU (G)']);
  });

  it('refuses more decimals than CMS publishes, a negative RVU and a bad status', () => {
    expect(errorOf(() => parseRvuFile(rvuFile([DATA[4]!.replace(',1.30,', ',1.305,')]), 2025)).message).toMatch(/^Row 11, column WORK RVU \(F\): .*at most 2 decimal places/);
    expect(errorOf(() => parseRvuFile(rvuFile([DATA[4]!.replace(',0.10,', ',-0.10,')]), 2025)).message).toMatch(/^Row 11, column MP RVU \(K\)/);
    expect(errorOf(() => parseRvuFile(rvuFile([DATA[4]!.replace(',A,,', ',AA,,')]), 2025)).message).toMatch(/^Row 11, column STATUS CODE \(D\): must be a one-letter/);
  });

  it('refuses a code or a modifier of the wrong shape', () => {
    expect(errorOf(() => parseRvuFile(rvuFile([DATA[4]!.replace('99213,', '9921,')]), 2025)).message).toMatch(/^Row 11, column HCPCS \(A\): must be a HCPCS or CPT code/);
    expect(errorOf(() => parseRvuFile(rvuFile([DATA[2]!.replace(',26,', ',266,')]), 2025)).message).toMatch(/^Row 11, column MOD \(B\): must be empty or a two-character modifier/);
  });

  it('refuses a code and modifier given twice, naming both rows', () => {
    const error = errorOf(() => parseRvuFile(rvuFile([...DATA, DATA[2]!]), 2025));
    expect(error.message).toBe('Row 16, column HCPCS (A): repeats 71046 with modifier 26, first given on row 13; each code and modifier may appear once.');
  });

  it('refuses a file cut off in the middle of a row', () => {
    const text = rvuFile();
    const error = errorOf(() => parseRvuFile(text.slice(0, text.lastIndexOf('0.57,')), 2025));
    expect(error.message).toMatch(/^Row 15 has 9 columns where the header has at least 25; the file may be cut off/);
    expect(error.row).toBe(15);
  });

  it('refuses a file cut off inside a quoted field', () => {
    const text = rvuFile();
    expect(errorOf(() => parseRvuFile(text.slice(0, text.indexOf('with a comma')), 2025)).message).toMatch(/^Row 12 opens a quoted field that never closes/);
  });

  it('refuses a file with a header and no rows', () => {
    expect(errorOf(() => parseRvuFile(rvuFile([]), 2025)).message).toMatch(/has a header but no rows of codes/);
  });

  it('refuses rows that disagree on the conversion factor', () => {
    const error = errorOf(() => parseRvuFile(rvuFile([DATA[0]!, DATA[1]!.replace(',32.3465,', ',33.2875,')]), 2025));
    expect(error.message).toBe('Row 12, column CONV FACTOR (Y): must be the same on every row: 33.2875 here, 32.3465 on row 11.');
  });

  it("refuses another year's file", () => {
    expect(errorOf(() => parseRvuFile(rvuFile(), 2026)).message).toMatch(/CMS's 2025 RVU file, not 2026's/);
  });
});

const GPCI = [
  'ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,',
  ',,,,,,',
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI',
  '10112,AL,00,ALABAMA,1,0.869,0.575',
  '02102,AK,01,ALASKA*,1.5,1.081,0.592',
  '1112,CA,5,SAN FRANCISCO,1.107,1.5,0.55',
  '"MAC Assignments as of November 22, 2023",,,,,,',
  ',,,,,,',
  '*Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.,,,,,,',
];
const gpciFile = (rows = GPCI) => rows.join('\n') + '\n';

describe('parseGpciFile', () => {
  it('reads the localities past the title lines and the footnotes', () => {
    expect(parseGpciFile(gpciFile(), 2025)).toEqual([
      { year: 2025, carrier: '10112', locality: '00', state: 'AL', name: 'ALABAMA', work: 1, pe: 0.869, mp: 0.575 },
      { year: 2025, carrier: '02102', locality: '01', state: 'AK', name: 'ALASKA', work: 1.5, pe: 1.081, mp: 0.592 },
      // A spreadsheet that dropped the leading zeros: the same contractor and locality.
      { year: 2025, carrier: '01112', locality: '05', state: 'CA', name: 'SAN FRANCISCO', work: 1.107, pe: 1.5, mp: 0.55 },
    ]);
  });

  it('refuses an empty file and a file without a locality column', () => {
    expect(errorOf(() => parseGpciFile('', 2025)).message).toBe('The file is empty.');
    expect(errorOf(() => parseGpciFile('MAC,State,Name\n10112,AL,ALABAMA\n', 2025)).message).toMatch(/not a GPCI file/);
  });

  it('names a missing GPCI column', () => {
    const rows = GPCI.map((row, i) => (i === 2 ? row.replace('2025 MP GPCI', 'Malpractice') : row));
    expect(errorOf(() => parseGpciFile(gpciFile(rows), 2025)).message).toBe('The header on row 3 lacks the column "MP GPCI"; is this the right file?');
  });

  it('names the row and the column of a GPCI that is not a number', () => {
    const rows = GPCI.map((row, i) => (i === 4 ? row.replace('1.081', 'n/a') : row));
    expect(errorOf(() => parseGpciFile(gpciFile(rows), 2025)).message).toBe(
      'Row 5, column 2025 PE GPCI (F): must be a number from 0 to below 10 with at most 3 decimal places (got "n/a").',
    );
  });

  it('refuses a locality given twice', () => {
    const rows = [...GPCI.slice(0, 6), '10112,AL,0,ALABAMA,1,0.869,0.575', ...GPCI.slice(6)];
    expect(errorOf(() => parseGpciFile(gpciFile(rows), 2025)).message).toBe(
      'Row 7, column Locality Number (C): repeats locality 10112-00, first given on row 4; each contractor and locality may appear once.',
    );
  });

  it('refuses a file cut off in the middle of a row, and one with no localities', () => {
    expect(errorOf(() => parseGpciFile(gpciFile(GPCI.slice(0, 4)).slice(0, -12), 2025)).message).toMatch(/^Row 4 has 6 columns where the header has at least 7/);
    expect(errorOf(() => parseGpciFile(gpciFile(GPCI.slice(0, 3)), 2025)).message).toMatch(/header but no locality rows/);
  });

  it("refuses another year's file", () => {
    expect(errorOf(() => parseGpciFile(gpciFile(), 2024)).message).toMatch(/column "2025 PW GPCI \(with 1.0 Floor\)" is for 2025, not 2024/);
  });
});
