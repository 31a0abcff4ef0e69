/** Pure rules on the implication graph (antecedent → consequent edges). */
export type Edge = readonly [antecedent: number, consequent: number];

export type ImplicationCheck =
  | { ok: true }
  | { ok: false; kind: "self" }
  | { ok: false; kind: "exists" }
  | { ok: false; kind: "cycle"; path: number[] }
  | { ok: false; kind: "already_implied"; path: number[] }
  | { ok: false; kind: "makes_redundant"; links: Edge[] };

function adjacency(edges: readonly Edge[], reverse = false): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const [from, to] of edges) {
    const key = reverse ? to : from;
    const value = reverse ? from : to;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** Shortest path from `from` to `to` (inclusive), or null. Breadth-first so the reported path is short. */
export function findPath(edges: readonly Edge[], from: number, to: number): number[] | null {
  const next = adjacency(edges);
  const parent = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as number;
    if (node === to) {
      const path = [to];
      let cursor = to;
      while (cursor !== from) {
        cursor = parent.get(cursor) as number;
        path.unshift(cursor);
      }
      return path;
    }
    for (const child of next.get(node) ?? []) {
      if (!parent.has(child)) {
        parent.set(child, node);
        queue.push(child);
      }
    }
  }
  return null;
}

/** Every node reachable from the starts (the starts included). */
export function reachable(edges: readonly Edge[], starts: Iterable<number>, reverse = false): Set<number> {
  const next = adjacency(edges, reverse);
  const seen = new Set<number>(starts);
  const stack = [...seen];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (const child of next.get(node) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return seen;
}

/**
 * Danbooru's rules for a new implication a → b: no self link, no duplicate, no cycle (b must not
 * already reach a), not redundant (a must not already reach b), and it must not make an existing
 * link x → y redundant (x reaches a and b reaches y, so x → a → b → y would replace it).
 */
export function checkNewImplication(edges: readonly Edge[], a: number, b: number): ImplicationCheck {
  if (a === b) return { ok: false, kind: "self" };
  if (edges.some(([x, y]) => x === a && y === b)) return { ok: false, kind: "exists" };
  const back = findPath(edges, b, a);
  if (back) return { ok: false, kind: "cycle", path: [a, ...back] };
  const forward = findPath(edges, a, b);
  if (forward) return { ok: false, kind: "already_implied", path: forward };
  const ancestors = reachable(edges, [a], true);
  const descendants = reachable(edges, [b]);
  const links = edges.filter(([x, y]) => ancestors.has(x) && descendants.has(y));
  if (links.length > 0) return { ok: false, kind: "makes_redundant", links };
  return { ok: true };
}

/** Tags implied by the roots through any chain, excluding the roots themselves. */
export function impliedBy(edges: readonly Edge[], roots: Iterable<number>): Set<number> {
  const rootSet = new Set(roots);
  const all = reachable(edges, rootSet);
  for (const root of rootSet) all.delete(root);
  return all;
}
