import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Caller } from "@wallpaperdb/auth";
import { createLogger } from "@wallpaperdb/core/logger";
import { users, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMediaRequest, type MediaDeps } from "../src/index.ts";
import { seedWallpaper } from "./seed-wallpaper.ts";

const dune = join(
  import.meta.dirname,
  "../../../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate/nature/Dune.jpg",
);

const owner: Caller = { id: "hm-owner", role: "user", via: "session" };
const stranger: Caller = { id: "hm-stranger", role: "user", via: "session" };
const curator: Caller = { id: "hm-curator", role: "curator", via: "session" };
const admin: Caller = { id: "hm-admin", role: "admin", via: "api_key" };

let db: TestDatabase;
let blobDir: string;
let blobs: BlobStore;
let deps: MediaDeps;
const seeded: Record<
  "public" | "pending" | "rejected",
  Awaited<ReturnType<typeof seedWallpaper>>
> = {} as never;

/** Like the route handler, with the viewer the route would resolve from the session or API key. */
async function get(path: string, viewer: Caller | null, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`, { headers });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  let asked = 0;
  const response = await handleMediaRequest(deps, request, id, rest, async () => {
    asked += 1;
    return viewer;
  });
  return { response, asked };
}

function thumbUrl(state: keyof typeof seeded): string {
  const { id, variants } = seeded[state];
  const thumb = variants.find((v) => v.kind === "thumb" && v.format === "webp");
  return `/media/${id}/thumb.webp?v=${thumb?.contentHash}`;
}

beforeAll(async () => {
  db = await createTestDatabase("wpdb_hidden_media");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-hidden-media-"));
  blobs = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost",
    signingSecret: "x".repeat(32),
  });
  deps = { db: db.db, blobStore: blobs, logger: createLogger("hidden-media-test", "silent") };
  await db.db.insert(users).values(
    [owner, stranger, curator, admin].map((v) => ({
      id: v.id,
      name: v.id,
      email: `${v.id}@example.test`,
      role: v.role,
    })),
  );
  let trailer = "";
  for (const state of ["public", "pending", "rejected"] as const) {
    trailer += "x"; // distinct bytes, so each seed is its own original
    const moderation = state === "public" ? "approved" : state;
    seeded[state] = await seedWallpaper(db.db, blobs, dune, { moderation, trailer });
    await db.db.update(wallpapers).set({ uploaderId: owner.id }).where(eq(wallpapers.id, seeded[state].id));
  }
});

afterAll(async () => {
  await db?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

describe("media of held and rejected wallpapers", () => {
  it("are served to their uploader, curators and admins, never cacheable", async () => {
    for (const state of ["pending", "rejected"] as const) {
      const { id } = seeded[state];
      for (const viewer of [owner, curator, admin]) {
        for (const path of [thumbUrl(state), `/media/${id}/preview`, `/media/${id}/original`]) {
          const { response } = await get(path, viewer, { accept: "image/webp" });
          expect(response.status, `${state} ${viewer.role} ${path}`).toBe(200);
          expect(response.headers.get("cache-control")).toBe("private, no-store");
          const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
          expect(meta.width).toBeGreaterThan(0);
        }
      }
    }
  });

  it("keep renditions, version redirects and 304s uncacheable too", async () => {
    const { id } = seeded.pending;
    const rendition = (await get(`/media/${id}/cover/1280x720.jpeg`, curator)).response;
    expect(rendition.status).toBe(200);
    expect(rendition.headers.get("cache-control")).toBe("private, no-store");
    await rendition.arrayBuffer();
    const redirect = (await get(`/media/${id}/thumb.webp`, curator)).response;
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("cache-control")).toBe("private, no-store");
    const first = (await get(thumbUrl("pending"), curator)).response;
    const etag = first.headers.get("etag") ?? "";
    await first.arrayBuffer();
    const revalidated = (await get(thumbUrl("pending"), curator, { "if-none-match": etag })).response;
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("cache-control")).toBe("private, no-store");
  });

  it("are 404, as if absent, for anonymous visitors and other users", async () => {
    for (const state of ["pending", "rejected"] as const) {
      for (const viewer of [null, stranger]) {
        for (const path of [thumbUrl(state), `/media/${seeded[state].id}/original`]) {
          const { response } = await get(path, viewer);
          expect(response.status, `${state} ${viewer?.id ?? "anonymous"} ${path}`).toBe(404);
          expect(await response.json()).toMatchObject({ code: "not_found" });
        }
      }
    }
  });

  it("are 404 when the route resolves no viewer at all", async () => {
    const request = new Request(`http://localhost${thumbUrl("pending")}`);
    const response = await handleMediaRequest(deps, request, seeded.pending.id, ["thumb.webp"]);
    expect(response.status).toBe(404);
  });
});

describe("media of public wallpapers", () => {
  it("keep their immutable caching for everyone and never look up the viewer", async () => {
    for (const viewer of [null, curator]) {
      const { response, asked } = await get(thumbUrl("public"), viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asked).toBe(0);
      await response.arrayBuffer();
    }
  });
});
