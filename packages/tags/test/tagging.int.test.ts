import type { Database } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAlias,
  autocompleteQuery,
  autocompleteTags,
  bulkTag,
  createTag,
  MAX_TAGS_PER_WALLPAPER,
  revertTagChange,
  setAutoTags,
  setTags,
  suggestTags,
  systemActor,
  tagHistory,
} from "../src/index.ts";
import { changeWallpaperTags } from "../src/tag-engine.ts";
import type { Actor } from "../src/types.ts";
import { countMismatches, makeUser, makeWallpapers, tagNamesOf } from "./fixtures.ts";

let database: TestDatabase;
let db: Database;
let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tags_tagging");
  db = database.db;
  alice = await makeUser(db);
  bob = await makeUser(db);
});
afterAll(async () => {
  await database.drop();
});

/** Processed and approved: what the gallery shows, and so what suggestions may read. */
async function showInGallery(ids: string[]) {
  for (const id of ids) await db.execute(sql`update wallpapers set processed_at = now() where id = ${id}`);
}

describe("tags per wallpaper", () => {
  it(`refuses a change that would take a wallpaper past ${MAX_TAGS_PER_WALLPAPER} tags, whole, with too_many_tags`, async () => {
    const [id] = await makeWallpapers(db, 1);
    if (!id) throw new Error("no wallpaper");
    const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `cap_${from + i}`);
    for (let from = 0; from < MAX_TAGS_PER_WALLPAPER; from += 100) {
      await setTags(db, id, { add: names(from, Math.min(100, MAX_TAGS_PER_WALLPAPER - from)) }, alice);
    }
    expect(await tagNamesOf(db, id)).toHaveLength(MAX_TAGS_PER_WALLPAPER);

    const refused = setTags(db, id, { add: ["cap_over_1", "cap_over_2"] }, alice);
    await expect(refused).rejects.toMatchObject({
      code: "validation_failed",
      details: { reason: "too_many_tags", maxTags: MAX_TAGS_PER_WALLPAPER },
    });
    // Nothing of the refused change was kept, and the wallpaper can still lose tags and swap one.
    expect(await tagNamesOf(db, id)).toHaveLength(MAX_TAGS_PER_WALLPAPER);
    await setTags(db, id, { add: ["cap_swap"], remove: ["cap_0"] }, alice);
    await setTags(db, id, { remove: ["cap_1", "cap_2"] }, alice);
    expect(await tagNamesOf(db, id)).toHaveLength(MAX_TAGS_PER_WALLPAPER - 2);
    expect(await countMismatches(db)).toEqual([]);
  });

  it("refuses with too_many_tags, not a database error, a single change that implies 2,000 tags", async () => {
    const [id] = await makeWallpapers(db, 1);
    if (!id) throw new Error("no wallpaper");
    await db.execute(sql`insert into tags (name) select 'hub_implied_' || g from generate_series(1, 2000) g`);
    await db.execute(sql`insert into tags (name) values ('hub')`);
    await db.execute(sql`
      insert into tag_implications (antecedent_id, consequent_id)
      select hub.id, t.id from tags hub, tags t where hub.name = 'hub' and t.name like 'hub\_implied\_%'`);
    await expect(setTags(db, id, { add: ["hub"] }, alice)).rejects.toMatchObject({
      code: "validation_failed",
      details: { reason: "too_many_tags", maxTags: MAX_TAGS_PER_WALLPAPER },
    });
    expect(await tagNamesOf(db, id)).toEqual([]);
    expect(await countMismatches(db)).toEqual([]);
  });
});

describe("a wallpaper deleted under a derived change", () => {
  it("is left out of a derived set (merge, implication) but not of named ids", async () => {
    const [kept] = await makeWallpapers(db, 1);
    if (!kept) throw new Error("no wallpaper");
    const gone = "00000000-0000-4000-8000-00000000dead";
    const change = (skipMissing: boolean) =>
      db.transaction((tx) =>
        changeWallpaperTags(tx, [kept, gone], { actor: alice, via: "test", skipMissing }, async () => {}),
      );
    await expect(change(false)).rejects.toMatchObject({ code: "not_found" });
    await expect(change(true)).resolves.toMatchObject({ diffs: [] });
  });
});

