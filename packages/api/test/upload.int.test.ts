import { request as httpRequest } from "node:http";
import { outbox, uploads, wallpapers } from "@wallpaperdb/db";
import { originalKeyFor } from "@wallpaperdb/ingest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openUploadHarness,
  sendBytes,
  sha256Of,
  tusCreate,
  tusPatch,
  type UploadHarness,
} from "./upload-harness.ts";

let harness: UploadHarness;
let small: Buffer;

beforeAll(async () => {
  harness = await openUploadHarness();
  small = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#36c" } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await harness?.close();
});

async function uploadAndComplete(data: Buffer, filename = "file.png") {
  const api = await harness.caller();
  const created = await api.upload.create({ filename, size: data.length });
  await sendBytes(harness, created.uploadId, filename, data);
  return { uploadId: created.uploadId, result: await api.upload.complete({ uploadId: created.uploadId }) };
}

describe("upload over tus, then complete", () => {
  it("commits a wallpaper, its event and a content-addressed original; complete is idempotent", async () => {
    const api = await harness.caller();
    const created = await api.upload.create({
      filename: "../../etc/passwd.png",
      size: small.length,
      type: "image/png",
    });
    expect(created).toMatchObject({
      endpoint: "/api/uploads",
      maxBytes: harness.services.limits.maxUploadBytes,
    });
    expect((await api.upload.byId({ uploadId: created.uploadId })).state).toBe("initiated");

    await sendBytes(harness, created.uploadId, "../../etc/passwd.png", small);
    const received = await api.upload.byId({ uploadId: created.uploadId });
    expect(received).toMatchObject({ state: "received", receivedBytes: small.length, size: small.length });
    // Hashed while the bytes streamed: the row knows the SHA-256 before complete reads anything.
    const [staged] = await harness.deps.db.select().from(uploads).where(eq(uploads.id, created.uploadId));
    expect(staged?.sha256).toBe(sha256Of(small));

    const first = await api.upload.complete({ uploadId: created.uploadId });
    expect(first).toMatchObject({ duplicate: false, mediaType: "image", width: 64, height: 48 });
    expect(await api.upload.complete({ uploadId: created.uploadId })).toEqual(first);

    const sha = sha256Of(small);
    const [row] = await harness.deps.db.select().from(wallpapers).where(eq(wallpapers.id, first.wallpaperId));
    expect(row).toMatchObject({
      sha256: sha,
      originalKey: originalKeyFor(sha),
      originalFilename: "../../etc/passwd.png",
    });
    expect(await harness.deps.blobStore.head(originalKeyFor(sha))).toMatchObject({ size: small.length });
    const events = await harness.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.type, "wallpaper.uploaded.v1"));
    expect(
      events.filter((e) => (e.payload as { wallpaperId: string }).wallpaperId === first.wallpaperId),
    ).toHaveLength(1);
    expect(await harness.stagedFiles()).not.toContain(created.uploadId);
    expect(await api.upload.byId({ uploadId: created.uploadId })).toMatchObject({
      state: "committed",
      wallpaperId: first.wallpaperId,
    });

    const check = await api.upload.check({ sha256: [sha, "0".repeat(64)] });
    expect(check.existing).toEqual([{ sha256: sha, wallpaperId: first.wallpaperId }]);
  });

  it("20 concurrent uploads of one file make exactly one wallpaper, and every complete names it", async () => {
    const data = await sharp({ create: { width: 90, height: 60, channels: 3, background: "#a52" } })
      .jpeg()
      .toBuffer();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => uploadAndComplete(data, `copy-${i}.jpg`)),
    );
    const ids = new Set(results.map((r) => r.result.wallpaperId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.result.duplicate)).toHaveLength(1);
    const rows = await harness.deps.db
      .select()
      .from(wallpapers)
      .where(eq(wallpapers.sha256, sha256Of(data)));
    expect(rows).toHaveLength(1);
    const events = await harness.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.type, "wallpaper.uploaded.v1"));
    expect(events.filter((e) => (e.payload as { sha256: string }).sha256 === sha256Of(data))).toHaveLength(1);
  });

  it("resumes after the connection drops halfway through a large upload, with the right SHA-256", async () => {
    // ~25 MB of noise as a PNG: large enough that the first PATCH is cut mid-stream.
    const noise = Buffer.alloc(2400 * 3600 * 3);
    for (let i = 0; i < noise.length; i += 4) noise.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, i);
    const big = await sharp(noise, { raw: { width: 2400, height: 3600, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const api = await harness.caller();
    const { uploadId } = await api.upload.create({ filename: "big.png", size: big.length });
    expect((await tusCreate(harness.endpoint, uploadId, "big.png", big.length)).status).toBe(201);

    const url = new URL(`${harness.endpoint}/${uploadId}`);
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, {
        method: "PATCH",
        headers: {
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(big.length),
        },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(big.subarray(0, Math.floor(big.length / 2)), () => setTimeout(() => req.destroy(), 200));
    });
    // The server notices the drop asynchronously; wait until it has settled the partial write.
    let offset = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const head = await fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } });
      offset = Number(head.headers.get("upload-offset"));
      const status = await api.upload.byId({ uploadId });
      if (offset > 0 && status.receivedBytes === offset) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(big.length);
    expect((await api.upload.byId({ uploadId })).state).toBe("receiving");

    const rest = await tusPatch(url.toString(), offset, big.subarray(offset));
    expect(rest.status).toBe(204);
    const result = await api.upload.complete({ uploadId });
    expect(result).toMatchObject({ duplicate: false, width: 2400, height: 3600 });
    const [row] = await harness.deps.db
      .select()
      .from(wallpapers)
      .where(eq(wallpapers.id, result.wallpaperId));
    expect(row?.sha256).toBe(sha256Of(big));
    expect(row?.sizeBytes).toBe(big.length);
  });
});

