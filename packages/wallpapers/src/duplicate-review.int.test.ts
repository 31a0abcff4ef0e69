import { randomBytes } from "node:crypto";
import {
  collectionItems,
  collections,
  favorites,
  outbox,
  tags,
  users,
  wallpaperFacts,
  wallpaperNearDuplicates,
  wallpaperPopularity,
  wallpapers,
  wallpaperTags,
} from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicateGroups } from "./duplicate-review.ts";
import { dismissDuplicateGroup, keepDuplicate, keepDuplicatesInBulk } from "./duplicate-review-keep.ts";

let database: TestDatabase;
const curator = { id: "dup_curator" };
const fans = ["dup_fan_a", "dup_fan_b"];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insert(users)
    .values(
      [curator.id, "dup_uploader", ...fans].map((id) => ({ id, name: id, email: `${id}@example.test` })),
    );
});

afterAll(async () => {
  await database?.drop();
});

async function wallpaper(options: { width: number; height: number; minutesAgo: number; quality?: number }) {
  const [row] = await database.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/jpeg",
      originalKey: `originals/${randomBytes(8).toString("hex")}`,
      originalFilename: `w-${options.width}.jpg`,
      sizeBytes: options.width * options.height,
      width: options.width,
      height: options.height,
      uploaderId: "dup_uploader",
      processedAt: new Date(),
      createdAt: new Date(Date.now() - options.minutesAgo * 60_000),
    })
    .returning({ id: wallpapers.id });
  const id = row?.id ?? "";
  if (options.quality !== undefined) {
    await database.db.insert(wallpaperFacts).values({ wallpaperId: id, qualityScore: options.quality });
  }
  return id;
}

async function flag(wallpaperId: string, duplicateOf: string, minutesAgo = 0) {
  await database.db
    .insert(wallpaperNearDuplicates)
    .values({ wallpaperId, duplicateOf, distance: 2, flaggedAt: new Date(Date.now() - minutesAgo * 60_000) });
}

async function tagIdsOf(name: string) {
  const [row] = await database.db
    .insert(tags)
    .values({ name })
    .onConflictDoNothing()
    .returning({ id: tags.id });
  if (row) return row.id;
  const [found] = await database.db.select({ id: tags.id }).from(tags).where(eq(tags.name, name));
  return found?.id ?? 0;
}

async function groupOf(id: string) {
  const { groups } = await duplicateGroups(database.db, { limit: 100, offset: 0 });
  const group = groups.find((g) => g.ids.includes(id));
  if (!group) throw new Error(`no open group holds ${id}`);
  return group;
}

