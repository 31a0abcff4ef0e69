import { describe, expect, it } from "vitest";
import { decodeAnalysis, encodeAnalysis, type ImageAnalysis, releaseAnalysis } from "./analysis.ts";
import { releaseBuffers } from "./release-buffers.ts";

const plane = (width: number, height: number, channels = 1) => Buffer.alloc(width * height * channels, 7);

describe("releaseBuffers", () => {
  it("frees a buffer that owns its memory, once, and leaves the kept ones alone", () => {
    const owned = Buffer.alloc(64 * 1024);
    const kept = Buffer.alloc(64 * 1024);
    releaseBuffers([owned, owned, kept, undefined], [kept]);
    expect(owned.byteLength).toBe(0);
    expect((owned.buffer as ArrayBuffer).detached).toBe(true);
    expect(kept.byteLength).toBe(64 * 1024);
  });

  it("never detaches memory shared with other views (pooled Buffers, subarrays)", () => {
    const pooled = Buffer.from("small");
    const parent = Buffer.alloc(64 * 1024);
    const view = parent.subarray(16);
    releaseBuffers([pooled, view]);
    expect(pooled.toString()).toBe("small");
    expect(view.byteLength).toBe(64 * 1024 - 16);
  });
});

describe("releaseAnalysis", () => {
  // Real analyses are ~3 MB; zlib returns outputs under its 64 KB chunk as views of a shared chunk.
  const fresh = (scale = 1): ImageAnalysis => ({
    small: { data: plane(64 * scale, 36 * scale, 3), width: 64 * scale, height: 36 * scale, channels: 3 },
    grayNative: { data: plane(64 * scale, 64 * scale), width: 64 * scale, height: 64 * scale },
    normalized: { data: plane(64 * scale, 36 * scale), width: 64 * scale, height: 36 * scale },
  });

  it("frees the one buffer a decoded blob's planes share", () => {
    const decoded = decodeAnalysis(encodeAnalysis(fresh(8)));
    const owner = decoded.small.data.buffer as ArrayBuffer;
    releaseAnalysis(decoded);
    expect(owner.detached).toBe(true);
    expect(decoded.grayNative.data.byteLength).toBe(0);
  });

  it("leaves a small decoded blob alone: its planes sit in memory zlib shares", () => {
    const decoded = decodeAnalysis(encodeAnalysis(fresh(1)));
    releaseAnalysis(decoded);
    expect(decoded.grayNative.data.byteLength).toBe(64 * 64);
  });

  it("frees each plane of a fresh render", () => {
    const analysis = fresh();
    releaseAnalysis(analysis);
    expect([analysis.small, analysis.grayNative, analysis.normalized].map((p) => p.data.byteLength)).toEqual([
      0, 0, 0,
    ]);
  });
});
