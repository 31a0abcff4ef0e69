import { randomBytes } from "node:crypto";
import { type Caller, createApiKey } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { loadWallpaperView } from "@wallpaperdb/wallpapers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

// One wallpaper per visibility state, all uploaded by `owner`. Held and rejected ones exist only for the
// owner (here through an API key) and curators/admins; an approved one still processing is public but
// not yet in search.
type State = "public" | "rejected" | "held" | "processing";
type Who = "anonymous" | "stranger" | "ownerKey" | "curator" | "admin";
const people = {
  stranger: { id: "vis_stranger", role: "user" },
  owner: { id: "vis_owner", role: "user" },
  curator: { id: "vis_curator", role: "curator" },
  admin: { id: "vis_admin", role: "admin" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;
const everyone: Who[] = ["anonymous", "stranger", "ownerKey", "curator", "admin"];

let h: Harness;
let ownerKey = "";
const ids = {} as Record<State, string>;

async function callerFor(who: Who) {
  const headers = new Headers(who === "ownerKey" ? { authorization: `Bearer ${ownerKey}` } : {});
  const ctx = await createTRPCContext({ headers, deps: h.deps });
  if (who === "anonymous" || who === "ownerKey") return createCaller(ctx);
  return createCaller({ ...ctx, user: { ...people[who], via: "session" } });
}

async function insertWallpaper(state: State): Promise<string> {
  const [row] = await h.deps.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/png",
      originalKey: `originals/${state}`,
      originalFilename: `${state}-secret-name.png`,
      sizeBytes: 1,
      width: 10,
      height: 10,
      uploaderId: people.owner.id,
      moderation: state === "rejected" ? "rejected" : state === "held" ? "pending" : "approved",
      moderationReason: state === "rejected" ? "spam" : null,
      processedAt: state === "processing" ? null : new Date(),
    })
    .returning({ id: wallpapers.id });
  return row?.id ?? "";
}

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
  ownerKey = (await createApiKey(h.deps.db, people.owner.id, "visibility")).key;
  for (const state of ["public", "rejected", "held", "processing"] as const)
    ids[state] = await insertWallpaper(state);
  const admin = await callerFor("admin");
  await admin.tag.create({ name: "vis_secret" });
  for (const state of ["rejected", "held", "processing"] as const) {
    await admin.wallpaper.setTags({ wallpaperId: ids[state], add: ["vis_secret"] });
  }
});
afterAll(async () => {
  await h?.close();
});

const perWallpaper = {
  byId: (c: Awaited<ReturnType<typeof callerFor>>, wallpaperId: string) => c.wallpaper.byId({ wallpaperId }),
  view: (c: Awaited<ReturnType<typeof callerFor>>, wallpaperId: string) => c.wallpaper.view({ wallpaperId }),
  tags: (c: Awaited<ReturnType<typeof callerFor>>, wallpaperId: string) => c.wallpaper.tags({ wallpaperId }),
  tagHistory: (c: Awaited<ReturnType<typeof callerFor>>, wallpaperId: string) =>
    c.wallpaper.tagHistory({ wallpaperId }),
  suggestTags: (c: Awaited<ReturnType<typeof callerFor>>, wallpaperId: string) =>
    c.wallpaper.suggestTags({ wallpaperId }),
};

