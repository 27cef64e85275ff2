import { departmentOptions } from '../department-options';

describe('departmentOptions', () => {
  it('lists the departments with lines, sorted by code', () => {
    expect(
      departmentOptions({
        rows: [
          { department: 'RAD', lines: 3 },
          { department: 'CARD', lines: 12 },
          { department: 'EMPTY', lines: 0 },
          { department: null, lines: 4 },
        ],
      }),
    ).toEqual({
      options: [
        { value: 'CARD', label: 'CARD' },
        { value: 'RAD', label: 'RAD' },
      ],
      hasLines: true,
    });
  });

  it('says when there are no lines at all', () => {
    expect(departmentOptions({ rows: [] })).toEqual({ options: [], hasLines: false });
  });
});
