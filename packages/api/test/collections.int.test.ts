import type { Caller } from "@wallpaperdb/auth";
import { collectionItems, collections, users, variants, wallpapers } from "@wallpaperdb/db";
import { loadCards, randomRedirect } from "@wallpaperdb/search";
import {
  collectionPageQuery,
  POSITION_GAP,
  publicCollectionNewest,
  randomCollectionWallpaper,
} from "@wallpaperdb/wallpapers";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, insertWallpaperRow } from "./callers.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const people = {
  alice: { id: "col_alice", role: "user" },
  bob: { id: "col_bob", role: "user" },
  admin: { id: "col_admin", role: "admin" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: Harness;

async function callerFor(who: keyof typeof people | "anonymous") {
  return callerAs(h.deps, who === "anonymous" ? null : people[who]);
}

async function insertWallpaper(moderation: "approved" | "rejected" = "approved"): Promise<string> {
  const id = await insertWallpaperRow(h.deps.db, people.alice.id, moderation);
  await h.deps.db.insert(variants).values({
    wallpaperId: id,
    kind: "preview",
    format: "jpeg",
    width: 16,
    height: 9,
    sizeBytes: 1,
    storageKey: `variants/${id}/preview.jpeg`,
    contentHash: `h${id.slice(0, 8)}`,
  });
  return id;
}

async function order(collectionId: string): Promise<string[]> {
  const alice = await callerFor("alice");
  const page = await alice.collection.items({ collectionId, limit: 100 });
  return page.items.map((card) => card.id);
}

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
});
afterAll(async () => {
  await h?.close();
});

