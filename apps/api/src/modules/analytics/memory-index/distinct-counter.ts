/**
 * Counts distinct integer keys across many runs without sorting or hashing: a stamp per key
 * says in which count it was last seen. One array serves every group of a query in turn.
 */
export class DistinctCounter {
  private stamps = new Uint32Array(1 << 16);
  private epoch = 0;

  /** Opens a new count; keys of earlier counts no longer match. */
  begin(): void {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
  }

  /** Adds keys[from..to) to the open count; returns how many of them were new to it. */
  add(keys: Int32Array, from: number, to: number, largest: number): number {
    if (largest >= this.stamps.length) this.grow(largest);
    const stamps = this.stamps;
    const epoch = this.epoch;
    let fresh = 0;
    for (let i = from; i < to; i++) {
      const key = keys[i]!;
      if (stamps[key] !== epoch) {
        stamps[key] = epoch;
        fresh++;
      }
    }
    return fresh;
  }

  /**
   * Adds keys[from..to) to the open count, and counts each new key under its class
   * (`counts[classes[key] - 1]`). Returns false, leaving the counts incomplete, as soon as a
   * new key has no single class (0: unknown; 255: several).
   */
  tally(keys: Int32Array, from: number, to: number, largest: number, classes: Uint8Array, counts: Float64Array): boolean {
    if (largest >= this.stamps.length) this.grow(largest);
    const stamps = this.stamps;
    const epoch = this.epoch;
    for (let i = from; i < to; i++) {
      const key = keys[i]!;
      if (stamps[key] === epoch) continue;
      stamps[key] = epoch;
      const kind = key < classes.length ? classes[key]! : 0;
      if (kind === 0 || kind === 255) return false;
      counts[kind - 1]!++;
    }
    return true;
  }

  private grow(key: number): void {
    this.stamps = grownToHold(this.stamps, key);
  }
}

/** The array, or a copy twice as long as often as needed, so that index `key` is in it. */
export function grownToHold<T extends Uint8Array | Uint32Array>(array: T, key: number): T {
  let size = array.length;
  if (key < size) return array;
  while (size <= key) size *= 2;
  const grown = new (array.constructor as new (length: number) => T)(size);
  grown.set(array);
  return grown;
}
