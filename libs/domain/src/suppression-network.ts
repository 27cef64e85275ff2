// A published table read as a flow network: every row, every column, the row of column totals
// and the column of row totals is a node where what flows in equals what flows out, and every
// cell or total is an arc between two nodes (source → row → column → sink → source). The
// additive margins are then exactly the flow-conservation equations. Such a constraint matrix
// is totally unimodular, so the integer range of a blanked value equals its linear-programming
// range, and that range is found with max-flow instead of a general LP solver.

/** What a reader of the published file knows about one value. */
export type ArcState = 'published' | 'blanked' | 'unpublished';

export interface Arc {
  readonly from: number;
  readonly to: number;
  readonly value: number;
}

export interface FlowNetwork {
  readonly nodeCount: number;
  readonly arcs: readonly Arc[];
  /** Arc indices that touch each node. */
  readonly incident: readonly (readonly number[])[];
}

export interface ValueRange {
  min: number;
  /** `Infinity` when nothing published bounds the value from above. */
  max: number;
}

export function flowNetwork(nodeCount: number, arcs: readonly Arc[]): FlowNetwork {
  const incident: number[][] = Array.from({ length: nodeCount }, () => []);
  arcs.forEach((arc, index) => {
    incident[arc.from].push(index);
    incident[arc.to].push(index);
  });
  return { nodeCount, arcs, incident };
}

/** Zeros are always published, so a blank is known to hold at least 1; a total left out of the file only ≥ 0. */
export function lowerBound(state: ArcState): number {
  return state === 'blanked' ? 1 : 0;
}

/**
 * How much more flow can go from `source` to `sink` by moving values the reader cannot see,
 * leaving `excluded` alone: hidden values may grow without limit and shrink down to their lower
 * bound. Stops counting at `limit`. Edmonds–Karp; every augmentation is a whole number.
 */
function extraFlow(
  network: FlowNetwork,
  states: readonly ArcState[],
  source: number,
  sink: number,
  excluded: number,
  limit: number,
): number {
  const { arcs, incident, nodeCount } = network;
  const shift = new Float64Array(arcs.length);
  const residual = (arcIndex: number, forward: boolean): number => {
    if (forward) return Infinity;
    const arc = arcs[arcIndex];
    return arc.value + shift[arcIndex] - lowerBound(states[arcIndex]);
  };
  const parent = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);

  // Breadth-first search over the residual arcs; fills `parent` with the arc that reached each node.
  const search = (forwardOnly: boolean): boolean => {
    parent.fill(-1);
    parent[source] = arcs.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const node = queue[head++];
      for (const arcIndex of incident[node]) {
        if (arcIndex === excluded || states[arcIndex] === 'published') continue;
        const arc = arcs[arcIndex];
        const forward = arc.from === node;
        if (forwardOnly && !forward) continue;
        const next = forward ? arc.to : arc.from;
        if (parent[next] !== -1 || residual(arcIndex, forward) <= 0) continue;
        parent[next] = arcIndex;
        if (next === sink) return true;
        queue[tail++] = next;
      }
    }
    return false;
  };

  // A path of values that may only grow means the flow, and so the range, has no upper end.
  // With a finite limit such a path simply ends the count; without one it must be caught first.
  if (limit === Infinity && search(true)) return Infinity;
  let total = 0;
  while (total < limit && search(false)) {
    let bottleneck = Infinity;
    for (let node = sink; node !== source; ) {
      const arcIndex = parent[node];
      const forward = arcs[arcIndex].to === node;
      bottleneck = Math.min(bottleneck, residual(arcIndex, forward));
      node = forward ? arcs[arcIndex].from : arcs[arcIndex].to;
    }
    for (let node = sink; node !== source; ) {
      const arcIndex = parent[node];
      const forward = arcs[arcIndex].to === node;
      shift[arcIndex] += forward ? bottleneck : -bottleneck;
      node = forward ? arcs[arcIndex].from : arcs[arcIndex].to;
    }
    total += bottleneck;
  }
  return total;
}

/** The exact range a reader can derive for a hidden value from everything published. */
export function valueRange(network: FlowNetwork, states: readonly ArcState[], arcIndex: number): ValueRange {
  const arc = network.arcs[arcIndex];
  // Raising the value sends the difference back round from its head to its tail; lowering it,
  // from its tail to its head.
  const up = extraFlow(network, states, arc.to, arc.from, arcIndex, Infinity);
  const room = arc.value - lowerBound(states[arcIndex]);
  const down = room <= 0 ? 0 : Math.min(room, extraFlow(network, states, arc.from, arc.to, arcIndex, room));
  return { min: arc.value - down, max: arc.value + up };
}

/** True when the derivable range of a hidden value is narrower than `minimumRange` (1: known exactly). */
export function isDisclosed(
  network: FlowNetwork,
  states: readonly ArcState[],
  arcIndex: number,
  minimumRange: number,
): boolean {
  const arc = network.arcs[arcIndex];
  const up = extraFlow(network, states, arc.to, arc.from, arcIndex, minimumRange);
  if (up >= minimumRange) return false;
  const room = Math.min(arc.value - lowerBound(states[arcIndex]), minimumRange - up);
  const down = room <= 0 ? 0 : extraFlow(network, states, arc.from, arc.to, arcIndex, room);
  return up + Math.min(room, down) < minimumRange;
}
