import { fieldBytes, putBytes, putCents, putInt, putPad6, putPad8, putRange } from './byte-writer.js';
import { csvHeader } from './csv.js';
import type { LineEngine } from './line-engine.js';
import { PAYERS } from './payers.js';
import { MODIFIERS, REASONS, STATUSES } from './vocabulary.js';

const CHUNK_BYTES = 1 << 16;
/** More than any demo row needs (longest vocabulary entries + numbers are ~250 bytes). */
const ROW_ROOM = 1024;
const COMMA = 44;
const MAX_FIELD_BYTES = 48;

/**
 * Encodes the engine's lines straight into ~64 KB Buffers, byte-identical to
 * csvRow(RowFormatter row) but without a string per field: every text value comes from a
 * small vocabulary encoded once, numbers are written digit by digit.
 */
export class DemoCsvEncoder {
  private buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;
  private readonly head = new Uint8Array(256);
  private headLength = 0;
  private readonly middle = new Uint8Array(256);
  private middleLength = 0;
  private readonly tail = new Uint8Array(256);
  private tailLength = 0;
  private readonly iso: Uint8Array[];
  private readonly encounterPrefix: Uint8Array[];
  private readonly deptCode: Uint8Array[];
  private readonly codes: Uint8Array[][];
  private readonly places: Uint8Array[][];
  private readonly npis: Uint8Array[][];
  private readonly payerName = PAYERS.map((p) => fieldBytes(p.name));
  private readonly payerCategory = PAYERS.map((p) => fieldBytes(p.category));
  private readonly modifiers = MODIFIERS.map(fieldBytes);
  private readonly statuses = STATUSES.map(fieldBytes);
  private readonly reasons = REASONS.map(fieldBytes);

  constructor(private readonly engine: LineEngine) {
    const { cal, depts } = engine;
    this.iso = cal.iso.map(fieldBytes);
    this.encounterPrefix = cal.compact.map((d) => fieldBytes(`E${d}-`));
    this.deptCode = depts.map((d) => fieldBytes(d.code));
    this.codes = depts.map((d) => d.table.codes.map(fieldBytes));
    this.places = depts.map((d) => d.pos.map(fieldBytes));
    this.npis = depts.map((d) => d.npis.map(fieldBytes));
    this.offset = putBytes(this.buf, 0, Buffer.from(csvHeader(), 'utf8'));
    const longest = [this.deptCode, ...this.codes, ...this.places, ...this.npis, this.payerName, this.payerCategory, this.reasons]
      .flat()
      .reduce((max, bytes) => Math.max(max, bytes.length), 0);
    // The per-encounter scratch segments (256 bytes) and ROW_ROOM assume short vocabulary.
    if (longest > MAX_FIELD_BYTES) throw new Error(`demo vocabulary entry of ${longest} bytes exceeds ${MAX_FIELD_BYTES}`);
  }

  /** Appends the engine's current line; returns a full chunk to hand off, or undefined. */
  push(): Buffer | undefined {
    const out = this.buf.length - this.offset < ROW_ROOM ? this.take() : undefined;
    const e = this.engine;
    if (e.lineNo === 1) this.startEncounter();
    const buf = this.buf;
    let p = putRange(buf, this.offset, this.head, this.headLength);
    p = putInt(buf, p, e.lineNo);
    p = putRange(buf, p, this.middle, this.middleLength);
    p = putBytes(buf, p, this.codes[e.dept.index][e.codeIndex]);
    buf[p++] = COMMA;
    p = putBytes(buf, p, this.modifiers[e.modifier]);
    buf[p++] = COMMA;
    p = putInt(buf, p, e.units);
    p = putRange(buf, p, this.tail, this.tailLength);
    p = putCents(buf, p, e.charge);
    buf[p++] = COMMA;
    p = putCents(buf, p, e.allowed);
    buf[p++] = COMMA;
    p = putCents(buf, p, e.paid);
    buf[p++] = COMMA;
    p = putBytes(buf, p, this.statuses[e.status]);
    buf[p++] = COMMA;
    p = putBytes(buf, p, this.reasons[e.reason]);
    buf[p++] = COMMA;
    if (e.minutes >= 0) p = putInt(buf, p, e.minutes);
    buf[p++] = 10;
    this.offset = p;
    return out;
  }

  /**
   * The fields an encounter's lines share, pre-encoded once per encounter:
   * head `encounter_id,`, middle `,patient_id,service_date,department,` and tail
   * `,place_of_service,payer,payer_category,provider_npi,`.
   */
  private startEncounter(): void {
    const e = this.engine;
    const k = e.dept.index;
    let p = putBytes(this.head, 0, this.encounterPrefix[e.day]);
    p = putPad6(this.head, p, e.seq);
    this.head[p++] = COMMA;
    this.headLength = p;
    const m = this.middle;
    m[0] = COMMA;
    m[1] = 80; // P
    p = putPad8(m, 2, e.patientNumber);
    m[p++] = COMMA;
    p = putBytes(m, p, this.iso[e.day]);
    m[p++] = COMMA;
    p = putBytes(m, p, this.deptCode[k]);
    m[p++] = COMMA;
    this.middleLength = p;
    const t = this.tail;
    t[0] = COMMA;
    p = putBytes(t, 1, this.places[k][e.posIndex]);
    t[p++] = COMMA;
    p = putBytes(t, p, this.payerName[e.payer]);
    t[p++] = COMMA;
    p = putBytes(t, p, this.payerCategory[e.payer]);
    t[p++] = COMMA;
    if (e.npiIndex >= 0) p = putBytes(t, p, this.npis[k][e.npiIndex]);
    t[p++] = COMMA;
    this.tailLength = p;
  }

  /** The bytes not yet handed off (possibly empty). */
  flush(): Buffer {
    return this.take();
  }

  private take(): Buffer {
    const chunk = this.buf.subarray(0, this.offset);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
    return chunk;
  }
}
