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

/** Lloyd's k-means with k-means++ seeding; deterministic for a given seed. */
export function kMeans(
  points: Float64Array,
  dims: number,
  k: number,
  seed = 1,
  maxIterations = 24,
): Clusters {
  const n = points.length / dims;
  if (n === 0) return { centers: [], counts: [] };
  const centers = initialCenters(points, dims, k, seededRandom(seed));
  const assignment = new Int32Array(n).fill(-1);
  let counts: number[] = [];
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < centers.length; c++) {
        const distance = squaredDistance(points, i, centers[c] as Float64Array, dims);
        if (distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
    }
    const sums = centers.map(() => new Float64Array(dims));
    counts = centers.map(() => 0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
      const sum = sums[c] as Float64Array;
      for (let d = 0; d < dims; d++) sum[d] = (sum[d] ?? 0) + (points[i * dims + d] ?? 0);
    }
    centers.forEach((center, c) => {
      const count = counts[c] ?? 0;
      // An emptied cluster keeps its old center; it is reported with count 0 and dropped by callers.
      if (count > 0) for (let d = 0; d < dims; d++) center[d] = ((sums[c] as Float64Array)[d] ?? 0) / count;
    });
    if (changed === 0) break;
  }
  return { centers, counts };
}
