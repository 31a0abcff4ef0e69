import { TRPCError } from "@trpc/server";
import { outbox, uploads, wallpapers } from "@wallpaperdb/db";
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

async function rowsFor(sha256: string) {
  const { db } = harness.deps;
  const wallpaperRows = await db.select().from(wallpapers).where(eq(wallpapers.sha256, sha256));
  const events = await db.select().from(outbox).where(eq(outbox.type, "wallpaper.uploaded.v1"));
  return {
    wallpaperRows,
    events: events.filter((event) => (event.payload as { sha256: string }).sha256 === sha256),
  };
}

// The transactional outbox: a wallpaper the pipeline never hears of would stay unprocessed, and an
// event for a wallpaper that was never committed would make the workers chase a ghost.
describe("upload.complete and its event", () => {
  it("commit neither when the event cannot be written, and both once a retry can write it", async () => {
    const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a7" } })
      .png()
      .toBuffer();
    const api = await harness.caller();
    const { uploadId } = await api.upload.create({ filename: "doomed.png", size: data.length });
    await sendBytes(harness, uploadId, "doomed.png", data);

    // A real failure from PostgreSQL itself: a trigger that rejects every outbox insert.
    await harness.deps.sql.unsafe(`
      create function reject_outbox() returns trigger language plpgsql as
        $$ begin raise exception 'outbox unavailable for this test'; end $$;
      create trigger reject_outbox before insert on outbox for each row execute function reject_outbox();
    `);
    try {
      const failure = await api.upload.complete({ uploadId }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TRPCError);
      expect((failure as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
      expect(await rowsFor(sha256Of(data))).toEqual({ wallpaperRows: [], events: [] });
      const [upload] = await harness.deps.db.select().from(uploads).where(eq(uploads.id, uploadId));
      expect(upload?.state).toBe("received");
    } finally {
      await harness.deps.sql.unsafe("drop trigger reject_outbox on outbox; drop function reject_outbox();");
    }

    const { wallpaperId } = await api.upload.complete({ uploadId });
    const after = await rowsFor(sha256Of(data));
    expect(after.wallpaperRows.map((row) => row.id)).toEqual([wallpaperId]);
    expect(after.events).toHaveLength(1);
    expect(after.events[0]?.payload).toMatchObject({ wallpaperId, sha256: sha256Of(data) });
    expect(after.events[0]?.publishedAt).toBeNull();
  });
});
