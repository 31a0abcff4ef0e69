import { outbox, wallpapers } from "@wallpaperdb/db";
import { originalKeyFor } from "@wallpaperdb/ingest";
import { reconcileOriginalBlobs, redriveUnprocessedWallpapers } from "@wallpaperdb/ingest/reconcile";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openUploadHarness, sendBytes, sha256Of, type UploadHarness } from "./upload-harness.ts";

let harness: UploadHarness;
beforeAll(async () => {
  harness = await openUploadHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe("reconciler functions", () => {
  it("report orphan blobs and rows without blobs in dry-run, and delete only orphans for real", async () => {
    const api = await harness.caller();
    const data = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#0a0" } })
      .png()
      .toBuffer();
    const { uploadId } = await api.upload.create({ filename: "kept.png", size: data.length });
    await sendBytes(harness, uploadId, "kept.png", data);
    const { wallpaperId } = await api.upload.complete({ uploadId });

    const orphanSha = sha256Of(Buffer.from("no row points here"));
    await harness.deps.blobStore.put(originalKeyFor(orphanSha), Buffer.from("no row points here"));
    const goneSha = "f".repeat(64);
    const [ghost] = await harness.deps.db
      .insert(wallpapers)
      .values({
        sha256: goneSha,
        mediaType: "image",
        mimeType: "image/png",
        originalKey: originalKeyFor(goneSha),
        sizeBytes: 1,
        width: 1,
        height: 1,
      })
      .returning();

    const deps = { db: harness.deps.db, blobStore: harness.deps.blobStore, logger: harness.deps.logger };
    const now = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const dry = await reconcileOriginalBlobs(deps, now, { dryRun: true });
    expect(dry.orphanBlobs.map((b) => b.key)).toEqual([originalKeyFor(orphanSha)]);
    expect(dry.missingBlobs).toEqual([{ wallpaperId: ghost?.id, key: originalKeyFor(goneSha) }]);
    expect(await harness.deps.blobStore.head(originalKeyFor(orphanSha))).not.toBeNull();

    // Within the grace period a fresh orphan may belong to a commit in flight: left alone.
    expect((await reconcileOriginalBlobs(deps, new Date())).deletedOrphans).toBe(0);
    const real = await reconcileOriginalBlobs(deps, now);
    expect(real.deletedOrphans).toBe(1);
    expect(await harness.deps.blobStore.head(originalKeyFor(orphanSha))).toBeNull();
    expect(await harness.deps.blobStore.head(originalKeyFor(sha256Of(data)))).not.toBeNull();

    // Neither wallpaper has processing steps: both are re-driven with a fresh uploaded event.
    const before = await harness.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.type, "wallpaper.uploaded.v1"));
    const dryRedrive = await redriveUnprocessedWallpapers(deps, now, { dryRun: true });
    expect(dryRedrive.redriven.map((r) => r.wallpaperId).sort()).toEqual([wallpaperId, ghost?.id].sort());
    const afterDry = await harness.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.type, "wallpaper.uploaded.v1"));
    expect(afterDry.length).toBe(before.length);
    await redriveUnprocessedWallpapers(deps, now);
    const after = await harness.deps.db.select().from(outbox).where(eq(outbox.type, "wallpaper.uploaded.v1"));
    expect(after.length).toBe(before.length + 2);
  });
});