describe("collections", () => {
  it("keeps wallpapers in the order added; adding again is a no-op; moves go anywhere", async () => {
    const alice = await callerFor("alice");
    const ids = await Promise.all(Array.from({ length: 5 }, () => insertWallpaper()));
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    const created = await alice.collection.create({ name: "  Mountains  " });
    expect(created).toMatchObject({ name: "Mountains", isPublic: false, own: true, itemCount: 0 });
    const collectionId = created.id;
    expect(await alice.collection.add({ collectionId, wallpaperIds: [a, b, c] })).toEqual({ added: 3 });
    // Idempotent: already there keeps its place, the new one goes last.
    expect(await alice.collection.add({ collectionId, wallpaperIds: [b, d, d] })).toEqual({ added: 1 });
    await alice.collection.add({ collectionId, wallpaperIds: [e] });
    expect(await order(collectionId)).toEqual([a, b, c, d, e]);

    await alice.collection.move({ collectionId, wallpaperId: e, afterId: null });
    expect(await order(collectionId)).toEqual([e, a, b, c, d]);
    await alice.collection.move({ collectionId, wallpaperId: e, afterId: b });
    expect(await order(collectionId)).toEqual([a, b, e, c, d]);
    await alice.collection.move({ collectionId, wallpaperId: a, afterId: d });
    expect(await order(collectionId)).toEqual([b, e, c, d, a]);
    expect(await codeOf(alice.collection.move({ collectionId, wallpaperId: a, afterId: a }))).toBe(
      "bad_request",
    );
    const outsider = await insertWallpaper();
    expect(await codeOf(alice.collection.move({ collectionId, wallpaperId: outsider, afterId: null }))).toBe(
      "not_found",
    );

    // The picker's checkmarks and the count.
    const mine = await alice.collection.mine({ containing: [a, outsider] });
    expect(mine.find((row) => row.id === collectionId)).toMatchObject({ contains: 1, itemCount: 5 });

    expect(await alice.collection.remove({ collectionId, wallpaperIds: [e, outsider] })).toEqual({
      removed: 1,
    });
    expect(await order(collectionId)).toEqual([b, c, d, a]);
    const renamed = await alice.collection.update({ collectionId, name: "Peaks", description: "High ones" });
    expect(renamed).toMatchObject({ name: "Peaks", description: "High ones", itemCount: 4 });
  });

  it("a move writes one row; a spot whose gap ran out renumbers the collection once, keeping the order", async () => {
    const alice = await callerFor("alice");
    const ids = await Promise.all(Array.from({ length: 20 }, () => insertWallpaper()));
    const { id: collectionId } = await alice.collection.create({ name: "Crowded" });
    await alice.collection.add({ collectionId, wallpaperIds: ids });
    const expected = [...ids];
    let renumbers = 0;
    // Always the last one to second place: each move halves the same gap.
    for (let step = 0; step < 40; step += 1) {
      const moved = expected.pop() ?? "";
      const result = await alice.collection.move({
        collectionId,
        wallpaperId: moved,
        afterId: expected[0] ?? null,
      });
      expected.splice(1, 0, moved);
      if (result.renumbered) renumbers += 1;
    }
    expect(await order(collectionId)).toEqual(expected);
    // 16 halvings of a 65,536 gap: a renumber at most every 17th move.
    expect(renumbers).toBeGreaterThanOrEqual(2);
    expect(renumbers).toBeLessThanOrEqual(3);
    const positions = await h.deps.db
      .select({ position: collectionItems.position })
      .from(collectionItems)
      .where(eq(collectionItems.collectionId, collectionId))
      .orderBy(asc(collectionItems.position));
    expect(new Set(positions.map((row) => row.position)).size).toBe(20);
    expect(POSITION_GAP).toBe(65_536);
  });

  it("a private collection is not_found to everyone but its owner, through every door", async () => {
    const alice = await callerFor("alice");
    const wallpaperId = await insertWallpaper();
    const { id: collectionId } = await alice.collection.create({ name: "Secret" });
    await alice.collection.add({ collectionId, wallpaperIds: [wallpaperId] });
    for (const who of ["anonymous", "bob", "admin"] as const) {
      const other = await callerFor(who);
      expect(await codeOf(other.collection.byId({ collectionId })), who).toBe("not_found");
      expect(await codeOf(other.collection.items({ collectionId })), who).toBe("not_found");
      if (who === "anonymous") continue;
      expect(await codeOf(other.collection.add({ collectionId, wallpaperIds: [wallpaperId] }))).toBe(
        "not_found",
      );
      expect(await codeOf(other.collection.remove({ collectionId, wallpaperIds: [wallpaperId] }))).toBe(
        "not_found",
      );
      expect(await codeOf(other.collection.move({ collectionId, wallpaperId, afterId: null }))).toBe(
        "not_found",
      );
      expect(await codeOf(other.collection.update({ collectionId, isPublic: true }))).toBe("not_found");
      expect(await codeOf(other.collection.delete({ collectionId }))).toBe("not_found");
    }
    expect(await (await callerFor("anonymous")).collection.byAccount({ userId: people.alice.id })).toEqual(
      [],
    );
    // The random door and the feed's function.
    for (const caller of [null, { id: people.bob.id }]) {
      await expect(randomCollectionWallpaper(h.deps.db, caller, collectionId)).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(publicCollectionNewest(h.deps.db, collectionId, 10)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await randomCollectionWallpaper(h.deps.db, { id: people.alice.id }, collectionId)).toBe(
      wallpaperId,
    );

    // Made public: everyone sees it, only its owner changes it.
    await alice.collection.update({ collectionId, isPublic: true });
    const bob = await callerFor("bob");
    expect(await bob.collection.byId({ collectionId })).toMatchObject({
      name: "Secret",
      ownerName: people.alice.id,
      own: false,
      itemCount: 1,
    });
    expect(await codeOf(bob.collection.add({ collectionId, wallpaperIds: [wallpaperId] }))).toBe("forbidden");
    expect(
      (await (await callerFor("anonymous")).collection.byAccount({ userId: people.alice.id })).map(
        (c) => c.id,
      ),
    ).toContain(collectionId);
    expect(
      (await publicCollectionNewest(h.deps.db, collectionId, 10)).items.map((i) => i.wallpaperId),
    ).toEqual([wallpaperId]);
  });

  it("only wallpapers the owner may see go in; a hidden one drops out of the page and the count", async () => {
    const bob = await callerFor("bob");
    const shown = await insertWallpaper();
    const hidden = await insertWallpaper("rejected");
    const { id: collectionId } = await bob.collection.create({ name: "Mixed", isPublic: true });
    expect(await codeOf(bob.collection.add({ collectionId, wallpaperIds: [shown, hidden] }))).toBe(
      "not_found",
    );
    expect((await bob.collection.byId({ collectionId })).itemCount).toBe(0);
    await bob.collection.add({ collectionId, wallpaperIds: [shown] });
    await h.deps.db.update(wallpapers).set({ moderation: "rejected" }).where(eq(wallpapers.id, shown));
    expect((await bob.collection.items({ collectionId })).items).toEqual([]);
    expect((await bob.collection.byId({ collectionId })).itemCount).toBe(0);
  });

  it("/api/random?collection: picks from the collection, a private one only for its owner, else 404", async () => {
    const alice = await callerFor("alice");
    const ids = await Promise.all(Array.from({ length: 3 }, () => insertWallpaper()));
    const { id: collectionId } = await alice.collection.create({ name: "Desktop" });
    await alice.collection.add({ collectionId, wallpaperIds: ids });
    // Composed as the web route composes it.
    const fromCollection = (caller: Pick<Caller, "id"> | null) => async (id: string, seed?: number) => {
      const chosen = await randomCollectionWallpaper(h.deps.db, caller, id, seed);
      return chosen ? ((await loadCards(h.deps.db, [chosen]))[0] ?? null) : null;
    };
    const params = new URLSearchParams({ collection: collectionId, seed: "3" });
    const first = await randomRedirect(h.deps.search, params, fromCollection({ id: people.alice.id }));
    expect(first.status).toBe(302);
    const location = first.headers.get("location") ?? "";
    expect(ids.some((id) => location.startsWith(`/media/${id}/preview.jpeg`))).toBe(true);
    // The same seed, the same wallpaper.
    const again = await randomRedirect(h.deps.search, params, fromCollection({ id: people.alice.id }));
    expect(again.headers.get("location")).toBe(location);
    await expect(randomRedirect(h.deps.search, params, fromCollection(null))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      randomRedirect(h.deps.search, params, fromCollection({ id: people.bob.id })),
    ).rejects.toMatchObject({ code: "not_found" });
    // A collection takes no search filters: they would silently not apply.
    await expect(
      randomRedirect(
        h.deps.search,
        new URLSearchParams({ collection: collectionId, atleast: "1920x1080" }),
        fromCollection({ id: people.alice.id }),
      ),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      randomRedirect(h.deps.search, new URLSearchParams({ collection: "nope" }), fromCollection(null)),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("cascades: a deleted wallpaper leaves its collections, a deleted account takes its collections", async () => {
    await seedUsers(h.deps.db, [{ id: "col_gone", role: "user" }]);
    const gone = await callerAs(h.deps, { id: "col_gone", role: "user" });
    const kept = await insertWallpaper();
    const deleted = await insertWallpaper();
    const { id: collectionId } = await gone.collection.create({ name: "Going" });
    await gone.collection.add({ collectionId, wallpaperIds: [kept, deleted] });
    await h.deps.db.delete(wallpapers).where(eq(wallpapers.id, deleted));
    const items = await h.deps.db
      .select()
      .from(collectionItems)
      .where(eq(collectionItems.collectionId, collectionId));
    expect(items.map((row) => row.wallpaperId)).toEqual([kept]);
    await h.deps.db.delete(users).where(eq(users.id, "col_gone"));
    expect(await h.deps.db.select().from(collections).where(eq(collections.ownerId, "col_gone"))).toEqual([]);
    expect(
      await h.deps.db.select().from(collectionItems).where(eq(collectionItems.collectionId, collectionId)),
    ).toEqual([]);
  });
});

describe("EXPLAIN of a collection page", () => {
  it("walks the collection's order index, also from a cursor, for a 5000-item collection among 60k rows", async () => {
    await seedUsers(h.deps.db, [{ id: "col_heavy", role: "user" }]);
    await h.deps.db.execute(sql`insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes,
        width, height, moderation, processed_at)
      select md5(g::text) || md5((g * 7)::text), 'image', 'image/png', 'originals/colheavy-' || g, 1, 16, 9,
        'approved', now()
      from generate_series(1, 20000) g`);
    // One collection of 5000; 110 others of 500 each, so the big one is a twelfth of the table.
    await h.deps.db.execute(sql`insert into collections (owner_id, name, is_public)
      select 'col_heavy', 'heavy ' || k, true from generate_series(0, 110) k`);
    await h.deps.db.execute(sql`create table col_numbered as
      select id, row_number() over (order by id) as rn from wallpapers where original_key like 'originals/colheavy-%'`);
    await h.deps.db.execute(sql`insert into collection_items (collection_id, wallpaper_id, position)
      select c.id, n.id, n.rn * 65536
      from collections c join col_numbered n
        on (c.name = 'heavy 0' and n.rn % 4 = 0)
        or (c.name <> 'heavy 0' and n.rn between (substr(c.name, 7)::int) * 170 + 1 and (substr(c.name, 7)::int) * 170 + 500)
      where c.owner_id = 'col_heavy'`);
    await h.deps.db.execute(sql`drop table col_numbered`);
    await h.deps.db.execute(sql`analyze collection_items`);
    await h.deps.db.execute(sql`analyze wallpapers`);
    const [heavy] = await h.deps.db
      .select({ id: collections.id })
      .from(collections)
      .where(eq(collections.name, "heavy 0"));
    const collectionId = heavy?.id ?? "";
    const caller = await callerAs(h.deps, { id: "col_heavy", role: "user" });
    const page = await caller.collection.items({ collectionId, limit: 60 });
    expect(page.items).toHaveLength(60);
    for (const cursor of [null, page.nextCursor]) {
      const query = collectionPageQuery(h.deps.db, collectionId, cursor, 60).toSQL();
      const text = query.sql.replace(/\$(\d+)/gu, (_, n: string) => {
        const value = query.params[Number(n) - 1];
        return typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
      });
      const rows = await h.deps.db.execute<{ "QUERY PLAN": string }>(sql.raw(`explain ${text}`));
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      // In index order, stopping after the page: no scan of the whole collection, no sort of it.
      expect(plan, plan).toMatch(/Index (Only )?Scan using collection_items_order_idx/u);
      expect(plan, plan).not.toMatch(/Seq Scan on collection_items|Sort/u);
    }
  });
});
