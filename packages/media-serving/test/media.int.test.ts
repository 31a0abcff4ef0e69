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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMediaRequest, type MediaDeps } from "../src/index.ts";
import { seedWallpaper } from "./seed-wallpaper.ts";

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
let wallpaper: Awaited<ReturnType<typeof seedWallpaper>>;

/** Like the route handler: `/media/<id>/<rest>` through the exported handler with a real Request. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers, method });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  return handleMediaRequest(deps, request, id, rest);
}

function urlOf(kind: string, format: string): string {
  const variant = wallpaper.variants.find((v) => v.kind === kind && v.format === format);
  if (!variant) throw new Error(`no ${kind}.${format}`);
  return `/media/${wallpaper.id}/${kind}.${format}?v=${variant.contentHash}`;
}

beforeAll(async () => {
  db = await createTestDatabase("wpdb_media");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-media-"));
  blobs = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost",
    signingSecret: "x".repeat(32),
  });
  deps = { db: db.db, blobStore: blobs, logger: createLogger("media-test", "silent") };
  wallpaper = await seedWallpaper(db.db, blobs, garden);
});

afterAll(async () => {
  await db?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

describe("variant URLs", () => {
  it("serve the stored bytes with an immutable cache, a strong content-hash ETag and nosniff", async () => {
    const response = await get(urlOf("thumb", "webp"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const variant = wallpaper.variants.find((v) => v.kind === "thumb" && v.format === "webp");
    expect(response.headers.get("etag")).toBe(`"${variant?.contentHash}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(variant?.data ?? Buffer.alloc(0))).toBe(true);
  });

  it("answer 304 without a body when If-None-Match carries the ETag", async () => {
    const first = await get(urlOf("thumb", "jpeg"));
    const etag = first.headers.get("etag") ?? "";
    await first.arrayBuffer();
    const second = await get(urlOf("thumb", "jpeg"), { "if-none-match": etag });
    expect(second.status).toBe(304);
    expect(second.headers.get("etag")).toBe(etag);
    expect((await second.arrayBuffer()).byteLength).toBe(0);
  });

  it("redirect a stale or missing version to the current URL without caching the redirect", async () => {
    for (const path of [`/media/${wallpaper.id}/thumb.avif?v=stale`, `/media/${wallpaper.id}/thumb.avif`]) {
      const response = await get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(urlOf("thumb", "avif"));
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("serve byte ranges as 206 and refuse a range past the end with 416", async () => {
    const whole = Buffer.from(await (await get(urlOf("preview", "jpeg"))).arrayBuffer());
    const partial = await get(urlOf("preview", "jpeg"), { range: "bytes=100-199" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await partial.arrayBuffer()).equals(whole.subarray(100, 200))).toBe(true);
    const suffix = await get(urlOf("preview", "jpeg"), { range: "bytes=-10" });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(whole.subarray(whole.length - 10))).toBe(true);
    const beyond = await get(urlOf("preview", "jpeg"), { range: `bytes=${whole.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${whole.length}`);
    expect(await beyond.json()).toMatchObject({ code: "range_not_satisfiable" });
  });

  it("answer HEAD with the length and no body", async () => {
    const response = await get(urlOf("thumb", "webp"), {}, "HEAD");
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
  });

  it("404 with a problem document for unknown paths, ids and hidden wallpapers", async () => {
    const pending = await seedWallpaper(db.db, blobs, dune, { moderation: "pending" });
    const unprocessed = await seedWallpaper(db.db, blobs, dune, { processed: false, trailer: "x" });
    for (const path of [
      `/media/${wallpaper.id}/poster.gif`,
      `/media/not-a-uuid/thumb.webp`,
      `/media/00000000-0000-4000-8000-000000000000/thumb.webp`,
      `/media/${pending.id}/thumb.webp`,
      `/media/${unprocessed.id}/original`,
      `/media/${wallpaper.id}/clip.mp4`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
  });
});

describe("format negotiation", () => {
  it("picks AVIF, WebP or JPEG from Accept and says Vary: Accept", async () => {
    const cases: [string, string][] = [
      ["image/avif,image/webp,image/apng,image/*,*/*;q=0.8", "image/avif"],
      ["image/webp,*/*", "image/webp"],
      ["image/avif;q=0,image/webp", "image/webp"],
      ["*/*", "image/jpeg"],
      ["", "image/jpeg"],
    ];
    for (const [accept, expected] of cases) {
      const response = await get(`/media/${wallpaper.id}/thumb`, accept ? { accept } : {});
      expect(response.status, accept).toBe(200);
      expect(response.headers.get("content-type"), accept).toBe(expected);
      expect(response.headers.get("vary")).toBe("Accept");
      const body = Buffer.from(await response.arrayBuffer());
      expect((await sharp(body).metadata()).format).toBe(
        expected === "image/avif" ? "heif" : expected.slice(6),
      );
    }
  });
});

describe("lazy preview AVIF", () => {
  it("is rendered on the first request, stored with a variants row, and read from the store afterwards", async () => {
    const first = await get(`/media/${wallpaper.id}/preview.avif`);
    expect(first.status).toBe(302);
    const location = first.headers.get("location") ?? "";
    const rows = await db.db
      .select()
      .from(variants)
      .where(
        and(
          eq(variants.wallpaperId, wallpaper.id),
          eq(variants.kind, "preview"),
          eq(variants.format, "avif"),
        ),
      );
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(location).toBe(`/media/${wallpaper.id}/preview.avif?v=${row?.contentHash}`);
    expect(await blobs.head(row?.storageKey ?? "")).not.toBeNull();

    const served = await get(location);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/avif");
    expect(served.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([2304, 1440]);

    // Concurrent and later requests never render again: still one row, same bytes' hash.
    const again = await Promise.all([get(location), get(`/media/${wallpaper.id}/preview.avif`)]);
    expect(again.map((r) => r.status)).toEqual([200, 302]);
    const after = await db.db
      .select({ hash: variants.contentHash, createdAt: variants.createdAt })
      .from(variants)
      .where(
        and(
          eq(variants.wallpaperId, wallpaper.id),
          eq(variants.format, "avif"),
          eq(variants.kind, "preview"),
        ),
      );
    expect(after).toEqual([{ hash: row?.contentHash, createdAt: row?.createdAt }]);
  });
});