describe("purity at upload", () => {
  it("records whether the uploader chose it: a named purity is theirs, a left-out one is the default", async () => {
    const api = await harness.caller();
    const complete = async (purity: "sketchy" | undefined, color: string) => {
      const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
        .png()
        .toBuffer();
      const created = await api.upload.create({ filename: "p.png", size: data.length, purity });
      await sendBytes(harness, created.uploadId, "p.png", data);
      const { wallpaperId } = await api.upload.complete({ uploadId: created.uploadId });
      const [row] = await harness.deps.db
        .select({ purity: wallpapers.purity, source: wallpapers.puritySource })
        .from(wallpapers)
        .where(eq(wallpapers.id, wallpaperId));
      return row;
    };
    // The classify step may suggest for the second one only.
    expect(await complete("sketchy", "#a1b2c3")).toEqual({ purity: "sketchy", source: "uploader" });
    expect(await complete(undefined, "#c3b2a1")).toEqual({ purity: "sfw", source: "default" });
  });
});

describe("refusals", () => {
  it("create refuses a size over the limit at once with too_large", async () => {
    const api = await harness.caller();
    const max = harness.services.limits.maxUploadBytes;
    await expect(api.upload.create({ filename: "huge.jpg", size: max + 1 })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      cause: { code: "too_large" },
    });
  });

  it("the tus route answers our refusals as problem+json with stable codes", async () => {
    const api = await harness.caller();
    const unknown = await tusCreate(harness.endpoint, "00000000-0000-4000-8000-000000000000", "x.png", 10);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect(await unknown.json()).toMatchObject({ code: "not_found" });

    const { uploadId } = await api.upload.create({ filename: "x.png", size: 100 });
    const mismatch = await tusCreate(harness.endpoint, uploadId, "x.png", 5000);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ code: "bad_request" });

    const tooLarge = await tusCreate(
      harness.endpoint,
      uploadId,
      "x.png",
      harness.services.limits.maxUploadBytes + 1,
    );
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: "too_large" });

    const patchUnknown = await tusPatch(`${harness.endpoint}/00000000-0000-4000-8000-000000000001`, 0, small);
    expect(patchUnknown.status).toBe(404);
    expect(await patchUnknown.json()).toMatchObject({ code: "not_found" });

    // A committed upload no longer takes bytes.
    const done = await uploadAndComplete(small);
    const late = await tusPatch(`${harness.endpoint}/${done.uploadId}`, 0, small);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "conflict" });
  });

  it("complete before all bytes arrived is a conflict; an expired upload is gone and its bytes deleted", async () => {
    const api = await harness.caller();
    const { uploadId } = await api.upload.create({ filename: "half.png", size: small.length });
    expect((await tusCreate(harness.endpoint, uploadId, "half.png", small.length)).status).toBe(201);
    expect((await tusPatch(`${harness.endpoint}/${uploadId}`, 0, small.subarray(0, 10))).status).toBe(204);
    await expect(api.upload.complete({ uploadId })).rejects.toMatchObject({ cause: { code: "conflict" } });

    const { expireAbandonedUploads } = await import("@wallpaperdb/ingest/reconcile");
    const later = new Date(Date.now() + harness.services.settings.uploadTtlMs + 1000);
    const deps = { ...harness.services, db: harness.deps.db, logger: harness.deps.logger };
    const dry = await expireAbandonedUploads(deps, later, { dryRun: true });
    expect(dry.expired.map((e) => e.uploadId)).toContain(uploadId);
    expect(await harness.stagedFiles()).toContain(uploadId);
    const real = await expireAbandonedUploads(deps, later);
    expect(real.expired.map((e) => e.uploadId)).toContain(uploadId);
    expect(await harness.stagedFiles()).not.toContain(uploadId);
    const [row] = await harness.deps.db.select().from(uploads).where(eq(uploads.id, uploadId));
    expect(row?.state).toBe("expired");
    await expect(api.upload.complete({ uploadId })).rejects.toMatchObject({ cause: { code: "gone" } });
    const patch = await tusPatch(`${harness.endpoint}/${uploadId}`, 10, small.subarray(10));
    expect(patch.status).toBe(410);
  });
});
