import { deflateSync, zstdDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeAnalysis, encodeAnalysis, type ImageAnalysis } from "./analysis.ts";

const plane = (width: number, height: number, channels: number, fill: number) => ({
  data: Buffer.alloc(width * height * channels, fill),
  width,
  height,
});

describe("analysis blob", () => {
  const analysis: ImageAnalysis = {
    small: { ...plane(4, 3, 3, 7), channels: 3 },
    grayNative: plane(5, 2, 1, 9),
    normalized: plane(3, 3, 1, 11),
  };

  it("round-trips", () => {
    const decoded = decodeAnalysis(encodeAnalysis(analysis));
    expect(decoded.small).toMatchObject({ width: 4, height: 3, channels: 3 });
    expect(Buffer.compare(decoded.small.data, analysis.small.data)).toBe(0);
    expect(Buffer.compare(decoded.grayNative.data, analysis.grayNative.data)).toBe(0);
    expect(decoded.normalized).toMatchObject({ width: 3, height: 3 });
  });

  it("still reads the deflated blobs stored before zstd", () => {
    const legacy = deflateSync(zstdDecompressSync(encodeAnalysis(analysis)), { level: 1 });
    const decoded = decodeAnalysis(legacy);
    expect(Buffer.compare(decoded.normalized.data, analysis.normalized.data)).toBe(0);
  });

  it("refuses inconsistent planes and foreign blobs", () => {
    expect(() => encodeAnalysis({ ...analysis, grayNative: { ...plane(5, 2, 1, 0), width: 6 } })).toThrow(
      RangeError,
    );
    expect(() => decodeAnalysis(Buffer.from("not a blob"))).toThrow();
  });
});
