import { inlineParameters, sqlLiteral } from '../export-sql-literals.js';

describe('SQL literals for COPY', () => {
  it('quotes text, doubling quotes, and writes backslashes in an E string', () => {
    expect(sqlLiteral('CARD')).toBe("'CARD'");
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
  });

  it('writes finite numbers as they are, negatives in parentheses, and refuses the rest', () => {
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-3)).toBe('(-3)');
    expect(() => sqlLiteral(Number.NaN)).toThrow(RangeError);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('writes arrays element by element, an empty one too', () => {
    expect(sqlLiteral(['a', "b'c", null])).toBe("ARRAY['a', 'b''c', NULL]");
    expect(sqlLiteral([1, 2])).toBe('ARRAY[1, 2]');
    expect(sqlLiteral([])).toBe('ARRAY[]');
  });

  it('refuses what it cannot write safely', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(RangeError);
    expect(() => sqlLiteral([['nested']])).toThrow(RangeError);
    expect(() => sqlLiteral({})).toThrow(TypeError);
    expect(() => sqlLiteral(true)).toThrow(TypeError);
  });

  it('puts each value in once: a value holding $1 stays a value', () => {
    const text = inlineParameters({ text: 'SELECT $1::text, $2::text[] LIMIT $3', values: ['$2', ['$1', "'"], 5] });
    expect(text).toBe("SELECT '$2'::text, ARRAY['$1', '''']::text[] LIMIT 5");
  });

  it('reads $10 as the tenth value, not the first followed by a zero', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters({ text: `SELECT ${values.map((v) => `$${v}`).join(', ')}`, values })).toBe(`SELECT ${values.join(', ')}`);
  });

  it('refuses a statement whose parameters and values do not match', () => {
    expect(() => inlineParameters({ text: 'SELECT $2', values: ['a'] })).toThrow(RangeError);
    expect(() => inlineParameters({ text: 'SELECT $1', values: ['a', 'b'] })).toThrow(RangeError);
  });
});
