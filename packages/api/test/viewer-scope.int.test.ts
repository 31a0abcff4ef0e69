import type { Caller } from "@wallpaperdb/auth";
import { createApiKey, resolveRequestUser } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { randomRedirect, searchFilters } from "@wallpaperdb/search";
import type { FixtureWallpaper } from "@wallpaperdb/search/testing/fixture";
import { makeFixture } from "@wallpaperdb/search/testing/fixture";
import { seedFixture } from "@wallpaperdb/search/testing/seed";
import { loadViewerScope } from "@wallpaperdb/wallpapers";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { callerAs } from "./callers.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

// The viewer scope end to end: an account's blacklist (through an alias and an implication) and its
// purities, in search, random (tRPC and /api/random with an API key), feeds (a search by API key) and
// similar, for that account only; and a visitor never sees sketchy or nsfw anywhere.

const people = {
  alice: { id: "scope_alice", role: "user" },
  bob: { id: "scope_bob", role: "user" },
  curator: { id: "scope_curator", role: "curator" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: Harness;
let rows: FixtureWallpaper[];
let original = "";
let copy = "";
let direct = "";
let aliceKey = "";

const shown = (rows: FixtureWallpaper[]) => rows.filter((r) => r.processed && r.moderation === "approved");
const as = (who: keyof typeof people | "anonymous") =>
  callerAs(h.deps, who === "anonymous" ? null : people[who]);
/** A caller made from request headers only, as the feed route and a script do. */
async function byApiKey(key: string) {
  return createCaller(
    await createTRPCContext({ headers: new Headers({ authorization: `Bearer ${key}` }), deps: h.deps }),
  );
}
const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
  rows = makeFixture();
  await seedFixture(h.deps.db, rows);
  // Rows 8 and 9 are near-duplicates in the fixture (similar finds one from the other).
  [original, copy, direct] = [rows[8]?.id ?? "", rows[9]?.id ?? "", shown(rows)[0]?.id ?? ""];
  const curator = await as("curator");
  await curator.tag.create({ name: "spoiler" });
  await curator.tag.create({ name: "gore" });
  await curator.tag.alias.add({ alias: "spoilers", tag: "spoiler" });
  await curator.tag.implication.add({ antecedent: "gore", consequent: "spoiler" });
  // `original` carries spoiler only as implied by gore; `direct` carries it itself.
  await curator.wallpaper.setTags({ wallpaperId: original, add: ["gore"] });
  await curator.wallpaper.setTags({ wallpaperId: direct, add: ["spoiler"] });
  // Blacklisted by its alias: saved as the canonical tag.
  const settings = await (await as("alice")).settings.update({ blacklist: ["spoilers"] });
  expect(settings.blacklist.map((tag) => tag.name)).toEqual(["spoiler"]);
  aliceKey = (await createApiKey(h.deps.db, people.alice.id, "scope")).key;
});
afterAll(async () => {
  await h?.close();
});

