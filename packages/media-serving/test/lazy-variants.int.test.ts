import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import { variants } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MediaDeps } from "../src/index.ts";
import { PIPELINE_FORMATS, seedWallpaper } from "./seed-wallpaper.ts";

const corpus = join(
  import.meta.dirname,
  "../../../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate",
);
const garden = join(corpus, "nature/Garden.jpg"); // 2560x1600
const dune = join(corpus, "nature/Dune.jpg"); // 1680x1050

let db: TestDatabase;
let blobDir: string;
let blobs: BlobStore;
let deps: MediaDeps;

// Two copies of the module, as in two web processes: each has its own in-process single flight, so
// only the database's advisory lock keeps them from rendering the same file twice.
const processA = await import("../src/index.ts");
vi.resetModules();
const processB = await import("../src/index.ts");

function get(
  d: MediaDeps,
  path: string,
  headers: Record<string, string> = {},
  via = processA,
): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  return via.handleMediaRequest(d, request, id, rest);
}

/** The blob store, counting writes per key. */
function countingPuts(store: BlobStore): { store: BlobStore; puts: Map<string, number> } {
  const puts = new Map<string, number>();
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== "put" || typeof value !== "function") return value;
      return (key: string, ...rest: unknown[]) => {
        puts.set(key, (puts.get(key) ?? 0) + 1);
        return value.call(target, key, ...rest);
      };
    },
  });
  return { store: counted, puts };
}

const rowsOf = (wallpaperId: string, kind: string, format: string) =>
  db.db
    .select()
    .from(variants)
    .where(and(eq(variants.wallpaperId, wallpaperId), eq(variants.kind, kind), eq(variants.format, format)));

beforeAll(async () => {
  db = await createTestDatabase("wpdb_lazy_variants");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-lazy-"));
  blobs = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost",
    signingSecret: "x".repeat(32),
  });
  // No in-process cache of versioned lookups: each request below reads the database.
  deps = { db: db.db, blobStore: blobs, logger: createLogger("lazy-test", "silent"), variantCache: null };
});

afterAll(async () => {
  await db?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

describe("formats the pipeline does not store", () => {
  it("are rendered once under concurrent first requests, stored, and served immutably afterwards", async () => {
    const wallpaper = await seedWallpaper(db.db, blobs, garden, { formats: PIPELINE_FORMATS });
    expect(wallpaper.variants.map((v) => `${v.kind}.${v.format}`).sort()).toEqual([
      "medium.avif",
      "preview.avif",
      "thumb.avif",
    ]);
    // Eight first requests at once, through two copies of the handler sharing the database.
    const { store, puts } = countingPuts(blobs);
    const shared: MediaDeps = { ...deps, blobStore: store };
    const first = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        get(shared, `/media/${wallpaper.id}/medium.webp`, {}, i % 2 ? processB : processA),
      ),
    );
    expect(first.map((r) => r.status)).toEqual(Array(8).fill(302));
    expect(puts.get(`variants/${wallpaper.id}/medium.webp`)).toBe(1);
    const rows = await rowsOf(wallpaper.id, "medium", "webp");
    expect(rows).toHaveLength(1);
    const row = rows[0];
    const location = `/media/${wallpaper.id}/medium.webp?v=${row?.contentHash}`;
    expect(new Set(first.map((r) => r.headers.get("location")))).toEqual(new Set([location]));

    const served = await get(deps, location);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    const medium = wallpaper.variants.find((v) => v.kind === "medium");
    // Same size as the stored AVIF of its kind: 2560x1600 fits 1170x2532 as 1170x731.
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", medium?.width, medium?.height]);
    expect([meta.width, meta.height]).toEqual([1170, 731]);

    // Later requests read the stored file: still one row, created by the first render.
    await get(deps, `/media/${wallpaper.id}/medium.webp`);
    expect(await rowsOf(wallpaper.id, "medium", "webp")).toEqual(rows);
  });

  it("are what negotiation answers for browsers without AVIF, and scripts get a JPEG", async () => {
    const wallpaper = await seedWallpaper(db.db, blobs, dune, { formats: PIPELINE_FORMATS });
    const cases: [string, string][] = [
      ["image/avif,image/webp,*/*;q=0.8", "image/avif"],
      ["image/webp,*/*", "image/webp"],
      ["*/*", "image/jpeg"],
    ];
    for (const [accept, type] of cases) {
      const response = await get(deps, `/media/${wallpaper.id}/thumb`, { accept });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get("content-type"), accept).toBe(type);
    }
    expect(await rowsOf(wallpaper.id, "thumb", "jpeg")).toHaveLength(1);
  });

  it("are not invented for a kind the wallpaper has no row of (processed before that kind existed)", async () => {
    const old = await seedWallpaper(db.db, blobs, dune, {
      formats: { thumb: ["avif", "webp", "jpeg"], medium: [], preview: ["webp", "jpeg"] },
      trailer: "old",
    });
    for (const path of [
      `/media/${old.id}/medium.avif`,
      `/media/${old.id}/medium.jpeg`,
      `/media/${old.id}/medium`,
    ]) {
      const response = await get(deps, path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found", reason: "variant_not_found" });
    }
    // Its preview AVIF is lazy as before.
    expect((await get(deps, `/media/${old.id}/preview.avif`)).status).toBe(302);
  });

  it("respect the pixel cap: a source over it is refused, nothing is stored", async () => {
    const wallpaper = await seedWallpaper(db.db, blobs, garden, {
      formats: PIPELINE_FORMATS,
      trailer: "cap",
    });
    const capped: MediaDeps = { ...deps, maxPixels: 1_000_000 };
    const response = await get(capped, `/media/${wallpaper.id}/preview.jpeg`);
    expect(response.status).toBe(500);
    expect(await rowsOf(wallpaper.id, "preview", "jpeg")).toHaveLength(0);
    expect(await blobs.head(`variants/${wallpaper.id}/preview.jpeg`)).toBeNull();
  });
});