describe("concurrent edits merge", () => {
  it("two setTags on one wallpaper at the same time both survive", async () => {
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    await setTags(db, w, { add: ["shared"] }, alice);
    await Promise.all([
      setTags(db, w, { add: ["from_alice", "new_tag"] }, alice),
      setTags(db, w, { add: ["from_bob", "new_tag"], remove: ["shared"] }, bob),
    ]);
    expect(await tagNamesOf(db, w)).toEqual(["from_alice", "from_bob", "new_tag"]);
    expect(await countMismatches(db)).toEqual([]);
  });

  it("two bulkTag edits over overlapping wallpapers both survive with right counts", async () => {
    const ws = await makeWallpapers(db, 30);
    await Promise.all([
      bulkTag(db, { wallpaperIds: ws.slice(0, 20) }, { add: ["bulk_a", "bulk_common"] }, alice),
      bulkTag(db, { wallpaperIds: ws.slice(10) }, { add: ["bulk_b", "bulk_common"] }, bob),
      ...ws.slice(5, 15).map((w) => setTags(db, w, { add: ["single"] }, alice)),
    ]);
    const counts = await db.execute(
      sql`select name, wallpaper_count from tags where name like 'bulk%' or name = 'single' order by name`,
    );
    expect([...counts].map((r) => [r.name, r.wallpaper_count])).toEqual([
      ["bulk_a", 20],
      ["bulk_b", 20],
      ["bulk_common", 30],
      ["single", 10],
    ]);
    expect(await tagNamesOf(db, ws[12] ?? "")).toEqual(["bulk_a", "bulk_b", "bulk_common", "single"]);
    expect(await countMismatches(db)).toEqual([]);
  });

  it("bulkTag counts a repeated id once, resolves aliases, and a stale expectedVersion is refused", async () => {
    const ws = await makeWallpapers(db, 4);
    await bulkTag(db, { wallpaperIds: ws.slice(0, 2) }, { add: ["bulk_old"] }, alice);
    await addAlias(db, "bo", "bulk_old", alice);
    const result = await bulkTag(
      db,
      { wallpaperIds: [...ws, ...ws.slice(0, 2)] },
      { add: ["both_ab"], remove: ["bo"] },
      alice,
    );
    expect(result).toMatchObject({ matched: 4, changed: 4 });
    expect(
      (await db.execute(sql`select wallpaper_count from tags where name = 'bulk_old'`))[0]?.wallpaper_count,
    ).toBe(0);
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    const first = await setTags(db, w, { add: ["v1"] }, alice);
    await setTags(db, w, { add: ["v2"] }, bob);
    await expect(
      setTags(db, w, { add: ["v3"], expectedVersion: first.version }, alice),
    ).rejects.toMatchObject({
      code: "conflict",
      details: { reason: "version_mismatch" },
    });
    expect(await countMismatches(db)).toEqual([]);
  });
});

describe("auto tags, history and revert", () => {
  it("setAutoTags replaces only auto rows and keeps human ones", async () => {
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    await setTags(db, w, { add: ["landscape"] }, alice);
    await setAutoTags(db, w, ["4k", "landscape", "16x9"], { id: null });
    await setAutoTags(db, w, ["4k", "landscape"], { id: null });
    expect(await tagNamesOf(db, w, "auto")).toEqual(["4k", "landscape"]);
    await setTags(db, w, { remove: ["landscape"] }, alice);
    expect(await tagNamesOf(db, w, "human")).toEqual([]);
    expect(await tagNamesOf(db, w)).toEqual(["4k", "landscape"]);
    expect(await countMismatches(db)).toEqual([]);
  });

  it("records every change per wallpaper and per tag, and reverts one as a new delta", async () => {
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    const added = await setTags(db, w, { add: ["river", "forest"] }, alice);
    await setTags(db, w, { add: ["fog"] }, bob);
    const history = await tagHistory(db, { wallpaperId: w });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      actorId: bob.id,
      data: { via: "setTags", human: { added: [{ name: "fog" }] } },
    });
    const river = added.tags.find((t) => t.name === "river");
    if (!river || added.auditId === null) throw new Error("missing tag or audit");
    const tagEntries = await tagHistory(db, { tagId: river.tagId });
    expect(tagEntries.map((e) => e.action)).toEqual(["wallpaper.tags", "tag.created"]);

    await revertTagChange(db, added.auditId, bob);
    // Bob's later "fog" stays: revert removes only what that entry added.
    expect(await tagNamesOf(db, w)).toEqual(["fog"]);
    expect((await tagHistory(db, { wallpaperId: w }))[0]).toMatchObject({
      data: { via: "revert", revertOf: added.auditId },
    });
    await expect(revertTagChange(db, 999_999, bob)).rejects.toMatchObject({
      details: { reason: "audit_not_found" },
    });
    expect(await countMismatches(db)).toEqual([]);
  });
});

