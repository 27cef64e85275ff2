import { CopyLineSplitter, copyField } from '../export-copy-text.js';

describe('COPY text format', () => {
  it('reads \\N as null and undoes the escapes of backslashes and control characters', () => {
    expect(copyField('\\N')).toBeNull();
    expect(copyField('plain')).toBe('plain');
    expect(copyField('a\\\\b')).toBe('a\\b');
    expect(copyField('tab\\there\\nline\\rcr')).toBe('tab\there\nline\rcr');
    expect(copyField('\\b\\f\\v')).toBe('\b\f\v');
    expect(copyField('\\\\N')).toBe('\\N');
    expect(copyField('oct\\101hex\\x42')).toBe('octAhexB');
  });

  it('cuts chunks into whole lines, a line or a UTF-8 character split across chunks included', () => {
    const bytes = Buffer.from('a\tÉté\n2\t€\nlast\n', 'utf8');
    const lines = new CopyLineSplitter();
    const seen: string[] = [];
    // One byte at a time: every split point, the middle of each multi-byte character among them.
    for (let i = 0; i < bytes.length; i++) seen.push(...lines.push(bytes.subarray(i, i + 1)));
    seen.push(...lines.end());
    expect(seen).toEqual(['a\tÉté', '2\t€', 'last']);
  });

  it('keeps a last line that has no newline', () => {
    const lines = new CopyLineSplitter();
    expect(lines.push(Buffer.from('x\ny'))).toEqual(['x']);
    expect(lines.end()).toEqual(['y']);
    expect(lines.end()).toEqual([]);
  });
});
