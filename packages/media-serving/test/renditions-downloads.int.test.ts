import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMediaRequest, type MediaDeps, renditionKey } from "../src/index.ts";
import { seedWallpaper } from "./seed-wallpaper.ts";

const corpus = join(
  import.meta.dirname,
  "../../../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate",
);
const garden = join(corpus, "nature/Garden.jpg"); // 2560x1600

let db: TestDatabase;
let blobDir: string;
let blobs: BlobStore;
let deps: MediaDeps;

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  return handleMediaRequest(deps, request, id, rest);
}

beforeAll(async () => {
  db = await createTestDatabase("wpdb_renditions");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-renditions-"));
  blobs = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost",
    signingSecret: "x".repeat(32),
  });
  deps = { db: db.db, blobStore: blobs, logger: createLogger("renditions-test", "silent") };
});

afterAll(async () => {
  await db?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

describe("renditions", () => {
  it("cover-crops to the exact size, caches the file, and serves the second request from the store", async () => {
    const { id } = await seedWallpaper(db.db, blobs, garden);
    const path = `/media/${id}/cover/1920x1080.jpeg`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-media-cache")).toBe("miss");
    expect(first.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await first.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1920, 1080]);
    const key = renditionKey(id, { mode: "cover", width: 1920, height: 1080, format: "jpeg" });
    const stored = await blobs.head(key);
    expect(stored?.size).toBe(bytes.length);

    const second = await get(path);
    expect(second.headers.get("x-media-cache")).toBe("hit");
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
    // A hit is a read: the cached file was not rewritten.
    expect((await blobs.head(key))?.etag).toBe(stored?.etag);
    const revalidated = await get(path, { "if-none-match": second.headers.get("etag") ?? "" });
    expect(revalidated.status).toBe(304);
  });

  it("fits inside the box keeping the aspect, and never upscales past the original", async () => {
    const { id } = await seedWallpaper(db.db, blobs, garden, { trailer: "fit" });
    const fit = await get(`/media/${id}/fit/1920x1080.webp`);
    const fitMeta = await sharp(Buffer.from(await fit.arrayBuffer())).metadata();
    expect([fitMeta.format, fitMeta.width, fitMeta.height]).toEqual(["webp", 1728, 1080]);
    const big = await get(`/media/${id}/fit/3840x2160.webp`);
    const bigMeta = await sharp(Buffer.from(await big.arrayBuffer())).metadata();
    expect([bigMeta.width, bigMeta.height]).toEqual([2560, 1600]);
    // Cover larger than the original: the requested 16:9 shape, as large as the original allows.
    const cover = await get(`/media/${id}/cover/3840x2160.jpeg`);
    const coverMeta = await sharp(Buffer.from(await cover.arrayBuffer())).metadata();
    expect([coverMeta.width, coverMeta.height]).toEqual([2560, 1440]);
  });

  it("rejects absurd sizes and formats with a clear problem document", async () => {
    const { id } = await seedWallpaper(db.db, blobs, garden, { trailer: "absurd" });
    const absurd = await get(`/media/${id}/fit/100000x100000.webp`);
    expect(absurd.status).toBe(404);
    const unlisted = await get(`/media/${id}/cover/1921x1080.jpeg`);
    expect(unlisted.status).toBe(400);
    expect(await unlisted.json()).toMatchObject({
      code: "bad_request",
      reason: "unsupported_rendition_size",
    });
    const gif = await get(`/media/${id}/fit/1920x1080.gif`);
    expect(await gif.json()).toMatchObject({ code: "bad_request", reason: "unsupported_rendition_format" });
  });

  it("names a requested download after the wallpaper and the size", async () => {
    const { id } = await seedWallpaper(db.db, blobs, garden, {
      trailer: "dl",
      originalName: "Green garden.jpg",
    });
    const response = await get(`/media/${id}/cover/1280x720.jpeg?download=1`);
    await response.body?.cancel();
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Green garden-1280x720.jpg"; filename*=UTF-8''Green%20garden-1280x720.jpg`,
    );
  });
});

describe("original downloads", () => {
  it("use a safe file name with the sniffed extension whatever the uploader called the file", async () => {
    const { id, bytes } = await seedWallpaper(db.db, blobs, garden, {
      trailer: "hostile",
      originalName: "../../etc/passwd<script>.jpg",
      mimeType: "image/jpeg",
    });
    const response = await get(`/media/${id}/original`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(`attachment; filename="passwdscript.jpg"; filename*=UTF-8''passwdscript.jpg`);
    expect(disposition).not.toMatch(/\.\.|\/|</);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("keeps non-ASCII names readable through filename* and falls back to the id when nothing is left", async () => {
    const unicode = await seedWallpaper(db.db, blobs, garden, {
      trailer: "u",
      originalName: "Forêt d’été.png.exe",
    });
    const response = await get(`/media/${unicode.id}/original`);
    await response.body?.cancel();
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="For_t d__t_.png.jpg"; filename*=UTF-8''For%C3%AAt%20d%E2%80%99%C3%A9t%C3%A9.png.jpg`,
    );
    const empty = await seedWallpaper(db.db, blobs, garden, { trailer: "e", originalName: "../.." });
    const emptyResponse = await get(`/media/${empty.id}/original`);
    await emptyResponse.body?.cancel();
    const fallback = emptyResponse.headers.get("content-disposition");
    expect(fallback).toContain(`filename="wallpaper-${empty.id.slice(0, 8)}.jpg"`);
  });

  it("serve a JPEG/HTML polyglot as image/jpeg with nosniff and a sandbox policy, never as HTML", async () => {
    const { id } = await seedWallpaper(db.db, blobs, garden, {
      trailer: "<html><script>alert(document.cookie)</script></html>",
      originalName: "innocent.html",
      mimeType: "image/jpeg",
    });
    const response = await get(`/media/${id}/original`);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-disposition")).toContain('filename="innocent.jpg"');
    await response.body?.cancel();
    const ranged = await get(`/media/${id}/original`, { range: "bytes=0-1" });
    expect(ranged.status).toBe(206);
    expect([...Buffer.from(await ranged.arrayBuffer())]).toEqual([0xff, 0xd8]);
  });
});