describe("autocomplete and suggestions", () => {
  it("answers by prefix and alias with counts, most used first, through an index on ~5k tags", async () => {
    await db.execute(sql`insert into tags (name, wallpaper_count)
      select 'seed_' || lpad(g::text, 5, '0'), (g * 7919) % 1000 from generate_series(1, 5000) g`);
    await createTag(db, { name: "mountain" }, alice);
    await addAlias(db, "mount", "mountain", alice);
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    await setTags(db, w, { add: ["mountain"] }, alice);
    await db.execute(sql`analyze tags`);
    await db.execute(sql`analyze tag_aliases`);

    const hits = await autocompleteTags(db, "Moun", 5);
    expect(hits[0]).toMatchObject({ name: "mountain", wallpaperCount: 1, matchedAlias: null });
    const alias = await autocompleteTags(db, "mount", 5);
    expect(alias).toEqual([expect.objectContaining({ name: "mountain", matchedAlias: null })]);
    const seeded = await autocompleteTags(db, "seed_012", 3);
    expect(seeded).toHaveLength(3);
    expect(seeded.map((h) => h.wallpaperCount)).toEqual(
      [...seeded.map((h) => h.wallpaperCount)].sort((a, b) => b - a),
    );
    expect(await autocompleteTags(db, "seed_", 200)).toHaveLength(50);

    // Generic plans are what prepared statements settle on; the range form must still use the index.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = [...(await tx.execute(sql`explain ${autocompleteQuery("seed_01", 10)}`))]
        .map((r) => String(r["QUERY PLAN"]))
        .join("\n");
      expect(plan).toMatch(/Index.*tags_name_prefix_idx/);
      expect(plan).toMatch(/Index.*tag_aliases_name_prefix_idx/);
    });
    const plan = [...(await db.execute(sql`explain ${autocompleteQuery("seed_0123", 10)}`))]
      .map((r) => String(r["QUERY PLAN"]))
      .join("\n");
    expect(plan).toMatch(/tags_name_prefix_idx/);
  });

  it("alias hits show the tag they resolve to", async () => {
    await createTag(db, { name: "automobile_x" }, alice);
    await addAlias(db, "carro", "automobile_x", alice);
    expect(await autocompleteTags(db, "carr")).toEqual([
      expect.objectContaining({ name: "automobile_x", matchedAlias: "carro" }),
    ]);
  });

  it("suggests tags from near-duplicates and co-occurring tags with a score and readable reasons", async () => {
    const [target, dup, other] = await makeWallpapers(db, 3);
    if (!target || !dup || !other) throw new Error("no wallpapers");
    await showInGallery([target, dup, other]);
    await setTags(db, target, { add: ["beach"] }, alice);
    await setTags(db, dup, { add: ["beach", "sunset", "palm"] }, alice);
    await setTags(db, other, { add: ["beach", "palm"] }, alice);
    await db.execute(
      sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance) values (${dup}, ${target}, 3)`,
    );
    const suggestions = await suggestTags(db, target);
    const byName = new Map(suggestions.map((s) => [s.name, s]));
    expect(byName.get("sunset")?.reasons.map((r) => r.text)).toEqual([
      "on its near-duplicate",
      "often together with beach (1 of 2)",
    ]);
    expect(byName.get("palm")?.reasons.map((r) => r.kind)).toEqual(["near_duplicate", "co_occurrence"]);
    expect(byName.has("beach")).toBe(false);
    expect(suggestions[0]?.score).toBeGreaterThanOrEqual(suggestions.at(-1)?.score ?? 0);
    expect(byName.get("palm")?.score).toBeGreaterThan(0.9);
  });

  it("suggests no fact, meta or present tag, whatever the neighbours carry", async () => {
    const [target, dup, rejected] = await makeWallpapers(db, 3);
    if (!target || !dup || !rejected) throw new Error("no wallpapers");
    await showInGallery([target, dup, rejected]);
    // A rejected near-duplicate is no evidence: the route is public and its tags are not to be read.
    await db.execute(sql`update wallpapers set moderation = 'rejected' where id = ${rejected}`);
    await setTags(db, rejected, { add: ["lake", "hidden_detail"] }, alice);
    await db.execute(
      sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance) values (${rejected}, ${target}, 1)`,
    );
    await setAutoTags(db, target, ["16x10", "qhd", "landscape"], systemActor);
    await setTags(db, target, { add: ["lake"] }, alice);
    // A person tagged facts by hand (`general` tags) next to real subjects; the auto tagger added its own.
    await setTags(db, dup, { add: ["lake", "pier", "9x16", "portrait", "sky_blue", "landscape"] }, alice);
    await setAutoTags(db, dup, ["16x9", "4k", "file_fact"], systemActor);
    await db.execute(
      sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance) values (${target}, ${dup}, 2)`,
    );
    expect((await suggestTags(db, target)).map((s) => s.name)).toEqual(["pier"]);
  });
});
