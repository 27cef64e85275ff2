import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CapacityModel } from './capacity-model-rows.js';

const MAX_ENTRIES = 200;

/**
 * Capacity answers keyed by the question, the asking scope, the data version and a digest of
 * the model: an import or an edit of the model changes the key, so an answer is never stale.
 * Answers that are being computed are shared by identical requests that arrive together.
 */
@Injectable()
export class CapacityCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  static modelDigest(model: CapacityModel): string {
    return createHash('sha1').update(JSON.stringify(model)).digest('base64url');
  }

  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const answer = compute();
    this.entries.set(key, answer);
    answer.catch(() => this.entries.delete(key));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
