import { readFileSync } from "node:fs";
import { corpusJpeg } from "@wallpaperdb/imaging/testing";
import { configureSharp } from "@wallpaperdb/media";
import { BadMediaError } from "@wallpaperdb/pipeline";
import { afterAll, describe, expect, it } from "vitest";
import { renderForPipeline } from "../src/adapters/imaging.ts";
import { renderForPipeline as renderInline } from "../src/render/pipeline-render.ts";
import { createRenderPool, RenderThreadExitedError } from "../src/render/render-pool.ts";

// libvips settings are process-wide: the threads and this file's inline renders share them.
const sharpSettings = configureSharp({ concurrency: 1, cacheMemoryMb: 32 });
const jpeg = readFileSync(corpusJpeg());

describe("render pool (real sharp in worker threads)", () => {
  const pool = createRenderPool({ size: 2, sharp: sharpSettings });
  afterAll(() => pool.close());

  it("gives the same render as the main thread, as Buffers", async () => {
    const source = jpeg;
    const [threaded, inline] = await Promise.all([pool.render(source), renderInline(source)]);
    expect(threaded.variants.map((v) => [v.kind, v.format, v.width, v.height, v.contentHash])).toEqual(
      inline.variants.map((v) => [v.kind, v.format, v.width, v.height, v.contentHash]),
    );
    expect(threaded.phash).toBe(inline.phash);
    expect(threaded.thumbhash).toBe(inline.thumbhash);
    expect(threaded.facts).toEqual(inline.facts);
    expect(Buffer.isBuffer(threaded.analysis)).toBe(true);
    expect(threaded.analysis.equals(inline.analysis)).toBe(true);
    for (const variant of threaded.variants) expect(Buffer.isBuffer(variant.data)).toBe(true);
  });

  it("runs more jobs than threads, each answered once", async () => {
    const source = jpeg;
    const results = await Promise.all(Array.from({ length: 5 }, () => pool.render(source)));
    expect(new Set(results.map((r) => r.phash)).size).toBe(1);
  });

  it("turns a decoder refusal into a bad file, and the thread keeps working", async () => {
    const truncated = jpeg.subarray(0, 4000);
    await expect(renderForPipeline(pool, truncated)).rejects.toBeInstanceOf(BadMediaError);
    await expect(renderForPipeline(pool, Buffer.from("not an image"))).rejects.toThrow(
      /image cannot be decoded/,
    );
    expect((await pool.render(jpeg)).variants.length).toBe(5);
  });
});

describe("render pool when a thread dies", () => {
  it("fails only that job, as a transient error, and replaces the thread", async () => {
    const pool = createRenderPool({
      size: 1,
      sharp: sharpSettings,
      entry: new URL("./fixtures/exiting-render-thread.ts", import.meta.url),
    });
    try {
      const doomed = pool.render(Buffer.from([0xff, 1, 2]));
      const queued = pool.render(Buffer.from([1, 2, 3, 4]));
      const error = await doomed.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderThreadExitedError);
      // Not a bad file: the step retries it rather than failing for good.
      await expect(renderForPipeline(pool, Buffer.from([0xff]))).rejects.not.toBeInstanceOf(BadMediaError);
      expect((await queued).width).toBe(4);
      expect((await pool.render(Buffer.from([7, 7]))).analysis).toEqual(Buffer.from([7, 7]));
    } finally {
      await pool.close();
    }
  });

  it("refuses work once closed", async () => {
    const pool = createRenderPool({ size: 1, sharp: sharpSettings });
    await pool.close();
    await expect(pool.render(jpeg)).rejects.toThrow(/closed/);
  });
});
