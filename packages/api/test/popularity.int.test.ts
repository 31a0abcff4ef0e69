import type { Caller } from "@wallpaperdb/auth";
import { favorites, users } from "@wallpaperdb/db";
import { refreshTopScores } from "@wallpaperdb/search";
import { deleteWallpaper, loadPopularity } from "@wallpaperdb/wallpapers";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { callerAs, insertWallpaperRow } from "./callers.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const owner = { id: "pop_owner", role: "user" } satisfies Pick<Caller, "id" | "role">;
const crowd = Array.from({ length: 24 }, (_, i) => ({ id: `pop_fan_${i}`, role: "user" as const }));
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

let h: Harness;

/** An anonymous browser at `address`, as the web app's tRPC route would see it. */
async function visitor(address: string, headers: Record<string, string> = {}) {
  const ctx = await createTRPCContext({
    headers: new Headers({ "user-agent": BROWSER, "x-forwarded-for": address, ...headers }),
    deps: h.deps,
  });
  return createCaller(ctx);
}

const marksOf = async (wallpaperId: string) => {
  const [row] = await h.deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from wallpaper_view_marks where wallpaper_id = ${wallpaperId}::uuid`,
  );
  return row?.n ?? 0;
};

const dailyViews = async (wallpaperId: string) =>
  h.deps.db.execute<{ day: string; views: number }>(
    sql`select day::text as day, views from wallpaper_daily_stats where wallpaper_id = ${wallpaperId}::uuid order by day`,
  );

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, [owner, ...crowd]);
});
afterAll(async () => {
  await h?.close();
});

describe("view counting", () => {
  it("counts a visitor once per wallpaper per day: a mark and a daily counter, no row per request", async () => {
    const id = await insertWallpaperRow(h.deps.db, owner.id);
    const first = await visitor("203.0.113.7");
    expect(await first.popularity.view({ wallpaperId: id })).toEqual({ outcome: "counted" });
    for (let i = 0; i < 5; i++) {
      expect(await first.popularity.view({ wallpaperId: id })).toEqual({ outcome: "already_counted" });
    }
    expect(await marksOf(id)).toBe(1);
    expect((await loadPopularity(h.deps.db, id)).views).toBe(1);

    const second = await visitor("198.51.100.20");
    expect(await second.popularity.view({ wallpaperId: id })).toEqual({ outcome: "counted" });
    // A signed-in account is one visitor on every device and address.
    for (const address of ["192.0.2.50", "192.0.2.51"]) {
      const ctx = await createTRPCContext({
        headers: new Headers({ "user-agent": BROWSER, "x-forwarded-for": address }),
        deps: h.deps,
      });
      await createCaller({ ...ctx, user: { ...owner, via: "session" } }).popularity.view({ wallpaperId: id });
    }
    expect(await marksOf(id)).toBe(3);
    expect(await dailyViews(id)).toEqual([{ day: new Date().toISOString().slice(0, 10), views: 3 }]);
    expect((await loadPopularity(h.deps.db, id)).views).toBe(3);
  });

  it("counts the same visitor again the next day, and the refresh prunes the day before's marks", async () => {
    const id = await insertWallpaperRow(h.deps.db, owner.id);
    const { countView } = await import("@wallpaperdb/wallpapers");
    const monday = new Date("2026-03-02T23:59:00Z");
    const tuesday = new Date("2026-03-03T00:01:00Z");
    expect(await countView(h.deps.db, null, id, "visitor-a", monday)).toBe("counted");
    expect(await countView(h.deps.db, null, id, "visitor-a", monday)).toBe("already_counted");
    expect(await countView(h.deps.db, null, id, "visitor-a", tuesday)).toBe("counted");
    expect(await countView(h.deps.db, null, id, "visitor-b", tuesday)).toBe("counted");
    expect(await dailyViews(id)).toEqual([
      { day: "2026-03-02", views: 1 },
      { day: "2026-03-03", views: 2 },
    ]);
    const refreshed = await refreshTopScores(h.deps.db, tuesday);
    expect(refreshed?.prunedMarks).toBeGreaterThanOrEqual(1);
    expect(await marksOf(id)).toBe(2); // tuesday's two; monday's is gone
  });

  it("does not count bots, prefetches, or wallpapers the gallery does not show", async () => {
    const id = await insertWallpaperRow(h.deps.db, owner.id);
    const bot = await visitor("192.0.2.1", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" });
    expect(await bot.popularity.view({ wallpaperId: id })).toEqual({ outcome: "not_counted" });
    const prefetch = await visitor("192.0.2.2", { "sec-purpose": "prefetch" });
    expect(await prefetch.popularity.view({ wallpaperId: id })).toEqual({ outcome: "not_counted" });
    expect(await marksOf(id)).toBe(0);
    const rejected = await insertWallpaperRow(h.deps.db, owner.id, "rejected");
    const stranger = await visitor("192.0.2.3");
    expect(await codeOf(stranger.popularity.view({ wallpaperId: rejected }))).toBe("not_found");
  });
});

describe("favourite counts", () => {
  it("stay equal to the favorites table when hearts are added and removed at once", async () => {
    const id = await insertWallpaperRow(h.deps.db, owner.id);
    const callers = await Promise.all(crowd.map((person) => callerAs(h.deps, person)));
    await Promise.all(callers.map((caller) => caller.favorite.set({ wallpaperId: id, favorite: true })));
    expect((await loadPopularity(h.deps.db, id)).favorites).toBe(crowd.length);
    // Half let go while the other half tap again (idempotent), all at once.
    await Promise.all(
      callers.map((caller, i) => caller.favorite.set({ wallpaperId: id, favorite: i % 2 === 1 })),
    );
    const [table] = await h.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from favorites where wallpaper_id = ${id}::uuid`,
    );
    expect(table?.n).toBe(crowd.length / 2);
    expect((await loadPopularity(h.deps.db, id)).favorites).toBe(crowd.length / 2);
    expect((await callers[0]?.favorite.state({ wallpaperId: id }))?.favoriteCount).toBe(crowd.length / 2);
    // Cards carry the count (gallery tiles, search results, the API).
    const page = await (await visitor("192.0.2.9")).wallpaper.search({ q: "", limit: 100 });
    expect(page.items.find((card) => card.id === id)?.favoriteCount).toBe(crowd.length / 2);
  });

  it("follow an account's deletion, and a wallpaper's deletion leaves no counters behind", async () => {
    const id = await insertWallpaperRow(h.deps.db, owner.id);
    const leaving = { id: "pop_leaving", role: "user" as const };
    await seedUsers(h.deps.db, [leaving]);
    await (await callerAs(h.deps, leaving)).favorite.set({ wallpaperId: id, favorite: true });
    await (await callerAs(h.deps, crowd[1] ?? owner)).favorite.set({ wallpaperId: id, favorite: true });
    expect((await loadPopularity(h.deps.db, id)).favorites).toBe(2);
    await h.deps.db.delete(users).where(eq(users.id, leaving.id));
    expect((await loadPopularity(h.deps.db, id)).favorites).toBe(1);

    await deleteWallpaper(h.deps.db, { id: owner.id }, id);
    const [left] = await h.deps.db.execute<{ n: number }>(sql`select
      (select count(*) from wallpaper_popularity where wallpaper_id = ${id}::uuid)
      + (select count(*) from wallpaper_daily_stats where wallpaper_id = ${id}::uuid)
      + (select count(*) from ${favorites} where wallpaper_id = ${id}::uuid) as n`);
    expect(Number(left?.n)).toBe(0);
  });
});
