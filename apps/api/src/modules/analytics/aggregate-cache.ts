import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AggregateResponse } from '@caseload/contracts';

interface Entry {
  answer: Promise<AggregateResponse>;
  bytes: number;
  /** The answer as JSON, kept once written so that repeated requests skip serialising it. */
  json?: string;
  etag?: string;
}

/** An answer, the same as the JSON text the API sends, and an entity tag for that text. */
export interface SerializedAnswer {
  answer: AggregateResponse;
  json: string;
  etag: string;
}

/** A weak entity tag of a cache key (question + data version): the same key, the same answer. */
function etagOf(key: string): string {
  return `W/"${createHash('sha1').update(key).digest('base64url')}"`;
}

/** Room for the answers of many dashboards; the least recently used go first. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/**
 * Answers keyed by the whole question (query, scope) and the version of the data. Data only
 * change by an import, which moves the version on, so a cached answer is never stale: it is
 * simply never asked for again. Identical requests that arrive together share one computation.
 */
@Injectable()
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  async getOrCompute(key: string, compute: () => Promise<AggregateResponse>): Promise<SerializedAnswer> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      const answer = await hit.answer;
      return { answer, json: (hit.json ??= JSON.stringify(answer)), etag: (hit.etag ??= etagOf(key)) };
    }
    const entry: Entry = { answer: compute(), bytes: 0 };
    this.entries.set(key, entry);
    try {
      const answer = await entry.answer;
      const json = (entry.json ??= JSON.stringify(answer));
      const etag = (entry.etag ??= etagOf(key));
      entry.bytes = key.length + json.length;
      this.bytes += entry.bytes;
      this.evict();
      return { answer, json, etag };
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }

  /** Stores a freshly computed answer, replacing any earlier one under the key. */
  put(key: string, answer: AggregateResponse): SerializedAnswer {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    const json = JSON.stringify(answer);
    const etag = etagOf(key);
    const bytes = key.length + json.length;
    this.entries.set(key, { answer: Promise.resolve(answer), bytes, json, etag });
    this.bytes += bytes;
    this.evict();
    return { answer, json, etag };
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= MAX_BYTES && this.entries.size <= MAX_ENTRIES) break;
      if (entry.bytes === 0) continue; // still being computed
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}
