/**
 * The content embedding: MobileNetV2's pooled last feature map (1280 values, the layer before the
 * nsfwjs classifier head) reduced to EMBEDDING_DIMENSIONS by a fixed random projection and scaled to
 * unit length, so the Euclidean distance of two embeddings ranks like their cosine similarity.
 *
 * Why a projection: PostgreSQL's `cube` holds at most 100 dimensions (CUBE_MAX_DIM), and a Gaussian
 * random projection keeps pairwise distances within a few per cent in expectation (Johnson–Lindenstrauss)
 * without a trained reduction this project has no data for. The matrix comes from a fixed seed, so
 * every process and every re-run computes the same embedding; changing the seed or the size means a
 * new EMBEDDING_VERSION and a backfill (the classify step re-run).
 */
export const EMBEDDING_DIMENSIONS = 64;
export const EMBEDDING_VERSION = 1;
const SEED = 0x5eed_0001;

/** mulberry32: a small deterministic PRNG (the projection must be the same everywhere). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const projections = new Map<number, Float32Array>();

/** The `inputs` x EMBEDDING_DIMENSIONS projection matrix (row-major by input), standard normal entries. */
function projection(inputs: number): Float32Array {
  let matrix = projections.get(inputs);
  if (matrix) return matrix;
  const next = random(SEED);
  matrix = new Float32Array(inputs * EMBEDDING_DIMENSIONS);
  for (let i = 0; i < matrix.length; i += 2) {
    // Box–Muller: two normals from two uniforms.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    matrix[i] = radius * Math.cos(angle);
    if (i + 1 < matrix.length) matrix[i + 1] = radius * Math.sin(angle);
  }
  projections.set(inputs, matrix);
  return matrix;
}

/** Projects pooled features to a unit-length embedding (all zeros stay zeros). */
export function projectEmbedding(features: ArrayLike<number>): number[] {
  const matrix = projection(features.length);
  const out = new Float64Array(EMBEDDING_DIMENSIONS);
  for (let i = 0; i < features.length; i++) {
    const value = features[i] ?? 0;
    if (value === 0) continue; // ReLU features: most are zero
    const row = i * EMBEDDING_DIMENSIONS;
    for (let d = 0; d < EMBEDDING_DIMENSIONS; d++) out[d] = (out[d] ?? 0) + value * (matrix[row + d] ?? 0);
  }
  let norm = 0;
  for (const value of out) norm += value * value;
  norm = Math.sqrt(norm);
  return Array.from(out, (value) => (norm > 0 ? Math.fround(value / norm) : 0));
}

/** Euclidean distance of two embeddings (0 same, 2 opposite): the one measure `similar` ranks by. */
export function embeddingDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) {
    const diff = (a[d] ?? 0) - (b[d] ?? 0);
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

/**
 * The embedding's 64 sign bits as one signed 64-bit integer (bit d set when dimension d is positive):
 * two embeddings' Hamming distance estimates their angle (SimHash), the prefilter `similar` scans.
 */
export function embeddingSignHash(embedding: readonly number[]): bigint {
  let hash = 0n;
  for (let d = 0; d < EMBEDDING_DIMENSIONS; d++) if ((embedding[d] ?? 0) > 0) hash |= 1n << BigInt(d);
  return BigInt.asIntN(64, hash);
}
