import type { Caller } from "@wallpaperdb/auth";
import { users, wallpapers } from "@wallpaperdb/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, insertWallpaperRow } from "./callers.ts";
import { codeOf } from "./code-of.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

// collection.listPublicByUser: the public collections on `/users/<username>`.
const people = {
  carol: { id: "pub_carol", role: "user" },
  dave: { id: "pub_dave", role: "user" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

let h: Harness;

async function callerFor(who: keyof typeof people | "anonymous") {
  return callerAs(h.deps, who === "anonymous" ? null : people[who]);
}

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
  for (const [name, person] of Object.entries(people)) {
    await h.deps.db.update(users).set({ username: name }).where(eq(users.id, person.id));
  }
});
afterAll(async () => {
  await h?.close();
});

describe("collection.listPublicByUser", () => {
  it("lists public collections with their first shown wallpapers; a private one never, not even to its owner", async () => {
    const carol = await callerFor("carol");
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => insertWallpaperRow(h.deps.db, people.carol.id)),
    );
    const shown = await carol.collection.create({ name: "Shown", isPublic: true });
    const secret = await carol.collection.create({ name: "Secret" });
    await carol.collection.add({ collectionId: shown.id, wallpaperIds: ids });
    await carol.collection.add({ collectionId: secret.id, wallpaperIds: ids.slice(0, 2) });
    // The cover follows the owner's order: the first one moved to the end drops out of it.
    const [first, ...rest] = ids as [string, ...string[]];
    await carol.collection.move({ collectionId: shown.id, wallpaperId: first, afterId: rest[4] ?? null });

    for (const who of ["anonymous", "dave", "carol"] as const) {
      const listed = await (await callerFor(who)).collection.listPublicByUser({ username: "  Carol " });
      expect(
        listed.map((c) => c.name),
        who,
      ).toEqual(["Shown"]);
      expect(listed[0]).toMatchObject({
        itemCount: 6,
        isPublic: true,
        ownerName: people.carol.id,
        own: who === "carol",
      });
      // The cover: the first four in the owner's order, as gallery cards.
      expect(listed[0]?.covers.map((card) => card.id)).toEqual(rest.slice(0, 4));
    }

    // Private again: gone for everyone, its owner included.
    await carol.collection.update({ collectionId: shown.id, isPublic: false });
    for (const who of ["anonymous", "dave", "carol"] as const) {
      expect(await (await callerFor(who)).collection.listPublicByUser({ username: "carol" })).toEqual([]);
    }
  });

  it("skips hidden wallpapers in the cover and is not_found for unknown and disabled accounts", async () => {
    const dave = await callerFor("dave");
    const shown = await insertWallpaperRow(h.deps.db, people.dave.id);
    const hidden = await insertWallpaperRow(h.deps.db, people.dave.id);
    const { id: collectionId } = await dave.collection.create({ name: "Mixed", isPublic: true });
    await dave.collection.add({ collectionId, wallpaperIds: [hidden, shown] });
    await h.deps.db
      .update(wallpapers)
      .set({ moderation: "rejected" })
      .where(inArray(wallpapers.id, [hidden]));
    const anonymous = await callerFor("anonymous");
    const [listed] = await anonymous.collection.listPublicByUser({ username: "dave" });
    expect(listed?.covers.map((card) => card.id)).toEqual([shown]);
    expect(listed?.itemCount).toBe(1);

    // An nsfw one is in the cover only for those who opted in to nsfw, as on the collection's page.
    const nsfw = await insertWallpaperRow(h.deps.db, people.dave.id);
    await h.deps.db.update(wallpapers).set({ purity: "nsfw" }).where(eq(wallpapers.id, nsfw));
    await dave.collection.add({ collectionId, wallpaperIds: [nsfw] });
    const [forVisitor] = await anonymous.collection.listPublicByUser({ username: "dave" });
    expect(forVisitor?.covers.map((card) => card.id)).toEqual([shown]);
    await dave.settings.update({ purities: ["sfw", "nsfw"] });
    const [forOwner] = await dave.collection.listPublicByUser({ username: "dave" });
    expect(forOwner?.covers.map((card) => card.id)).toEqual([shown, nsfw]);

    expect(await codeOf(anonymous.collection.listPublicByUser({ username: "nobody-here" }))).toBe(
      "not_found",
    );
    await h.deps.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, people.dave.id));
    expect(await codeOf(anonymous.collection.listPublicByUser({ username: "dave" }))).toBe("not_found");
  });
});
