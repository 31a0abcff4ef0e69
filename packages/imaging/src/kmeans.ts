/** mulberry32: a tiny seeded PRNG, so the same pixels always give the same palette. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Clusters {
  /** dims values per center. */
  centers: Float64Array[];
  /** Points assigned to each center. */
  counts: number[];
}

function squaredDistance(points: Float64Array, index: number, center: Float64Array, dims: number): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const diff = (points[index * dims + d] ?? 0) - (center[d] ?? 0);
    sum += diff * diff;
  }
  return sum;
}

function pointAt(points: Float64Array, index: number, dims: number): Float64Array {
  return points.slice(index * dims, index * dims + dims);
}

// k-means++: each next center is drawn with probability proportional to its squared distance from the
// nearest chosen one. Stops early when every point coincides with a center (an image with 2 colors gets 2).
function initialCenters(points: Float64Array, dims: number, k: number, random: () => number): Float64Array[] {
  const n = points.length / dims;
  const centers = [pointAt(points, Math.floor(random() * n), dims)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (centers.length < k) {
    const latest = centers[centers.length - 1] as Float64Array;
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i] ?? 0, squaredDistance(points, i, latest, dims));
      total += nearest[i] ?? 0;
    }
    if (total < 1e-9) break;
    let target = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] ?? 0;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    centers.push(pointAt(points, chosen, dims));
  }
  return centers;
}

/** Assigns each 3-d point to its nearest center; returns how many assignments changed. */
function assign3(points: Float64Array, centers: Float64Array, k: number, assignment: Int32Array): number {
  let changed = 0;
  for (let i = 0, p = 0; i < assignment.length; i++, p += 3) {
    const x = points[p] as number;
    const y = points[p + 1] as number;
    const z = points[p + 2] as number;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, q = 0; c < k; c++, q += 3) {
      const dx = x - (centers[q] as number);
      const dy = y - (centers[q + 1] as number);
      const dz = z - (centers[q + 2] as number);
      // Summed in the same order as squaredDistance, so both paths give identical clusters.
      const distance = dx * dx + dy * dy + dz * dz;
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    if (assignment[i] !== best) changed++;
    assignment[i] = best;
  }
  return changed;
}

/** The same for any number of dimensions (~1.5x slower on the palette's 3-d points than assign3). */
function assignAny(
  points: Float64Array,
  dims: number,
  centers: Float64Array,
  k: number,
  assignment: Int32Array,
): number {
  let changed = 0;
  for (let i = 0, p = 0; i < assignment.length; i++, p += dims) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, q = 0; c < k; c++, q += dims) {
      let distance = 0;
      for (let d = 0; d < dims; d++) {
        const diff = (points[p + d] as number) - (centers[q + d] as number);
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    if (assignment[i] !== best) changed++;
    assignment[i] = best;
  }
  return changed;
}

/**
 * Lloyd's k-means with k-means++ seeding; deterministic for a given seed. The centers live in one flat
 * array and 3-d points (the palette's OKLab samples) take an unrolled path: the palette's k-means was
 * the worker's costliest JS function in `pnpm bench:pipeline`'s profile.
 */
export function kMeans(
  points: Float64Array,
  dims: number,
  k: number,
  seed = 1,
  maxIterations = 24,
): Clusters {
  const n = points.length / dims;
  if (n === 0) return { centers: [], counts: [] };
  const initial = initialCenters(points, dims, k, seededRandom(seed));
  const m = initial.length;
  const centers = new Float64Array(m * dims);
  for (const [c, center] of initial.entries()) centers.set(center, c * dims);
  const assignment = new Int32Array(n).fill(-1);
  const sums = new Float64Array(m * dims);
  const counts = new Int32Array(m);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const changed =
      dims === 3 ? assign3(points, centers, m, assignment) : assignAny(points, dims, centers, m, assignment);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let d = 0; d < dims; d++)
        sums[c * dims + d] = (sums[c * dims + d] as number) + (points[i * dims + d] as number);
    }
    for (let c = 0; c < m; c++) {
      const count = counts[c] as number;
      // An emptied cluster keeps its old center; it is reported with count 0 and dropped by callers.
      if (count > 0)
        for (let d = 0; d < dims; d++) centers[c * dims + d] = (sums[c * dims + d] as number) / count;
    }
    if (changed === 0) break;
  }
  return {
    centers: Array.from({ length: m }, (_, c) => centers.slice(c * dims, c * dims + dims)),
    counts: Array.from(counts),
  };
}
