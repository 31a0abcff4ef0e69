import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { auditLog, outbox, tags, wallpapers } from "@wallpaperdb/db";
import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const people = {
  owner: { id: "del_owner", role: "user" },
  other: { id: "del_other", role: "user" },
  curator: { id: "del_curator", role: "curator" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
});
afterAll(async () => {
  await h?.close();
});

async function callerFor(who: keyof typeof people) {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
  return createCaller({ ...ctx, user: { ...people[who], via: "session" } });
}

async function ownedWallpaper(moderation: "approved" | "pending" = "approved"): Promise<string> {
  const sha256 = randomBytes(32).toString("hex");
  const [row] = await h.deps.db
    .insert(wallpapers)
    .values({
      sha256,
      mediaType: "image",
      mimeType: "image/png",
      originalKey: `originals/${sha256}`,
      sizeBytes: 1,
      width: 10,
      height: 10,
      uploaderId: people.owner.id,
      moderation,
      processedAt: new Date(),
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper");
  return row.id;
}

const countOf = async (name: string) =>
  (await h.deps.db.select({ n: tags.wallpaperCount }).from(tags).where(eq(tags.name, name)))[0]?.n;

describe("wallpaper.delete", () => {
  it("lets the uploader delete, fixes tag counts, audits it and enqueues the index and cleanup events", async () => {
    const id = await ownedWallpaper();
    const kept = await ownedWallpaper();
    const owner = await callerFor("owner");
    await owner.wallpaper.setTags({ wallpaperId: id, add: ["del_sky", "del_sea"] });
    await owner.wallpaper.setTags({ wallpaperId: kept, add: ["del_sky"] });
    expect(await countOf("del_sky")).toBe(2);
    const [{ maxId } = { maxId: 0 }] = await h.deps.db
      .select({ maxId: sql<number>`coalesce(max(${outbox.id}), 0)::int` })
      .from(outbox);

    await expect(owner.wallpaper.delete({ wallpaperId: id })).resolves.toEqual({
      wallpaperId: id,
      tagsRemoved: 2,
      takenDown: false,
    });

    expect(await h.deps.db.select().from(wallpapers).where(eq(wallpapers.id, id))).toEqual([]);
    expect(await countOf("del_sky")).toBe(1);
    expect(await countOf("del_sea")).toBe(0);
    const [audit] = await h.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "wallpaper.deleted"), eq(auditLog.entityId, id)));
    expect(audit).toMatchObject({
      actorId: people.owner.id,
      data: { uploaderId: people.owner.id, tagsRemoved: 2 },
    });
    const events = await h.deps.db.select().from(outbox).where(gt(outbox.id, maxId));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["wallpaper.changed.v1", "wallpaper.deleted.v1"]),
    );
    expect(events.find((e) => e.type === "wallpaper.deleted.v1")?.payload).toMatchObject({
      wallpaperId: id,
      originalKey: expect.stringMatching(/^originals\//),
    });
    expect(
      events.find(
        (e) => e.type === "wallpaper.changed.v1" && (e.payload as { change: string }).change === "deleted",
      )?.payload,
    ).toEqual({
      wallpaperIds: [id],
      change: "deleted",
    });
    // Tag history still reads (the audit entries outlive the wallpaper) for its owner and curators.
    const [sky] = await h.deps.db.select({ id: tags.id }).from(tags).where(eq(tags.name, "del_sky"));
    await expect(owner.tag.history({ tagId: sky?.id ?? 0 })).resolves.toBeDefined();
    await expect((await callerFor("curator")).tag.history({ tagId: sky?.id ?? 0 })).resolves.toBeDefined();
    // Gone for everyone, and a second delete says so.
    await expect(owner.wallpaper.byId({ wallpaperId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.wallpaper.delete({ wallpaperId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses another user (forbidden), hides a held wallpaper from them (not_found), lets a curator delete", async () => {
    const visible = await ownedWallpaper();
    const held = await ownedWallpaper("pending");
    const other = await callerFor("other");
    await expect(other.wallpaper.delete({ wallpaperId: visible })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { details: { reason: "not_owner" } },
    });
    await expect(other.wallpaper.delete({ wallpaperId: held })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const curator = await callerFor("curator");
    await curator.wallpaper.delete({ wallpaperId: visible });
    await curator.wallpaper.delete({ wallpaperId: held });
    const left = await h.deps.db
      .select({ id: wallpapers.id })
      .from(wallpapers)
      .where(eq(wallpapers.id, held));
    expect(left).toEqual([]);
  });
});
