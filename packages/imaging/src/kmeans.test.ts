import { describe, expect, it } from "vitest";
import { kMeans, seededRandom } from "./kmeans.ts";

function blobs(seed: number): Float64Array {
  const random = seededRandom(seed);
  const centers = [
    [0, 0],
    [10, 10],
    [0, 10],
  ];
  const points = new Float64Array(600 * 2);
  for (let i = 0; i < 600; i++) {
    const c = centers[i % 3] as number[];
    points[i * 2] = (c[0] ?? 0) + random() - 0.5;
    points[i * 2 + 1] = (c[1] ?? 0) + random() - 0.5;
  }
  return points;
}

describe("kMeans", () => {
  it("is deterministic for a seed", () => {
    const points = blobs(3);
    expect(kMeans(points, 2, 5, 42)).toEqual(kMeans(points, 2, 5, 42));
  });

  it("finds well separated clusters with their sizes", () => {
    const { centers, counts } = kMeans(blobs(5), 2, 3, 1);
    const found = centers.map((c) => [Math.round(c[0] ?? 0), Math.round(c[1] ?? 0)].join(",")).sort();
    expect(found).toEqual(["0,0", "0,10", "10,10"]);
    expect(counts).toEqual([200, 200, 200]);
  });

  it("returns fewer centers than asked when there are fewer distinct points", () => {
    const points = Float64Array.from([1, 1, 1, 1, 5, 5, 5, 5]);
    expect(kMeans(points, 2, 5, 1).centers).toHaveLength(2);
  });

  it("seeded random differs by seed and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    const values = Array.from({ length: 100 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(b()).not.toBe(seededRandom(1)());
  });
});
