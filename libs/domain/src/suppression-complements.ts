// Choosing the complementary blanks (DESIGN §7): first the usual line rule, then an exact check
// that adds blanks until no blanked value can be derived from what is published.

import { isDisclosed, type ArcState, type FlowNetwork } from './suppression-network.js';

/**
 * Cells before totals and, among equals, the candidate whose other line also holds a lone blank
 * (one blank then protects two lines), then the smallest value.
 */
function preference(network: FlowNetwork, states: readonly ArcState[], rank: readonly number[], node: number, arcIndex: number) {
  const arc = network.arcs[arcIndex];
  const other = arc.from === node ? arc.to : arc.from;
  const pairsUp = loneBlank(network, states, other) ? 0 : 1;
  return [rank[arcIndex], pairsUp, arc.value, arcIndex];
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** A node whose equation is published and which holds exactly one blank: that blank is derivable. */
function loneBlank(network: FlowNetwork, states: readonly ArcState[], node: number): boolean {
  let blanks = 0;
  for (const arcIndex of network.incident[node]) {
    if (states[arcIndex] === 'unpublished') return false;
    if (states[arcIndex] === 'blanked') blanks++;
  }
  return blanks === 1;
}

/** The published non-zero value at `node` best suited to blank next; zeros are facts and never blanked. */
function candidateAt(network: FlowNetwork, states: readonly ArcState[], rank: readonly number[], node: number) {
  let best: number | undefined;
  let bestKey: number[] = [];
  for (const arcIndex of network.incident[node]) {
    if (states[arcIndex] !== 'published' || network.arcs[arcIndex].value === 0) continue;
    const key = preference(network, states, rank, node, arcIndex);
    if (best === undefined || before(key, bestKey)) [best, bestKey] = [arcIndex, key];
  }
  return best === undefined ? undefined : { arcIndex: best, key: bestKey };
}

/** Blank a second value in every line that holds exactly one blank, until none does. */
export function completeLines(network: FlowNetwork, states: ArcState[], rank: readonly number[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < network.nodeCount; node++) {
      if (!loneBlank(network, states, node)) continue;
      // A lone blank is never a line's only non-zero value (the line would not balance), so a
      // candidate exists.
      const candidate = candidateAt(network, states, rank, node);
      if (candidate === undefined) continue;
      states[candidate.arcIndex] = 'blanked';
      changed = true;
    }
  }
}

/**
 * The nearest published non-zero value to a disclosed one: in its own two lines if any, else in
 * the lines one step further out, and so on.
 */
function nearestCandidate(network: FlowNetwork, states: readonly ArcState[], rank: readonly number[], arcIndex: number) {
  const seen = new Set<number>([network.arcs[arcIndex].from, network.arcs[arcIndex].to]);
  for (let layer = [...seen]; layer.length > 0; ) {
    let best: { arcIndex: number; key: number[] } | undefined;
    for (const node of layer) {
      const candidate = candidateAt(network, states, rank, node);
      if (candidate !== undefined && (best === undefined || before(candidate.key, best.key))) best = candidate;
    }
    if (best !== undefined) return best.arcIndex;
    const next: number[] = [];
    for (const node of layer) {
      for (const neighbourArc of network.incident[node]) {
        const arc = network.arcs[neighbourArc];
        for (const end of [arc.from, arc.to]) {
          if (!seen.has(end)) {
            seen.add(end);
            next.push(end);
          }
        }
      }
    }
    layer = next;
  }
  return undefined;
}

/**
 * Adds complementary blanks to `states` (which holds the primary blanks) until every blank keeps a
 * derivable range at least `minimumRange` wide. Terminates: each round blanks at least one more
 * value, and once every non-zero value is blank nothing is derivable (doubling every blank keeps
 * all published equations true).
 */
export function protect(network: FlowNetwork, states: ArcState[], rank: readonly number[], minimumRange: number): void {
  // Blanking more only widens what a reader must allow for, so a blank found safe stays safe
  // and is not checked again.
  const safe = new Set<number>();
  for (;;) {
    completeLines(network, states, rank);
    const disclosed: number[] = [];
    states.forEach((state, arcIndex) => {
      if (state !== 'blanked' || safe.has(arcIndex)) return;
      if (isDisclosed(network, states, arcIndex, minimumRange)) disclosed.push(arcIndex);
      else safe.add(arcIndex);
    });
    if (disclosed.length === 0) return;
    // One new blank per line per round keeps the added blanks few; the next round re-checks.
    const touched = new Set<number>();
    for (const arcIndex of disclosed) {
      const { from, to } = network.arcs[arcIndex];
      if (touched.has(from) || touched.has(to)) continue;
      const pick = nearestCandidate(network, states, rank, arcIndex);
      if (pick === undefined) continue;
      states[pick] = 'blanked';
      touched.add(from).add(to);
    }
    // Unreachable by the argument above; guards against an endless loop should it ever fail.
    if (touched.size === 0) throw new Error('small-cell suppression found a disclosed value it cannot protect');
  }
}
