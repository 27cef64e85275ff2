import { rejectionPage, toRejectionRows } from '../rejection-rows';

describe('toRejectionRows', () => {
  it('prints row, column, reason and the masked line as sent', () => {
    const rows = toRejectionRows(
      [
        { rowNumber: 4, column: 'service_date', reason: 'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY; got "5 Jan 2023"', raw: 'BD-E3,***,5 Jan 2023,CARD,99213' },
        { rowNumber: 1204, column: null, reason: 'The line has 3 fields; the header has 5.', raw: '' },
      ],
      { locale: 'en-US' },
    );
    expect(rows).toEqual([
      { key: '4-0', rowNumber: '4', column: 'service_date', reason: 'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY; got "5 Jan 2023"', raw: 'BD-E3,***,5 Jan 2023,CARD,99213' },
      { key: '1204-1', rowNumber: '1,204', column: 'Whole row', reason: 'The line has 3 fields; the header has 5.', raw: '(empty line)' },
    ]);
  });
});

describe('rejectionPage', () => {
  it('shows everything on one page when it fits', () => {
    expect(rejectionPage(3, 1, 50)).toEqual({ page: 1, pageCount: 1, offset: 0, limit: 50, caption: '3 rejected rows', hasPrevious: false, hasNext: false });
    expect(rejectionPage(1, 1, 50).caption).toBe('1 rejected row');
  });

  it('slices a long list into pages and says which rows a page holds', () => {
    expect(rejectionPage(137, 2, 50, { locale: 'en-US' })).toEqual({
      page: 2,
      pageCount: 3,
      offset: 50,
      limit: 50,
      caption: 'Rejected rows 51–100 of 137',
      hasPrevious: true,
      hasNext: true,
    });
    expect(rejectionPage(137, 3, 50)).toMatchObject({ offset: 100, caption: 'Rejected rows 101–137 of 137', hasNext: false });
  });

  it('brings a page out of range back within the list', () => {
    expect(rejectionPage(137, 9, 50)).toMatchObject({ page: 3, offset: 100 });
    expect(rejectionPage(137, 0, 50)).toMatchObject({ page: 1, offset: 0 });
    expect(rejectionPage(0, 4, 50)).toMatchObject({ page: 1, pageCount: 1, offset: 0, caption: '0 rejected rows' });
  });
});