describe("a wallpaper that is not public exists only for its uploader and curators", () => {
  for (const [name, call] of Object.entries(perWallpaper)) {
    it(`wallpaper.${name}`, async () => {
      for (const state of ["public", "rejected", "held", "processing"] as const) {
        const actual: Record<string, string> = {};
        for (const who of everyone) actual[who] = await codeOf(call(await callerFor(who), ids[state]));
        const hidden = state === "rejected" || state === "held" ? "not_found" : "ok";
        expect(actual, state).toEqual({
          anonymous: hidden,
          stranger: hidden,
          ownerKey: "ok",
          curator: "ok",
          admin: "ok",
        });
      }
    });
  }

  it("byId shows its state to those allowed, never the uploader's id or the storage key", async () => {
    const owner = await callerFor("ownerKey");
    const rejected = await owner.wallpaper.byId({ wallpaperId: ids.rejected });
    expect(rejected).toMatchObject({ moderation: "rejected", processed: true, visible: false, own: true });
    expect(rejected).not.toHaveProperty("uploaderId");
    expect(rejected).not.toHaveProperty("originalKey");
    const curator = await callerFor("curator");
    expect(await curator.wallpaper.byId({ wallpaperId: ids.held })).toMatchObject({
      moderation: "pending",
      visible: false,
      own: false,
    });
    expect(
      await (await callerFor("anonymous")).wallpaper.byId({ wallpaperId: ids.processing }),
    ).toMatchObject({
      processed: false,
      visible: false,
    });
    const anonymous = await callerFor("anonymous");
    expect(await anonymous.wallpaper.byId({ wallpaperId: ids.public })).toMatchObject({ visible: true });
  });

  it("the view offers tagging and deletion only to those who may change the wallpaper", async () => {
    const mayChange: Record<string, boolean> = {};
    for (const who of everyone) {
      mayChange[who] = (await (await callerFor(who)).wallpaper.view({ wallpaperId: ids.public })).mayChange;
    }
    expect(mayChange).toEqual({
      anonymous: false,
      stranger: false,
      ownerKey: true,
      curator: true,
      admin: true,
    });
  });

  it("a stranger cannot learn that a hidden wallpaper exists by trying to tag it", async () => {
    const stranger = await callerFor("stranger");
    expect(await codeOf(stranger.wallpaper.setTags({ wallpaperId: ids.rejected, add: ["vis_secret"] }))).toBe(
      "not_found",
    );
    expect(await codeOf(stranger.wallpaper.setTags({ wallpaperId: ids.public, add: ["vis_secret"] }))).toBe(
      "forbidden",
    );
    const owner = await callerFor("ownerKey");
    expect(await codeOf(owner.wallpaper.setTags({ wallpaperId: ids.held, add: ["vis_secret"] }))).toBe("ok");
  });

  it("similar, random and search never serve a hidden wallpaper, whoever asks", async () => {
    for (const who of everyone) {
      const caller = await callerFor(who);
      for (const state of ["rejected", "held", "processing"] as const) {
        expect(await codeOf(caller.wallpaper.similar({ wallpaperId: ids[state] })), `${who} ${state}`).toBe(
          "not_found",
        );
      }
      // Only hidden wallpapers carry the tag: nothing matches.
      expect(await codeOf(caller.wallpaper.random({ q: "vis_secret" })), who).toBe("not_found");
      expect((await caller.wallpaper.search({ q: "vis_secret" })).items, who).toEqual([]);
      const all = (await caller.wallpaper.search({ limit: 50 })).items.map((item) => item.id);
      expect(all, who).toEqual([ids.public]);
    }
    const publicSimilar = await (await callerFor("anonymous")).wallpaper.similar({ wallpaperId: ids.public });
    expect(publicSimilar.items.map((item) => item.card.id)).not.toEqual(
      expect.arrayContaining([ids.rejected, ids.held, ids.processing]),
    );
  });

  it("tag.history lists changes to hidden wallpapers only for those who may see them", async () => {
    const admin = await callerFor("admin");
    const tagId = (await admin.tag.byName({ name: "vis_secret" })).id;
    const expected: Record<Who, State[]> = {
      anonymous: ["processing"],
      stranger: ["processing"],
      ownerKey: ["rejected", "held", "processing"],
      curator: ["rejected", "held", "processing"],
      admin: ["rejected", "held", "processing"],
    };
    for (const who of everyone) {
      const entries = await (await callerFor(who)).tag.history({ tagId });
      const wallpaperIds = new Set(
        entries.filter((e) => e.entityType === "wallpaper").map((e) => e.entityId),
      );
      expect([...wallpaperIds].sort(), who).toEqual(expected[who].map((state) => ids[state]).sort());
      // The tag's own creation is not about any wallpaper: everyone sees it.
      expect(
        entries.some((e) => e.entityType === "tag"),
        who,
      ).toBe(true);
    }
  });

  it("the detail page's loader follows the same rule", async () => {
    for (const state of ["rejected", "held"] as const) {
      expect(await loadWallpaperView(h.deps.db, ids[state], null), state).toBeNull();
      expect(await loadWallpaperView(h.deps.db, ids[state], people.stranger), state).toBeNull();
      expect(await loadWallpaperView(h.deps.db, ids[state], people.owner), state).toMatchObject({
        own: true,
      });
      expect(await loadWallpaperView(h.deps.db, ids[state], people.curator), state).not.toBeNull();
    }
    expect(await loadWallpaperView(h.deps.db, ids.processing, null)).toMatchObject({ processed: false });
    expect(await loadWallpaperView(h.deps.db, ids.public, null)).toMatchObject({
      visible: true,
      originalFilename: "public-secret-name.png",
    });
  });
});
