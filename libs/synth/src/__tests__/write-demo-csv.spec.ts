import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { csvHeader, csvRow, generateLines, writeDemoCsv } from '../index.js';

/** A sink that takes one chunk at a time, asynchronously, to force backpressure. */
function slowSink(chunks: Buffer[]): Writable {
  return new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
}

describe('writeDemoCsv', () => {
  const opts = { lines: 30_000, seed: 23, endDate: '2025-04-30' };

  it('writes the header and the same bytes as generateLines + csvRow', async () => {
    const chunks: Buffer[] = [];
    const sink = slowSink(chunks);
    const result = await writeDemoCsv(opts, sink);
    let expected = csvHeader();
    for (const row of generateLines(opts)) expected += csvRow(row);
    expect(result).toEqual({ lines: 30_000 });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('waits for drain instead of buffering the file', async () => {
    let maxBuffered = 0;
    const sink = slowSink([]);
    const write = sink.write.bind(sink) as (chunk: Buffer) => boolean;
    sink.write = ((chunk: Buffer) => {
      const ok = write(chunk);
      maxBuffered = Math.max(maxBuffered, sink.writableLength);
      return ok;
    }) as typeof sink.write;
    await writeDemoCsv({ ...opts, lines: 50_000 }, sink);
    expect(maxBuffered).toBeLessThanOrEqual(2 * 65_536);
  });

  it('ends the stream and resolves once the file is complete', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synth-'));
    try {
      const path = join(dir, 'demo.csv');
      const file = createWriteStream(path);
      const { lines } = await writeDemoCsv({ ...opts, lines: 5_000 }, file);
      expect(file.writableFinished).toBe(true);
      const text = await readFile(path, 'utf8');
      expect(text.split('\n')).toHaveLength(lines + 2);
      expect(text.endsWith('\n')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects when the stream fails', async () => {
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    await expect(writeDemoCsv({ ...opts, lines: 20_000 }, sink)).rejects.toThrow('disk full');
  });
});
