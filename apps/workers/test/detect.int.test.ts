import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  eventFailures,
  processingSteps,
  users,
  wallpaperDetections,
  wallpaperObjects,
} from "@wallpaperdb/db";
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import { rerunStep } from "@wallpaperdb/pipeline";
import { parseSearchQuery } from "@wallpaperdb/search";
import { getWallpaperTags, setTags, suggestTags } from "@wallpaperdb/tags";
import { and, asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { refreshAutoTags } from "../src/handlers/autotag.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  waitFor,
  waitProcessed,
} from "./pipeline-harness.ts";
import { spawnWorker } from "./worker-process.ts";

/**
 * The detect step through the real pipeline: real PostgreSQL, NATS, sharp and the real model (Human on
 * the WASM backend, loaded once by this file's in-process consumer and once per spawned worker).
 *
 * The corpus has no people, so the photo with a person is taken from the only photos of people on the
 * machine: `assets/samples.jpg` of @vladmandic/human (a collage of its sample photos), whose top row
 * holds a 210x160 photo of a man in a suit at a dinner table. It is cut out and enlarged 6x, as a
 * wallpaper would be, so the pipeline's thumbnail (the detector's input) is 640 px wide. LadyBird (corpus)
 * is the negative: CenterNet reads a `bird` there (0.39, 1.5 % of the picture), which is stored but too
 * small and unsure to be tagged.
 */

const require = createRequire(import.meta.url);
const humanAssets = join(
  dirname(dirname(createRequire(require.resolve("@wallpaperdb/vision/detect")).resolve("@vladmandic/human"))),
  "assets",
);

let harness: PipelineHarness;
let person: string;
let ladybird: string;
const children = new Set<ChildProcess>();

async function photoWithPerson(): Promise<Buffer> {
  const collage = await readFile(join(humanAssets, "samples.jpg"));
  return sharp(collage)
    .extract({ left: 326, top: 0, width: 210, height: 160 })
    .resize(1260, 960, { kernel: "lanczos3" })
    .jpeg({ quality: 92 })
    .toBuffer();
}

beforeAll(async () => {
  harness = await createPipelineHarness();
  await harness.start();
  const ladybirdFile = corpusFiles().find((file) => file.endsWith("/LadyBird.jpg"));
  if (!ladybirdFile) throw new Error("LadyBird.jpg is not in the corpus");
  person = await insertWallpaper(harness, { data: await photoWithPerson() });
  ladybird = await insertWallpaper(harness, { data: await readFile(ladybirdFile) });
  await waitProcessed(harness, [person, ladybird], 90_000);
  // The auto tagger runs on the `processed` event, just after.
  for (const id of [person, ladybird]) {
    await waitFor("the auto tags", async () =>
      (await getWallpaperTags(harness.database.db, id)).length > 0 ? true : undefined,
    );
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await harness?.cleanup();
});

/** Everything the step stored for a wallpaper, without the time it ran. */
async function stored(wallpaperId: string) {
  const db = harness.database.db;
  const [detection] = await db
    .select({
      model: wallpaperDetections.model,
      modelVersion: wallpaperDetections.modelVersion,
      peopleCount: wallpaperDetections.peopleCount,
      faceCount: wallpaperDetections.faceCount,
      tagNames: wallpaperDetections.tagNames,
    })
    .from(wallpaperDetections)
    .where(eq(wallpaperDetections.wallpaperId, wallpaperId));
  const objects = await db
    .select()
    .from(wallpaperObjects)
    .where(eq(wallpaperObjects.wallpaperId, wallpaperId))
    .orderBy(asc(wallpaperObjects.rank));
  const tags = (await getWallpaperTags(db, wallpaperId)).map(
    (tag) => `${tag.name} ${[...tag.sources].sort().join("+")}`,
  );
  return { detection, objects, tags: tags.sort() };
}

const detectedAt = async (wallpaperId: string) =>
  (
    await harness.database.db
      .select({ at: wallpaperDetections.detectedAt })
      .from(wallpaperDetections)
      .where(eq(wallpaperDetections.wallpaperId, wallpaperId))
  )[0]?.at.getTime() ?? 0;

it("finds the person, stores objects with normalized boxes, and tags `people` (a subject tag) for search", async () => {
  const { detection, objects, tags } = await stored(person);
  expect(detection).toMatchObject({ model: "human:centernet+blazeface", tagNames: ["people"] });
  expect(detection?.modelVersion).toMatch(/^3\.\d+\.\d+$/);
  expect(detection?.peopleCount).toBeGreaterThanOrEqual(1);
  expect(detection?.faceCount).toBeGreaterThanOrEqual(1);
  const [top] = objects;
  expect(top).toMatchObject({ rank: 0, label: "person" });
  expect(top?.score).toBeGreaterThanOrEqual(0.5);
  for (const o of objects) {
    for (const v of [o.x, o.y, o.width, o.height, o.x + o.width, o.y + o.height]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1.0001);
    }
  }
  // The person covers a large part of the picture (he fills the middle of the photo).
  expect((top?.width ?? 0) * (top?.height ?? 0)).toBeGreaterThan(0.2);
  expect(tags).toContain("people auto");
  const [peopleTag] = await harness.database.db.execute<{ category: string }>(
    sql`select category::text from tags where name = 'people'`,
  );
  expect(peopleTag?.category).toBe("subject");

  const query = parseSearchQuery("people", { limit: 10 });
  if (!query.ok) throw new Error("`people` does not parse");
  const found = await harness.deps.search.search(query.query);
  expect(found.items.map((item) => item.id)).toEqual([person]);
});

