import { describe, expect, it } from "vitest";
import { EMBEDDING_DIMENSIONS, embeddingDistance, embeddingSignHash, projectEmbedding } from "./embedding.ts";

const features = (seed: number) =>
  Array.from({ length: 1280 }, (_, i) => Math.max(0, Math.sin(i * seed) * 3));

describe("projectEmbedding", () => {
  it("is deterministic, unit length and 64 dimensions", () => {
    const a = projectEmbedding(features(1.3));
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(projectEmbedding(features(1.3))).toEqual(a);
  });

  it("keeps close features close and different features apart", () => {
    const base = features(1.3);
    const nudged = base.map((value, i) => value + (i % 7 === 0 ? 0.05 : 0));
    const other = features(2.9);
    const near = embeddingDistance(projectEmbedding(base), projectEmbedding(nudged));
    const far = embeddingDistance(projectEmbedding(base), projectEmbedding(other));
    expect(near).toBeLessThan(0.1);
    expect(far).toBeGreaterThan(near * 5);
  });

  it("hashes the sign of each dimension into one signed 64-bit integer", () => {
    const positive = Array.from({ length: 64 }, () => 0.125);
    expect(embeddingSignHash(positive)).toBe(-1n);
    const first = Array.from({ length: 64 }, (_, d) => (d === 0 ? 1 : -0.01));
    expect(embeddingSignHash(first)).toBe(1n);
  });
});
