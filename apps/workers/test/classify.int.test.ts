// The classify step through the real pipeline (PostgreSQL, JetStream, the real nsfwjs model on WASM) on
// three corpus wallpapers, a redelivery after kill -9 of a worker in the middle of classifying, and the
// rule that the uploader's and the curator's purity win over the model's suggestion.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { processingSteps, wallpaperClassifications, wallpapers } from "@wallpaperdb/db";
import { corpusFile } from "@wallpaperdb/imaging/testing";
import { contentClasses } from "@wallpaperdb/vision/classify";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleVariantsReadyClassify, storeClassification } from "../src/handlers/classify.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  waitFor,
  waitProcessed,
} from "./pipeline-harness.ts";
import { spawnWorker } from "./worker-process.ts";

const photos = [
  "mate-backgrounds/usr/share/backgrounds/mate/nature/LadyBird.jpg",
  "mate-backgrounds/usr/share/backgrounds/mate/nature/Dune.jpg",
  "gnome-backgrounds/usr/share/backgrounds/gnome/wood-d.webp",
];
let harness: PipelineHarness;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  harness = await createPipelineHarness();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await harness?.cleanup();
});

async function classificationsOf(ids: string[]) {
  return harness.database.db
    .select()
    .from(wallpaperClassifications)
    .where(inArray(wallpaperClassifications.wallpaperId, ids));
}