describe("duplicate review", () => {
  it("groups connected flags, newest group first, and picks the default keep", async () => {
    // A chain: copy -> original <- crop, flagged 30 and 5 minutes ago; a separate pair flagged 10 ago.
    const original = await wallpaper({ width: 1920, height: 1080, minutesAgo: 60, quality: 40 });
    const copy = await wallpaper({ width: 1920, height: 1080, minutesAgo: 50, quality: 70 });
    const crop = await wallpaper({ width: 1280, height: 720, minutesAgo: 40, quality: 90 });
    const pairA = await wallpaper({ width: 800, height: 600, minutesAgo: 30 });
    const pairB = await wallpaper({ width: 800, height: 600, minutesAgo: 20 });
    await flag(copy, original, 30);
    await flag(crop, original, 5);
    await flag(pairB, pairA, 10);

    const first = await duplicateGroups(database.db, { limit: 1, offset: 0 });
    expect(first.total).toBe(2);
    expect(first.openFlags).toBe(3);
    const [chain] = first.groups;
    expect(chain?.ids).toEqual([original, copy, crop].sort());
    // Same resolution: the better quality wins over age; the smaller crop comes last.
    expect(chain?.defaultKeepId).toBe(copy);
    expect(chain?.members.map((m) => m.id)).toEqual([copy, original, crop]);
    expect(chain?.members[0]).toMatchObject({ width: 1920, qualityScore: 70, uploaderName: "dup_uploader" });

    const second = await duplicateGroups(database.db, { limit: 1, offset: 1 });
    expect(second.groups[0]?.ids).toEqual([pairA, pairB].sort());
    // Same size, no quality: the older one.
    expect(second.groups[0]?.defaultKeepId).toBe(pairA);
  });

  it("keeps one: moves human tags, favorites and collection entries, rejects the rest once", async () => {
    const big = await wallpaper({ width: 3840, height: 2160, minutesAgo: 5 });
    const small = await wallpaper({ width: 1920, height: 1080, minutesAgo: 90 });
    const smaller = await wallpaper({ width: 1280, height: 720, minutesAgo: 80 });
    await flag(big, small);
    await flag(smaller, small);
    const [sunset, beach, colour] = [
      await tagIdsOf("sunset"),
      await tagIdsOf("beach"),
      await tagIdsOf("red"),
    ];
    await database.db.insert(wallpaperTags).values([
      { wallpaperId: small, tagId: sunset, source: "human" },
      { wallpaperId: smaller, tagId: beach, source: "human" },
      { wallpaperId: smaller, tagId: sunset, source: "human" },
      { wallpaperId: small, tagId: colour, source: "auto" },
    ]);
    const hearted = new Date(Date.now() - 86_400_000);
    await database.db.insert(favorites).values([
      { userId: "dup_fan_a", wallpaperId: small, createdAt: hearted },
      { userId: "dup_fan_a", wallpaperId: smaller },
      { userId: "dup_fan_b", wallpaperId: big },
      { userId: "dup_fan_b", wallpaperId: smaller },
    ]);
    const [listA, listB] = await database.db
      .insert(collections)
      .values([
        { ownerId: "dup_fan_a", name: "A" },
        { ownerId: "dup_fan_b", name: "B" },
      ])
      .returning({ id: collections.id });
    const a = listA?.id ?? "";
    const b = listB?.id ?? "";
    await database.db.insert(collectionItems).values([
      { collectionId: a, wallpaperId: small, position: 2048 },
      { collectionId: a, wallpaperId: smaller, position: 4096 },
      { collectionId: b, wallpaperId: big, position: 1024 },
      { collectionId: b, wallpaperId: small, position: 3072 },
    ]);

    const group = await groupOf(big);
    expect(group.defaultKeepId).toBe(big);
    const decision = {
      memberIds: group.ids,
      version: group.version,
      keepId: big,
      rejectIds: [small, smaller],
    };
    const result = await keepDuplicate(database.db, decision, curator);
    expect(result).toMatchObject({
      alreadyDone: false,
      // fan_b already kept the big one: one heart moves, one goes.
      moved: { tags: 2, favorites: 1, collectionEntries: 1 },
    });
    expect(result.rejected.sort()).toEqual([small, smaller].sort());

    const humanTags = await database.db
      .select({ tagId: wallpaperTags.tagId, source: wallpaperTags.source })
      .from(wallpaperTags)
      .where(eq(wallpaperTags.wallpaperId, big));
    expect(humanTags.map((t) => `${t.tagId}:${t.source}`).sort()).toEqual(
      [`${sunset}:human`, `${beach}:human`].sort(),
    );
    const hearts = await database.db
      .select({
        userId: favorites.userId,
        wallpaperId: favorites.wallpaperId,
        createdAt: favorites.createdAt,
      })
      .from(favorites)
      .where(inArray(favorites.userId, fans))
      .orderBy(asc(favorites.userId));
    expect(hearts.map((h) => [h.userId, h.wallpaperId])).toEqual([
      ["dup_fan_a", big],
      ["dup_fan_b", big],
    ]);
    expect(hearts[0]?.createdAt.getTime()).toBe(hearted.getTime());
    const [popularity] = await database.db
      .select({ favorites: wallpaperPopularity.favorites })
      .from(wallpaperPopularity)
      .where(eq(wallpaperPopularity.wallpaperId, big));
    expect(popularity?.favorites).toBe(2);
    const entries = await database.db
      .select({
        c: collectionItems.collectionId,
        w: collectionItems.wallpaperId,
        p: collectionItems.position,
      })
      .from(collectionItems)
      .where(inArray(collectionItems.collectionId, [a, b]));
    // A: the copy's first place goes to the kept one, the second copy's entry goes. B: already there.
    expect(entries.sort((x, y) => x.c.localeCompare(y.c))).toEqual(
      [
        { c: a, w: big, p: 2048 },
        { c: b, w: big, p: 1024 },
      ].sort((x, y) => x.c.localeCompare(y.c)),
    );
    const states = await database.db
      .select({ id: wallpapers.id, moderation: wallpapers.moderation, reason: wallpapers.moderationReason })
      .from(wallpapers)
      .where(inArray(wallpapers.id, [big, small, smaller]));
    expect(states.find((s) => s.id === big)?.moderation).toBe("approved");
    expect(states.filter((s) => s.id !== big).map((s) => [s.moderation, s.reason])).toEqual([
      ["rejected", `Duplicate of ${big}`],
      ["rejected", `Duplicate of ${big}`],
    ]);
    // The search index hears of the rejections in the same transaction.
    const events = await database.db.select({ payload: outbox.payload }).from(outbox);
    expect(JSON.stringify(events)).toContain(small);
    expect(
      (await duplicateGroups(database.db, { limit: 100, offset: 0 })).groups.some((g) => g.ids.includes(big)),
    ).toBe(false);

    // Idempotent: the same request again changes nothing and says so.
    const again = await keepDuplicate(database.db, decision, curator);
    expect(again).toMatchObject({ alreadyDone: true, rejected: [] });
    const [after] = await database.db
      .select({ favorites: wallpaperPopularity.favorites })
      .from(wallpaperPopularity)
      .where(eq(wallpaperPopularity.wallpaperId, big));
    expect(after?.favorites).toBe(2);
  });

  it("refuses with duplicate_group_changed when a member changed, and dismisses as not duplicates", async () => {
    const one = await wallpaper({ width: 1000, height: 1000, minutesAgo: 3 });
    const two = await wallpaper({ width: 900, height: 900, minutesAgo: 2 });
    await flag(two, one);
    const group = await groupOf(one);
    // Someone changes the purity (updated_at) after the curator loaded the group.
    await database.db
      .update(wallpapers)
      .set({ purity: "sketchy", updatedAt: new Date() })
      .where(eq(wallpapers.id, two));
    const stale = { memberIds: group.ids, version: group.version, keepId: one, rejectIds: [two] };
    await expect(keepDuplicate(database.db, stale, curator)).rejects.toMatchObject({
      code: "conflict",
      details: { reason: "duplicate_group_changed" },
    });
    await expect(dismissDuplicateGroup(database.db, stale, curator)).rejects.toMatchObject({
      details: { reason: "duplicate_group_changed" },
    });
    const fresh = await groupOf(one);
    const decision = { memberIds: fresh.ids, version: fresh.version };
    expect(await dismissDuplicateGroup(database.db, decision, curator)).toEqual({ resolved: 1 });
    expect(await dismissDuplicateGroup(database.db, decision, curator)).toEqual({ resolved: 0 });
    const [row] = await database.db
      .select({ moderation: wallpapers.moderation })
      .from(wallpapers)
      .where(eq(wallpapers.id, two));
    expect(row?.moderation).toBe("approved");
    await expect(
      keepDuplicate(database.db, { ...decision, keepId: one, rejectIds: [one] }, curator),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("applies the default choice to a page of groups, reporting the ones that changed", async () => {
    const pairs: { keep: string; copy: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const keep = await wallpaper({ width: 2000, height: 1000, minutesAgo: 200 + i });
      const copy = await wallpaper({ width: 1000, height: 500, minutesAgo: 100 + i });
      await flag(copy, keep);
      pairs.push({ keep, copy });
    }
    const { groups } = await duplicateGroups(database.db, { limit: 50, offset: 0 });
    const page = groups.filter((g) => pairs.some((p) => g.ids.includes(p.keep)));
    expect(page).toHaveLength(4);
    const changed = pairs[3]?.copy ?? "";
    await database.db.update(wallpapers).set({ updatedAt: new Date() }).where(eq(wallpapers.id, changed));
    const started = performance.now();
    const { results } = await keepDuplicatesInBulk(
      database.db,
      page.map((g) => ({
        memberIds: g.ids,
        version: g.version,
        keepId: g.defaultKeepId,
        rejectIds: g.ids.filter((id) => id !== g.defaultKeepId),
      })),
      curator,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(results.filter((r) => r.status === "kept")).toHaveLength(3);
    expect(results.filter((r) => r.status === "conflict").map((r) => r.memberIds)).toEqual([
      [pairs[3]?.keep ?? "", changed].sort(),
    ]);
    const rejected = await database.db
      .select({ id: wallpapers.id })
      .from(wallpapers)
      .where(
        and(
          inArray(
            wallpapers.id,
            pairs.map((p) => p.copy),
          ),
          eq(wallpapers.moderation, "rejected"),
        ),
      );
    expect(rejected.map((r) => r.id).sort()).toEqual(
      pairs
        .slice(0, 3)
        .map((p) => p.copy)
        .sort(),
    );
  });

  it("pages an import that flagged 1,000 pairs in one read, and keeps a page of 50 in one request", async ({
    annotate,
  }) => {
    // 2,000 wallpapers in 1,000 pairs, made in SQL: what a large import leaves for review.
    await database.db.execute(sql`
      with made as (
        insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height, processed_at, created_at)
        select encode(sha256((random()::text || g)::bytea), 'hex'), 'image', 'image/jpeg', 'originals/bulk-' || g, 1000, 1000 + (g % 2) * 1000, 800, now(), now() - g * interval '1 second'
        from generate_series(1, 2000) g
        returning id, original_key
      ), numbered as (
        select id, substr(original_key, 16)::int as g from made
      )
      insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance, flagged_at)
      select a.id, b.id, 4, now() - a.g * interval '1 second'
      from numbered a join numbered b on b.g = a.g + 1 where a.g % 2 = 1`);
    const started = performance.now();
    const first = await duplicateGroups(database.db, { limit: 50, offset: 0 });
    const listMs = performance.now() - started;
    expect(first.total).toBeGreaterThanOrEqual(1000);
    expect(first.groups).toHaveLength(50);
    const keptAt = performance.now();
    const { results } = await keepDuplicatesInBulk(
      database.db,
      first.groups.map((g) => ({
        memberIds: g.ids,
        version: g.version,
        keepId: g.defaultKeepId,
        rejectIds: g.ids.filter((id) => id !== g.defaultKeepId),
      })),
      curator,
    );
    const keepMs = performance.now() - keptAt;
    expect(results.every((r) => r.status === "kept")).toBe(true);
    expect((await duplicateGroups(database.db, { limit: 1, offset: 0 })).total).toBe(first.total - 50);
    await annotate(
      `duplicate review: a page of ${first.total} groups in ${listMs.toFixed(0)} ms; 50 kept in ${keepMs.toFixed(0)} ms`,
    );
    expect(listMs).toBeLessThan(2_000);
    expect(keepMs).toBeLessThan(10_000);
  });
});
