// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { floor, imul } = Math;

/**
 * sfc32 ("Small Fast Counting", 128-bit state): fast in V8, passes PractRand, and — unlike
 * Math.random — reproducible, which the demo needs (same seed → byte-identical file).
 */
export class Sfc32 {
  /** Typed storage: int32 state in plain fields would be boxed as heap numbers on every step. */
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream = 0) {
    const lo = seed % 4294967296 | 0;
    const hi = floor(seed / 4294967296) | 0;
    this.s[0] = mix32(lo ^ 0x9e3779b9);
    this.s[1] = mix32(hi ^ 0x85ebca6b);
    this.s[2] = mix32(stream ^ 0xc2b2ae35);
    this.s[3] = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  }
}

/** murmur3's 32-bit finaliser: a good avalanche for hashing small integers. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform in [0, 1) that depends only on its three inputs (no generator state). */
export function hashUnit(seed: number, a: number, b: number): number {
  const h = mix32(mix32(mix32(seed) ^ imul(a + 1, 0x27d4eb2d)) ^ imul(b + 1, 0x165667b1));
  return h / 4294967296;
}

/** Index of the first cumulative weight above `x` (cum ascending, x < cum[last]). */
export function pickIndex(cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Cumulative sums of `weights` as a Float64Array, for `pickIndex`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cum[i] = sum;
  });
  return cum;
}