describe("corpus photos through the pipeline", () => {
  const ids: string[] = [];

  it("store five class scores, an sfw suggestion and a unit-length embedding", async () => {
    await harness.start();
    for (const photo of photos) {
      ids.push(await insertWallpaper(harness, { data: await readFile(corpusFile(photo)) }));
    }
    await waitProcessed(harness, ids, 60_000);
    const rows = await classificationsOf(ids);
    expect(rows).toHaveLength(photos.length);
    for (const row of rows) {
      expect(row.model).toBe("nsfwjs@4.4.0/MobileNetV2");
      const sum = contentClasses.reduce((total, name) => total + row[name], 0);
      expect(sum).toBeCloseTo(1, 3);
      expect(row.porn + row.hentai).toBeLessThan(0.3);
      expect(row.suggestedPurity).toBe("sfw");
      expect(row.embedding).toHaveLength(64);
      expect(Math.hypot(...row.embedding)).toBeCloseTo(1, 3);
    }
    // Different pictures, different embeddings.
    expect(rows[0]?.embedding).not.toEqual(rows[1]?.embedding);
    const purities = await harness.database.db
      .select({ purity: wallpapers.purity, source: wallpapers.puritySource })
      .from(wallpapers)
      .where(inArray(wallpapers.id, ids));
    expect(purities).toEqual(ids.map(() => ({ purity: "sfw", source: "default" })));
  });

  it("running the step again changes nothing but the time", async () => {
    const [id] = ids;
    if (!id) throw new Error("no wallpaper");
    const before = await classificationsOf([id]);
    const event = {
      id: "00000000-0000-4000-8000-0000000000c1",
      type: "wallpaper.variants.ready.v1" as const,
      occurredAt: new Date().toISOString(),
      data: { wallpaperId: id, analysisKey: `derived/${id}/analysis.bin` },
    };
    // A redelivery of a done step is skipped.
    expect(
      await handleVariantsReadyClassify(harness.deps, event, { deliveryCount: 2 } as never),
    ).toMatchObject({
      status: "skipped",
    });
    // A re-run (jobs page: back to pending, the same event) stores the same scores and embedding.
    await harness.database.db
      .update(processingSteps)
      .set({ state: "pending" })
      .where(and(eq(processingSteps.wallpaperId, id), eq(processingSteps.step, "classify")));
    expect(await handleVariantsReadyClassify(harness.deps, event, { deliveryCount: 1 } as never)).toEqual({
      status: "done",
    });
    const after = await classificationsOf([id]);
    const strip = (rows: typeof before) => rows.map(({ classifiedAt, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    await harness.stop();
  });
});

describe("the suggestion is never silently final", () => {
  const explicit = { drawing: 0.01, hentai: 0.02, neutral: 0.005, porn: 0.96, sexy: 0.005 };
  const suggestive = { drawing: 0.05, hentai: 0.01, neutral: 0.25, porn: 0.04, sexy: 0.65 };
  const embedding = Array.from({ length: 64 }, (_, d) => (d === 0 ? 1 : 0));

  async function wallpaperWith(
    source: "default" | "uploader" | "curator",
    moderation: "pending" | "approved",
  ) {
    // Distinct bytes (a new SHA-256) of a corpus photo: the relay is stopped, so no step runs on it.
    const data = Buffer.concat([await readFile(corpusFile(photos[0] ?? "")), randomBytes(16)]);
    const id = await insertWallpaper(harness, { data });
    await harness.database.db
      .update(wallpapers)
      .set({ puritySource: source, moderation })
      .where(eq(wallpapers.id, id));
    return id;
  }
  async function classifyAs(id: string, scores: typeof explicit) {
    await harness.database.db.transaction((tx) =>
      storeClassification(tx, id, { model: "test", scores, embedding }),
    );
    const [row] = await harness.database.db
      .select({
        purity: wallpapers.purity,
        source: wallpapers.puritySource,
        moderation: wallpapers.moderation,
      })
      .from(wallpapers)
      .where(eq(wallpapers.id, id));
    return row;
  }

  it("a purity nobody chose takes the suggestion; a pending wallpaper stays pending for a curator", async () => {
    const id = await wallpaperWith("default", "pending");
    expect(await classifyAs(id, explicit)).toEqual({
      purity: "nsfw",
      source: "model",
      moderation: "pending",
    });
    // The model's own purity follows its latest run.
    expect(await classifyAs(id, suggestive)).toEqual({
      purity: "sketchy",
      source: "model",
      moderation: "pending",
    });
  });

  it("the uploader's and the curator's choices win", async () => {
    for (const source of ["uploader", "curator"] as const) {
      const id = await wallpaperWith(source, "approved");
      expect(await classifyAs(id, explicit)).toEqual({ purity: "sfw", source, moderation: "approved" });
    }
  });
});

function startWorker(id: string): ChildProcess {
  const child = spawnWorker({
    id,
    databaseUrl: harness.database.url,
    natsUrl: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    namespace: harness.bus.names.namespace,
    blobDir: harness.blobDir,
    env: { PIPELINE_IMAGE_CONCURRENCY: "1" },
  });
  children.add(child);
  return child;
}

it("a worker killed -9 while classifying: the redelivery classifies once", async () => {
  const meadow = corpusFile("mate-backgrounds/usr/share/backgrounds/mate/nature/GreenMeadow.jpg");
  const id = await insertWallpaper(harness, { data: await readFile(meadow) });
  const first = startWorker("classify-a");
  // Kill it the moment the classify step runs (the model is loading or inferring).
  await waitFor(
    "classify running",
    async () => {
      const [step] = await harness.database.db
        .select({ state: processingSteps.state })
        .from(processingSteps)
        .where(and(eq(processingSteps.wallpaperId, id), eq(processingSteps.step, "classify")));
      return step?.state === "running" ? true : undefined;
    },
    60_000,
  );
  const exited = once(first, "exit");
  first.kill("SIGKILL");
  await exited;
  const [killedMidway] = await classificationsOf([id]);
  startWorker("classify-b");
  await waitProcessed(harness, [id], 60_000);
  const rows = await classificationsOf([id]);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.suggestedPurity).toBe("sfw");
  const steps = await harness.database.db
    .select({ step: processingSteps.step, state: processingSteps.state })
    .from(processingSteps)
    .where(eq(processingSteps.wallpaperId, id));
  expect(steps.every((step) => step.state === "done")).toBe(true);
  // Killed mid-step, it had stored nothing (rows commit with the step's done).
  expect(killedMidway).toBeUndefined();
}, 90_000);
