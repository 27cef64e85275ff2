import { grainHeader, grainNoun } from '../grain-words';

describe('grain words', () => {
  it('names a grain in a sentence and in a header', () => {
    expect(grainNoun('fiscal_year')).toBe('fiscal year');
    expect(grainHeader('week')).toBe('Week');
  });

  it('says period for an unknown grain', () => {
    expect(grainNoun('fortnight')).toBe('period');
    expect(grainHeader('')).toBe('Period');
  });
});
