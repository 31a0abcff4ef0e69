import type { Caller } from "@wallpaperdb/auth";
import { favorites, users, wallpapers } from "@wallpaperdb/db";
import { favoritesPageQuery } from "@wallpaperdb/wallpapers";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, insertWallpaperRow } from "./callers.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const people = {
  alice: { id: "fav_alice", role: "user" },
  bob: { id: "fav_bob", role: "user" },
  owner: { id: "fav_owner", role: "user" },
  crowd: { id: "fav_crowd", role: "user" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: Harness;

async function callerFor(who: keyof typeof people | "anonymous") {
  return callerAs(h.deps, who === "anonymous" ? null : people[who]);
}

const insertWallpaper = (moderation: "approved" | "rejected" = "approved") =>
  insertWallpaperRow(h.deps.db, people.owner.id, moderation);

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
});
afterAll(async () => {
  await h?.close();
});

describe("favorites", () => {
  it("a heart is idempotent both ways and counts accounts, not clicks", async () => {
    const id = await insertWallpaper();
    const alice = await callerFor("alice");
    const bob = await callerFor("bob");
    expect(await alice.favorite.set({ wallpaperId: id, favorite: true })).toEqual({
      favorited: true,
      favoriteCount: 1,
    });
    // A double tap or a retried request.
    await alice.favorite.set({ wallpaperId: id, favorite: true });
    expect(await bob.favorite.set({ wallpaperId: id, favorite: true })).toEqual({
      favorited: true,
      favoriteCount: 2,
    });
    expect(await (await callerFor("anonymous")).favorite.state({ wallpaperId: id })).toEqual({
      favorited: false,
      favoriteCount: 2,
    });
    expect(await alice.favorite.set({ wallpaperId: id, favorite: false })).toEqual({
      favorited: false,
      favoriteCount: 1,
    });
    await alice.favorite.set({ wallpaperId: id, favorite: false });
    expect(await alice.favorite.state({ wallpaperId: id })).toEqual({ favorited: false, favoriteCount: 1 });
    // The tiles' batch: only the caller's own hearts, none when signed out.
    const other = await insertWallpaper();
    expect(await bob.favorite.among({ wallpaperIds: [id, other] })).toEqual([id]);
    expect(await alice.favorite.among({ wallpaperIds: [id, other] })).toEqual([]);
    expect(await (await callerFor("anonymous")).favorite.among({ wallpaperIds: [id] })).toEqual([]);
  });

  it("signed out cannot keep anything; a hidden wallpaper is not_found to others but not to its uploader", async () => {
    const shown = await insertWallpaper();
    const hidden = await insertWallpaper("rejected");
    expect(
      await codeOf((await callerFor("anonymous")).favorite.set({ wallpaperId: shown, favorite: true })),
    ).toBe("unauthorized");
    expect(
      await codeOf((await callerFor("alice")).favorite.set({ wallpaperId: hidden, favorite: true })),
    ).toBe("not_found");
    expect(
      await codeOf((await callerFor("owner")).favorite.set({ wallpaperId: hidden, favorite: true })),
    ).toBe("ok");
  });

  it("my favorites: newest kept first, page by page without gaps or repeats, even on equal times", async () => {
    const ids = await Promise.all(Array.from({ length: 7 }, () => insertWallpaper()));
    // Three share one instant (to the microsecond) and the rest differ in microseconds only: the
    // cursor must keep both, where a JS Date would cut the microseconds and skip rows.
    const times = [
      "2026-01-01 10:00:00.000001+00",
      "2026-01-01 10:00:00.000002+00",
      "2026-01-01 10:00:00.000002+00",
      "2026-01-01 10:00:00.000002+00",
      "2026-01-01 10:00:00.000900+00",
      "2026-01-01 10:00:00.000901+00",
      "2026-01-02 10:00:00+00",
    ];
    await h.deps.db.insert(favorites).values(
      ids.map((wallpaperId, index) => ({
        userId: people.crowd.id,
        wallpaperId,
        createdAt: sql`${times[index]}::timestamptz` as unknown as Date,
      })),
    );
    const crowd = await callerFor("crowd");
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await crowd.favorite.list({
        cursor,
        limit: 3,
      });
      seen.push(...page.items.map((card) => card.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // Newest first; the tie is broken by id, descending.
    expect(seen[0]).toBe(ids[6]);
    expect(seen.slice(0, 3)).toEqual([ids[6], ids[5], ids[4]]);
    expect(seen.slice(3, 6).sort()).toEqual([ids[1], ids[2], ids[3]].sort());
    expect(seen.slice(3, 6)).toEqual([...seen.slice(3, 6)].sort().reverse());
    expect(seen[6]).toBe(ids[0]);

    // Rejected later: it leaves the list (its row stays, for when it comes back).
    await h.deps.db
      .update(wallpapers)
      .set({ moderation: "rejected" })
      .where(eq(wallpapers.id, ids[6] ?? ""));
    const first = await crowd.favorite.list({ limit: 3 });
    expect(first.items.map((card) => card.id)).toEqual([ids[5], ids[4], seen[3]]);
  });

  it("a broken cursor is a bad_request with words, not a 500", async () => {
    const alice = await callerFor("alice");
    expect(await codeOf(alice.favorite.list({ cursor: "not-a-cursor" }))).toBe("bad_request");
  });

  it("a deleted account leaves no favorites behind", async () => {
    const id = await insertWallpaper();
    await seedUsers(h.deps.db, [{ id: "fav_gone", role: "user" }]);
    const gone = await callerAs(h.deps, { id: "fav_gone", role: "user" });
    await gone.favorite.set({ wallpaperId: id, favorite: true });
    await h.deps.db.delete(users).where(eq(users.id, "fav_gone"));
    const rows = await h.deps.db.select().from(favorites).where(eq(favorites.userId, "fav_gone"));
    expect(rows).toEqual([]);
  });
});

describe("EXPLAIN of my favorites", () => {
  it("walks the account's newest-first index, also from a cursor, for an account keeping 5000 among 55k rows", async () => {
    await seedUsers(h.deps.db, [{ id: "fav_heavy", role: "user" }]);
    await h.deps.db.execute(sql`insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes,
        width, height, moderation, processed_at)
      select md5(g::text) || md5((g * 7)::text), 'image', 'image/png', 'originals/heavy-' || g, 1, 16, 9,
        'approved', now()
      from generate_series(1, 20000) g`);
    // The heavy account keeps every fourth of 20k wallpapers; 100 other accounts keep 500 each, so its
    // rows are a tenth of the table.
    await h.deps.db.execute(sql`create table fav_numbered as
      select id, row_number() over (order by id) as rn from wallpapers where original_key like 'originals/heavy-%'`);
    await h.deps.db.execute(sql`insert into favorites (user_id, wallpaper_id, created_at)
      select 'fav_heavy', id, now() - (random() * interval '300 days') from fav_numbered where rn % 4 = 0`);
    const others = Array.from({ length: 200 }, (_, index) => ({
      id: `fav_other_${index}`,
      role: "user" as const,
    }));
    await seedUsers(h.deps.db, others);
    await h.deps.db.execute(sql`insert into favorites (user_id, wallpaper_id, created_at)
      select 'fav_other_' || k, n.id, now() - (random() * interval '300 days')
      from generate_series(0, 99) k join fav_numbered n on n.rn between k * 195 + 1 and k * 195 + 500`);
    await h.deps.db.execute(sql`drop table fav_numbered`);
    await h.deps.db.execute(sql`analyze favorites`);
    await h.deps.db.execute(sql`analyze wallpapers`);

    const heavy = await callerAs(h.deps, { id: "fav_heavy", role: "user" });
    const page = await heavy.favorite.list({ limit: 60 });
    expect(page.items).toHaveLength(60);
    for (const cursor of [null, page.nextCursor]) {
      const query = favoritesPageQuery(h.deps.db, "fav_heavy", cursor, 60).toSQL();
      const text = query.sql.replace(/\$(\d+)/gu, (_, n: string) => {
        const value = query.params[Number(n) - 1];
        return typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
      });
      const rows = await h.deps.db.execute<{ "QUERY PLAN": string }>(sql.raw(`explain ${text}`));
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      // In index order, stopping after the page: no scan of every kept row, no sort of them.
      expect(plan, plan).toMatch(/Index (Only )?Scan using favorites_user_newest_idx/u);
      expect(plan, plan).not.toMatch(/Seq Scan on favorites|Sort/u);
    }
  });
});
