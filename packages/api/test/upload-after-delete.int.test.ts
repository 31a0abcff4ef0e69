import { takenDown, uploads, wallpapers } from "@wallpaperdb/db";
import { originalKeyFor } from "@wallpaperdb/ingest";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { seedUsers } from "./seed-users.ts";
import { openUploadHarness, sendBytes, sha256Of, type UploadHarness } from "./upload-harness.ts";

let harness: UploadHarness;
const curatorUser = { id: "after_delete_curator", role: "curator" } as const;

beforeAll(async () => {
  harness = await openUploadHarness();
  await seedUsers(harness.deps.db, [curatorUser]);
});
afterAll(async () => {
  await harness?.close();
});

const image = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();

/** Anonymous create → bytes → complete, with an optional blob store standing in for the real one. */
async function upload(data: Buffer, blobStore: BlobStore = harness.deps.blobStore) {
  const deps = { ...harness.deps, blobStore, ingest: { ...harness.services } };
  const api = createCaller(await createTRPCContext({ headers: new Headers(), deps }));
  const { uploadId } = await api.upload.create({ filename: "again.png", size: data.length });
  await sendBytes(harness, uploadId, "again.png", data);
  return { uploadId, complete: () => api.upload.complete({ uploadId }) };
}

async function curator() {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createCaller({ ...ctx, user: { ...curatorUser, via: "session" } });
}

it("a rejected wallpaper, once deleted, stays refused: the same bytes are taken_down", async () => {
  const data = await image("#c33");
  const { wallpaperId } = await (await upload(data)).complete();
  const admin = await curator();
  await admin.admin.moderation.reject({ wallpaperIds: [wallpaperId], reason: "copyright claim" });
  await expect(admin.wallpaper.delete({ wallpaperId })).resolves.toMatchObject({ takenDown: true });
  const [record] = await harness.deps.db
    .select()
    .from(takenDown)
    .where(eq(takenDown.sha256, sha256Of(data)));
  expect(record).toMatchObject({ reason: "copyright claim", takenDownBy: curatorUser.id });

  const again = await upload(data);
  await expect(again.complete()).rejects.toMatchObject({
    code: "FORBIDDEN",
    cause: { code: "taken_down" },
  });
  const [row] = await harness.deps.db.select().from(uploads).where(eq(uploads.id, again.uploadId));
  expect(row).toMatchObject({ state: "rejected", rejectCode: "taken_down" });
  expect(
    await harness.deps.db
      .select()
      .from(wallpapers)
      .where(eq(wallpapers.sha256, sha256Of(data))),
  ).toEqual([]);
});

it("an approved wallpaper, once deleted, can come back; an original removed mid-upload is stored again", async () => {
  const data = await image("#3c3");
  const key = originalKeyFor(sha256Of(data));
  const { wallpaperId } = await (await upload(data)).complete();
  await expect((await curator()).wallpaper.delete({ wallpaperId })).resolves.toMatchObject({
    takenDown: false,
  });

  // The blob-cleanup of the deletion removes the original right after this upload saw it still there.
  const real = harness.deps.blobStore;
  let removed = false;
  const racing: BlobStore = {
    ...real,
    async head(k) {
      const found = await real.head(k);
      if (k === key && found && !removed) {
        removed = true;
        await real.delete(k);
      }
      return found;
    },
  };
  const back = await (await upload(data, racing)).complete();
  expect(removed).toBe(true);
  expect(back.duplicate).toBe(false);
  expect(await real.head(key)).toMatchObject({ size: data.length });
});