it("leaves what was detected to the auto tagger, not to suggestions (issue #17)", async () => {
  const db = harness.database.db;
  await db.execute(
    sql`delete from wallpaper_tags where wallpaper_id = ${person} and tag_id = (select id from tags where name = 'people')`,
  );
  // Suggestions come from what people chose on other wallpapers; no one tagged `people` by hand here.
  const suggested = await suggestTags(db, person);
  expect(suggested.map((s) => s.name)).not.toContain("people");
  await refreshAutoTags({ db }, person);
  expect((await stored(person)).tags).toContain("people auto");
});

it("stores what a picture without people holds but tags nothing from it", async () => {
  const { detection, tags } = await stored(ladybird);
  expect(detection).toMatchObject({ peopleCount: 0, faceCount: 0, tagNames: [] });
  expect(tags.some((tag) => tag.startsWith("people"))).toBe(false);
  expect(tags.every((tag) => tag.endsWith(" auto"))).toBe(true);
});

it("re-runs to the same rows, replacing only its own auto tags (never a curator's)", async () => {
  const curator = { id: "u_detect_curator" };
  await harness.database.db
    .insert(users)
    .values({ ...curator, name: "c", email: "detect-curator@example.test", role: "curator" });
  await setTags(harness.database.db, person, { add: ["dinner", "people"] }, curator);
  const before = await Promise.all([stored(person), stored(ladybird)]);
  const at = await Promise.all([detectedAt(person), detectedAt(ladybird)]);

  await rerunStep(harness.database.db, { step: "detect", scope: "all" });
  await waitFor("detect to run again", async () =>
    (await detectedAt(person)) > (at[0] ?? 0) && (await detectedAt(ladybird)) > (at[1] ?? 0)
      ? true
      : undefined,
  );
  await waitFor("the re-run's steps done", async () => {
    const open = await harness.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(processingSteps)
      .where(and(eq(processingSteps.step, "detect"), sql`${processingSteps.state} <> 'done'`));
    return open[0]?.n === 0 ? true : undefined;
  });
  const after = await Promise.all([stored(person), stored(ladybird)]);
  expect(after).toEqual(before);
  expect(before[0].tags).toEqual(expect.arrayContaining(["dinner human", "people auto+human"]));
});

it("backfills wallpapers processed before the step existed (the re-drive of missing steps)", async () => {
  const db = harness.database.db;
  const before = await stored(person);
  // As before migration 0022: no detect row, no detection, auto tags from the facts alone.
  await db.delete(wallpaperDetections).where(eq(wallpaperDetections.wallpaperId, person));
  await db
    .delete(processingSteps)
    .where(and(eq(processingSteps.wallpaperId, person), eq(processingSteps.step, "detect")));
  await refreshAutoTags({ db }, person);
  expect((await stored(person)).tags).not.toContain("people auto+human");

  expect(await rerunStep(db, { step: "detect", scope: "missing" })).toEqual({ reset: 1, enqueued: 1 });
  // No `processed` event follows for a processed wallpaper: the step refreshes the auto tags itself.
  await waitFor("the backfilled detection", async () => ((await detectedAt(person)) > 0 ? true : undefined));
  await waitFor("its auto tags", async () =>
    (await stored(person)).tags.includes("people auto+human") ? true : undefined,
  );
  expect(await stored(person)).toEqual(before);
});

function startWorker(id: string): ChildProcess {
  const child = spawnWorker({
    id,
    databaseUrl: harness.database.url,
    natsUrl: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    namespace: harness.bus.names.namespace,
    blobDir: harness.blobDir,
    env: {
      // The detect component alone, as on a machine of its own.
      WORKERS: "relay,detect,autotag",
    },
  });
  children.add(child);
  return child;
}

it("survives a worker killed -9 in the middle of the step: redelivered, same rows", async () => {
  const before = await Promise.all([stored(person), stored(ladybird)]);
  // The in-process consumers stop; a separate worker process runs the detect component.
  await harness.stop();
  const db = harness.database.db;
  await rerunStep(db, { step: "detect", scope: "all" });
  const victim = startWorker("detect-victim");
  await waitFor(
    "a detect step running in the victim",
    async () => {
      const [running] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(processingSteps)
        .where(and(eq(processingSteps.step, "detect"), eq(processingSteps.state, "running")));
      return (running?.n ?? 0) > 0 ? true : undefined;
    },
    30_000,
  );
  const exited = once(victim, "exit");
  victim.kill("SIGKILL");
  await exited;

  startWorker("detect-survivor");
  await waitFor(
    "every detect step done after the redelivery",
    async () => {
      const states = await db
        .select({ state: processingSteps.state })
        .from(processingSteps)
        .where(eq(processingSteps.step, "detect"));
      return states.length === 2 && states.every((s) => s.state === "done") ? true : undefined;
    },
    60_000,
  );
  expect(await Promise.all([stored(person), stored(ladybird)])).toEqual(before);
  expect(await db.select().from(eventFailures)).toEqual([]);
}, 90_000);