describe("the tag blacklist hides tagged wallpapers for that account only", () => {
  it("search: gone for alice (directly and through the implication), there for bob and visitors", async () => {
    for (const who of ["alice", "bob", "anonymous"] as const) {
      const ids = idsOf(await (await as(who)).wallpaper.search({ q: "spoiler", limit: 100 }));
      const hidden = who === "alice";
      expect(ids.includes(original), `${who} original`).toBe(!hidden);
      expect(ids.includes(direct), `${who} direct`).toBe(!hidden);
    }
    // Asking for the tag does not bring it back.
    expect(idsOf(await (await as("alice")).wallpaper.search({ q: "gore" }))).toEqual([]);
    expect(idsOf(await (await as("bob")).wallpaper.search({ q: "gore" }))).toEqual([original]);
  });

  it("random: never a blacklisted wallpaper for alice", async () => {
    expect(await codeOf((await as("alice")).wallpaper.random({ q: "gore" }))).toBe("not_found");
    expect((await (await as("bob")).wallpaper.random({ q: "gore" })).id).toBe(original);
    // /api/random with alice's API key: the route resolves the key and picks within her scope.
    const withKey = await resolveRequestUser(
      h.deps.db,
      undefined,
      new Headers({ authorization: `Bearer ${aliceKey}` }),
    );
    expect(withKey?.id).toBe(people.alice.id);
    const filters = searchFilters.parse({ tags: { all: ["spoiler"] } });
    for (let seed = 0; seed < 5; seed += 1) {
      expect(await h.deps.search.random(filters, seed, await loadViewerScope(h.deps.db, withKey))).toBeNull();
      const visitorPick = await h.deps.search.random(filters, seed, await loadViewerScope(h.deps.db, null));
      expect([original, direct]).toContain(visitorPick?.id);
    }
    await expect(
      randomRedirect(
        h.deps.search,
        new URLSearchParams({ q: "spoiler" }),
        undefined,
        await loadViewerScope(h.deps.db, withKey),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("feeds: a search made with alice's API key (as /feed does) leaves them out", async () => {
    const feedSearch = { q: "spoiler sort:newest", limit: 50 } as const;
    const alice = idsOf(await (await byApiKey(aliceKey)).wallpaper.search(feedSearch));
    expect(alice).not.toContain(original);
    expect(alice).not.toContain(direct);
    const visitor = idsOf(await (await as("anonymous")).wallpaper.search(feedSearch));
    expect(visitor).toContain(direct);
  });

  it("favorites: alice's own list leaves out what she blacklisted; bob's keeps it", async () => {
    for (const who of ["alice", "bob"] as const) {
      const caller = await as(who);
      await caller.favorite.set({ wallpaperId: direct, favorite: true });
      const ids = idsOf(await caller.favorite.list({ limit: 60 }));
      expect(ids.includes(direct), who).toBe(who === "bob");
    }
  });

  it("similar: the near-duplicate is not offered to alice", async () => {
    const similarIds = async (who: "alice" | "bob") =>
      (await (await as(who)).wallpaper.similar({ wallpaperId: copy, limit: 12 })).items.map((i) => i.card.id);
    expect(await similarIds("bob")).toContain(original);
    expect(await similarIds("alice")).not.toContain(original);
  });
});

describe("a visitor never sees sketchy or nsfw", () => {
  let nsfw = "";
  let sketchy = "";
  beforeAll(async () => {
    const candidates = shown(rows)
      .slice(-2)
      .map((row) => row.id);
    [nsfw, sketchy] = [candidates[0] ?? "", candidates[1] ?? ""];
    await h.deps.db.update(wallpapers).set({ purity: "nsfw" }).where(eq(wallpapers.id, nsfw));
    await h.deps.db.update(wallpapers).set({ purity: "sketchy" }).where(eq(wallpapers.id, sketchy));
    await (await as("bob")).settings.update({ purities: ["nsfw"] });
  });

  it("not in search (even asked by purity:), not as a record, not from random, not in a feed", async () => {
    const visitor = await as("anonymous");
    for (const q of ["", "purity:nsfw", "purity:sketchy,nsfw", "purity:sfw,sketchy,nsfw"]) {
      const ids = idsOf(await visitor.wallpaper.search({ q, limit: 100 }));
      expect(ids, q).not.toContain(nsfw);
      expect(ids, q).not.toContain(sketchy);
    }
    expect(await codeOf(visitor.wallpaper.byId({ wallpaperId: nsfw }))).toBe("not_found");
    expect(await codeOf(visitor.wallpaper.view({ wallpaperId: sketchy }))).toBe("not_found");
    expect(await codeOf(visitor.wallpaper.similar({ wallpaperId: nsfw }))).toBe("not_found");
    for (let seed = 0; seed < 40; seed += 1) {
      const pick = await visitor.wallpaper.random({ q: "", seed });
      expect([nsfw, sketchy]).not.toContain(pick.id);
    }
    expect(await codeOf(visitor.wallpaper.random({ q: "purity:nsfw" }))).toBe("not_found");
  });

  it("an account lists what its settings opt in to, and filters by purity: within it", async () => {
    const bob = await as("bob");
    expect(idsOf(await bob.wallpaper.search({ q: "purity:nsfw", limit: 100 }))).toEqual([nsfw]);
    const all = idsOf(await bob.wallpaper.search({ q: "", limit: 100 }));
    expect(all).toContain(nsfw);
    expect(all).not.toContain(sketchy);
    // alice opted in to nothing: she may open it by its link, but her lists leave it out.
    const alice = await as("alice");
    expect((await alice.wallpaper.byId({ wallpaperId: nsfw })).purity).toBe("nsfw");
    expect(idsOf(await alice.wallpaper.search({ q: "", limit: 100 }))).not.toContain(nsfw);
  });

  it("setPurity: the uploader or a curator; a curator's change is audited", async () => {
    const curator = await as("curator");
    expect(await codeOf((await as("bob")).wallpaper.setPurity({ wallpaperId: direct, purity: "nsfw" }))).toBe(
      "forbidden",
    );
    expect(await curator.wallpaper.setPurity({ wallpaperId: sketchy, purity: "sfw" })).toEqual({
      purity: "sfw",
      changed: true,
    });
    const [entry] = await h.deps.db.execute<{ action: string; data: { from: string; to: string } }>(
      sql`select action, data from audit_log where entity_id = ${sketchy} and action = 'wallpaper.purity'`,
    );
    expect(entry).toMatchObject({ action: "wallpaper.purity", data: { from: "sketchy", to: "sfw" } });
    const visitorIds = idsOf(await (await as("anonymous")).wallpaper.search({ q: "", limit: 100 }));
    expect(visitorIds).toContain(sketchy);
    await h.deps.db
      .update(wallpapers)
      .set({ purity: "sfw" })
      .where(inArray(wallpapers.id, [nsfw]));
  });
});
