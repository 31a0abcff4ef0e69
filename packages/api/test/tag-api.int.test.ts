import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

let harness: Harness;
const people: Record<"user" | "owner" | "curator" | "admin", Caller> = {
  user: { id: "tag_api_user", role: "user", via: "session" },
  owner: { id: "tag_api_owner", role: "user", via: "session" },
  curator: { id: "tag_api_curator", role: "curator", via: "session" },
  admin: { id: "tag_api_admin", role: "admin", via: "session" },
};
let wallpaperId = "";

beforeAll(async () => {
  harness = await openHarness();
  const { db } = harness.deps;
  await seedUsers(db, Object.values(people));
  const [row] = await db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/png",
      originalKey: "originals/tag-api",
      sizeBytes: 1,
      width: 10,
      height: 10,
      uploaderId: people.owner.id,
    })
    .returning({ id: wallpapers.id });
  wallpaperId = row?.id ?? "";
});
afterAll(async () => {
  await harness.close();
});

async function as(who: keyof typeof people | "anonymous") {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createCaller({ ...ctx, user: who === "anonymous" ? null : people[who] });
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { cause?: { code?: string }; code?: string }) => error.cause?.code ?? error.code ?? "error",
  );

describe("authorization matrix", () => {
  it("tag vocabulary writes: curators and admins only", async () => {
    const expected = {
      anonymous: "unauthorized",
      user: "forbidden",
      owner: "forbidden",
      curator: "ok",
      admin: "ok",
    } as const;
    for (const [who, result] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const api = await as(who);
      const name = `t_${who}`;
      expect([who, await outcome(api.tag.create({ name }))]).toEqual([who, result]);
      if (result !== "ok") continue;
      const tag = await api.tag.byName({ name });
      expect(await outcome(api.tag.update({ tagId: tag.id, description: "d" }))).toBe("ok");
      expect(await outcome(api.tag.alias.add({ alias: `${name}_alias`, tag: name }))).toBe("ok");
      expect(await outcome(api.tag.implication.add({ antecedent: name, consequent: "t_curator" }))).toBe(
        who === "curator" ? "validation_failed" : "ok",
      );
      expect(await outcome(api.tag.rename({ tagId: tag.id, name: `${name}_renamed` }))).toBe("ok");
    }
    for (const who of ["anonymous", "user", "owner"] as const) {
      const api = await as(who);
      const denied = who === "anonymous" ? "unauthorized" : "forbidden";
      expect(await outcome(api.tag.alias.add({ alias: "x_alias", tag: "t_curator" }))).toBe(denied);
      expect(await outcome(api.tag.alias.remove({ alias: "t_curator_alias" }))).toBe(denied);
      expect(
        await outcome(api.tag.implication.add({ antecedent: "t_admin_renamed", consequent: "t_curator" })),
      ).toBe(denied);
      expect(
        await outcome(api.tag.implication.remove({ antecedent: "t_admin_renamed", consequent: "t_curator" })),
      ).toBe(denied);
      expect(await outcome(api.tag.merge({ sourceId: 1, targetId: 2 }))).toBe(denied);
      expect(await outcome(api.tag.previewMerge({ sourceId: 1, targetId: 2 }))).toBe(denied);
      expect(await outcome(api.tag.rename({ tagId: 1, name: "nope" }))).toBe(denied);
      expect(await outcome(api.tag.update({ tagId: 1, description: "nope" }))).toBe(denied);
      expect(
        await outcome(api.wallpaper.bulkTag({ target: { wallpaperIds: [wallpaperId] }, add: ["x"] })),
      ).toBe(denied);
      expect(await outcome(api.wallpaper.revertTagChange({ auditId: 1 }))).toBe(denied);
    }
  });

  it("wallpaper.setTags: the uploader, curators and admins; not other users or anonymous", async () => {
    const expected = {
      anonymous: "unauthorized",
      user: "forbidden",
      owner: "ok",
      curator: "ok",
      admin: "ok",
    } as const;
    for (const [who, result] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const api = await as(who);
      expect([who, await outcome(api.wallpaper.setTags({ wallpaperId, add: [`by_${who}`] }))]).toEqual([
        who,
        result,
      ]);
    }
    const tags = await (await as("anonymous")).wallpaper.tags({ wallpaperId });
    expect(tags.map((t) => t.name).sort()).toEqual(["by_admin", "by_curator", "by_owner"]);
  });

  it("rejects extra fields such as role or ownerId", async () => {
    const curator = await as("curator");
    const owner = await as("owner");
    const extra = { role: "admin" } as unknown as Record<string, never>;
    expect(await outcome(curator.tag.create({ name: "extra_field", ...extra }))).toBe("BAD_REQUEST");
    expect(
      await outcome(
        owner.wallpaper.setTags({
          wallpaperId,
          add: ["x"],
          ...({ ownerId: people.owner.id } as unknown as Record<string, never>),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        curator.wallpaper.bulkTag({
          target: { wallpaperIds: [wallpaperId], ...({ role: "admin" } as unknown as Record<string, never>) },
          add: ["x"],
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("tag procedures end to end", () => {
  it("clear rule errors, autocomplete by alias, history and revert through the API", async () => {
    const curator = await as("curator");
    const rejected = await curator.tag.alias
      .add({ alias: "chain", tag: "t_curator_alias" })
      .catch((e: unknown) => e);
    expect(rejected).toMatchObject({
      code: "CONFLICT",
      cause: { code: "conflict", details: { reason: "alias_chain" } },
    });
    const hits = await (await as("anonymous")).tag.autocomplete({ prefix: "t_curator_a" });
    expect(hits).toEqual([
      expect.objectContaining({ name: "t_curator_renamed", matchedAlias: "t_curator_alias" }),
    ]);
    const history = await curator.wallpaper.tagHistory({ wallpaperId });
    expect(history).toHaveLength(3);
    const ownerEntry = history.find((h) => h.actorId === people.owner.id);
    if (!ownerEntry) throw new Error("owner entry missing");
    await curator.wallpaper.revertTagChange({ auditId: ownerEntry.id });
    expect((await curator.wallpaper.tags({ wallpaperId })).map((t) => t.name).sort()).toEqual([
      "by_admin",
      "by_curator",
    ]);
    const list = await curator.tag.list({ sort: "name", query: "by_" });
    expect(list.items.map((t) => [t.name, t.wallpaperCount])).toEqual([
      ["by_admin", 1],
      ["by_curator", 1],
      ["by_owner", 0],
    ]);
    expect(Array.isArray(await curator.wallpaper.suggestTags({ wallpaperId }))).toBe(true);
  });
});

describe("tag.resolve", () => {
  it("answers what a typed name is: a tag, an alias of one, or new (never a 404)", async () => {
    const curator = await as("curator");
    await curator.tag.create({ name: "resolve_sea" });
    await curator.tag.alias.add({ alias: "resolve_ocean", tag: "resolve_sea" });
    const anonymous = await as("anonymous");
    expect(await anonymous.tag.resolve({ name: "Resolve Sea" })).toEqual({
      name: "resolve_sea",
      tag: expect.objectContaining({ name: "resolve_sea", category: "general" }),
      viaAlias: false,
    });
    expect(await anonymous.tag.resolve({ name: "resolve_ocean" })).toMatchObject({
      name: "resolve_ocean",
      tag: { name: "resolve_sea" },
      viaAlias: true,
    });
    expect(await anonymous.tag.resolve({ name: "Bad Tag!" })).toEqual({
      name: "bad_tag!",
      tag: null,
      viaAlias: false,
    });
    expect(await outcome(anonymous.tag.resolve({ name: "-forest" }))).toBe("validation_failed");
  });
});
