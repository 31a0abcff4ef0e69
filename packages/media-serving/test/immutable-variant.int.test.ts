import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import { wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { variantKey } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVariantCache, forgetCachedMedia, handleMediaRequest, type MediaDeps } from "../src/index.ts";
import { seedWallpaper } from "./seed-wallpaper.ts";

// The one-query hot path for `/media/<id>/<kind>.<format>?v=<hash>` (immutable-variant.ts).
const garden = join(
  import.meta.dirname,
  "../../../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate/nature/Garden.jpg",
);

let db: TestDatabase;
let blobDir: string;
let blobs: BlobStore;
let deps: MediaDeps;

function get(path: string, headers: Record<string, string> = {}, through = deps): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  return handleMediaRequest(through, request, id, rest);
}

async function seedVersioned(options: Parameters<typeof seedWallpaper>[3] = {}) {
  const seeded = await seedWallpaper(db.db, blobs, garden, options);
  const variant = seeded.variants.find((v) => v.kind === "preview" && v.format === "jpeg");
  if (!variant) throw new Error("no preview.jpeg");
  return { ...seeded, variant, url: `/media/${seeded.id}/preview.jpeg?v=${variant.contentHash}` };
}

const setModeration = (id: string, moderation: "approved" | "pending" | "rejected") =>
  db.db.update(wallpapers).set({ moderation }).where(eq(wallpapers.id, id));

beforeAll(async () => {
  db = await createTestDatabase("wpdb_media_fast");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-media-fast-"));
  blobs = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost",
    signingSecret: "y".repeat(32),
  });
  // No variant cache here: these tests are about the query; the cache has its own below.
  deps = {
    db: db.db,
    blobStore: blobs,
    logger: createLogger("media-fast-test", "silent"),
    variantCache: null,
  };
});

afterAll(async () => {
  await db?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

describe("versioned variant URLs", () => {
  it("stop serving the moment a wallpaper is rejected, and serve again once it is approved", async () => {
    const seeded = await seedVersioned({ trailer: "reject" });
    const served = await get(seeded.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(seeded.variant.data)).toBe(true);

    await setModeration(seeded.id, "rejected");
    const rejected = await get(seeded.url);
    expect(rejected.status).toBe(404);
    expect(rejected.headers.get("content-type")).toBe("application/problem+json");
    expect(await rejected.json()).toMatchObject({ code: "not_found" });
    // Not even a 304 gives away that the file exists.
    const revalidated = await get(seeded.url, { "if-none-match": `"${seeded.variant.contentHash}"` });
    expect(revalidated.status).toBe(404);

    await setModeration(seeded.id, "approved");
    expect((await get(seeded.url)).status).toBe(200);
  });

  it("are 404 for held and unprocessed wallpapers, like their unversioned URLs", async () => {
    for (const options of [
      { moderation: "pending" as const, trailer: "held" },
      { processed: false, trailer: "raw" },
    ]) {
      const seeded = await seedVersioned(options);
      const response = await get(seeded.url);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
  });

  it("answer 304 from the row alone, and a problem document when the file itself is gone", async () => {
    const seeded = await seedVersioned({ trailer: "gone" });
    await blobs.delete(variantKey(seeded.id, "preview", "jpeg"));
    const revalidated = await get(seeded.url, { "if-none-match": `"${seeded.variant.contentHash}"` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await get(seeded.url);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await missing.json()).toMatchObject({ code: "not_found" });
  });

  it("send every header of the general path on a whole-file GET", async () => {
    const seeded = await seedVersioned({ trailer: "headers" });
    const response = await get(seeded.url);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      etag: `"${seeded.variant.contentHash}"`,
      "cache-control": "public, max-age=31536000, immutable",
      "content-type": "image/jpeg",
      "content-length": String(seeded.variant.data.length),
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    await response.arrayBuffer();
  });

  it("are cached for at most the TTL: a rejection shows once it expires, or at once after forget", async () => {
    let clock = 0;
    const cache = createVariantCache({ ttlMs: 1_000, maxEntries: 100, now: () => clock });
    const cached = { ...deps, variantCache: cache };
    const seeded = await seedVersioned({ trailer: "cached" });
    expect((await get(seeded.url, {}, cached)).status).toBe(200);

    await setModeration(seeded.id, "rejected");
    clock += 500;
    // Within the TTL the public answer still stands (the URL is immutable; caches in front keep it anyway).
    const stale = await get(seeded.url, {}, cached);
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    clock += 600;
    expect((await get(seeded.url, {}, cached)).status).toBe(404);
    // A 404 is never cached: approval is visible on the next request.
    await setModeration(seeded.id, "approved");
    expect((await get(seeded.url, {}, cached)).status).toBe(200);

    // The process-wide cache (deps without variantCache) forgets a wallpaper on request.
    const shared = { ...deps, variantCache: undefined };
    expect((await get(seeded.url, {}, shared)).status).toBe(200);
    await setModeration(seeded.id, "rejected");
    forgetCachedMedia(seeded.id);
    expect((await get(seeded.url, {}, shared)).status).toBe(404);
  });
});
