import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { wallpapers } from "@wallpaperdb/db";
import { shutdownTelemetry, startTelemetry } from "@wallpaperdb/telemetry/sdk";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openUploadStack } from "./upload-stack.ts";

const spans = new InMemorySpanExporter();
let stack: Awaited<ReturnType<typeof openUploadStack>>;

beforeAll(async () => {
  startTelemetry({
    serviceName: "observability-upload-test",
    traceExporter: spans,
    env: { OTEL_SDK_DISABLED: false, OTEL_METRIC_EXPORT_INTERVAL: 60_000 },
  });
  stack = await openUploadStack();
});

afterAll(async () => {
  await stack?.close();
  await shutdownTelemetry();
});

const finished = () => spans.getFinishedSpans();

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every span below `root` (children, their children, …) in the exported set. */
function descendants(root: ReadableSpan): ReadableSpan[] {
  const all = finished();
  const found: ReadableSpan[] = [];
  const parents = new Set([root.spanContext().spanId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const span of all) {
      const parent = span.parentSpanContext?.spanId;
      if (parent && parents.has(parent) && !parents.has(span.spanContext().spanId)) {
        parents.add(span.spanContext().spanId);
        found.push(span);
        grew = true;
      }
    }
  }
  return found;
}

const isDb = (span: ReadableSpan) => span.attributes["db.system.name"] === "postgresql";
const isBlob = (op: string, prefix: string) => (span: ReadableSpan) =>
  span.name === `blob.${op}` && span.attributes["blob.key.prefix"] === prefix;
const isSharp = (span: ReadableSpan) => span.name.startsWith("sharp ");

function stepSpan(group: string): ReadableSpan | undefined {
  return finished().find(
    (span) => span.kind === SpanKind.CONSUMER && span.attributes["messaging.consumer.group.name"] === group,
  );
}

describe("one upload is one trace", () => {
  it("holds database, blob store and sharp spans under the request and under each worker step", async () => {
    // A gradient (not a flat colour), so quality and palette have something to measure.
    const [width, height] = [1280, 720];
    const pixels = Buffer.alloc(width * height * 3);
    for (let i = 0; i < width * height; i += 1) {
      pixels[i * 3] = (i % width) / 5;
      pixels[i * 3 + 1] = Math.floor(i / width) / 3;
      pixels[i * 3 + 2] = 160;
    }
    const image = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg()
      .toBuffer();
    const wallpaperId = await stack.upload("trace-me.jpg", image);
    await waitFor("the wallpaper processed", async () => {
      const [row] = await stack.database.db
        .select({ processedAt: wallpapers.processedAt })
        .from(wallpapers)
        .where(eq(wallpapers.id, wallpaperId));
      return row?.processedAt ?? undefined;
    });
    // The consumer spans end after the handler's ack, a moment after the last commit.
    const steps = await waitFor("the three step spans", () => {
      const found = ["pipeline-variants", "pipeline-quality", "pipeline-color"].map(stepSpan);
      return found.every(Boolean) ? (found as ReadableSpan[]) : undefined;
    });
    const [variants, quality, color] = steps as [ReadableSpan, ReadableSpan, ReadableSpan];

    const complete = finished().find((span) => span.name === "trpc.upload.complete");
    if (!complete)
      throw new Error(
        `no upload.complete span; got ${finished()
          .map((s) => s.name)
          .join(", ")}`,
      );
    const traceId = complete.spanContext().traceId;
    for (const step of steps) expect(step.spanContext().traceId).toBe(traceId);

    // The request: its queries and the original written to the store.
    const request = descendants(complete);
    expect(request.filter(isDb).length, "db spans under upload.complete").toBeGreaterThan(0);
    expect(request.some(isBlob("put", "originals")), "blob.put originals under upload.complete").toBe(true);
    expect(
      request.some((span) => span.name === "transaction"),
      "the commit transaction",
    ).toBe(true);

    // Each step: its queries, the blobs it reads and writes, and (variants) the sharp decode.
    const variantSpans = descendants(variants);
    expect(variantSpans.filter(isDb).length, "db spans under the variants step").toBeGreaterThan(0);
    expect(variantSpans.some(isBlob("get", "originals")), "blob.get of the original").toBe(true);
    expect(variantSpans.some(isBlob("put", "variants")), "blob.put of the variants").toBe(true);
    expect(variantSpans.some(isBlob("put", "derived")), "blob.put of the analysis").toBe(true);
    expect(variantSpans.some(isSharp), "a sharp span under the variants step").toBe(true);
    for (const step of [quality, color]) {
      const below = descendants(step);
      expect(below.filter(isDb).length, `db spans under ${step.name}`).toBeGreaterThan(0);
      expect(below.some(isBlob("get", "derived")), `blob.get of the analysis under ${step.name}`).toBe(true);
    }

    // Span attributes: summaries and sizes, never parameters.
    const insert = request.find((span) => isDb(span) && span.attributes["db.operation.name"] === "INSERT");
    expect(insert?.kind).toBe(SpanKind.CLIENT);
    expect(insert?.name).toMatch(/^INSERT \w+$/);
    expect(Object.keys(insert?.attributes ?? {}).some((key) => key.includes("param"))).toBe(false);
    const sharpSpan = variantSpans.find(isSharp);
    expect(sharpSpan?.attributes["wallpaperdb.decoder"]).toBe("sharp");
    const original = request.find(isBlob("put", "originals"));
    expect(original?.attributes["blob.size"]).toBe(image.length);
  });
});
