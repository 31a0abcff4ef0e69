import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { setTags, updateTag } from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

let harness: Harness;
const curator: Caller = { id: "tag_pages_curator", role: "curator", via: "session" };
const ids: Record<"sfw" | "nsfw" | "held", string> = { sfw: "", nsfw: "", held: "" };

beforeAll(async () => {
  harness = await openHarness();
  const { db } = harness.deps;
  await seedUsers(db, [curator]);
  for (const [key, purity, moderation] of [
    ["sfw", "sfw", "approved"],
    ["nsfw", "nsfw", "approved"],
    ["held", "sfw", "pending"],
  ] as const) {
    const [row] = await db
      .insert(wallpapers)
      .values({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image",
        mimeType: "image/png",
        originalKey: `originals/tag-pages-${key}`,
        sizeBytes: 1,
        width: 16,
        height: 9,
        purity,
        moderation,
        processedAt: new Date(),
      })
      .returning({ id: wallpapers.id });
    ids[key] = row?.id ?? "";
    await setTags(db, ids[key], { add: ["waterfall", "forest"] }, curator);
  }
  const [waterfall] = await db.execute<{ id: number }>(sql`select id from tags where name = 'waterfall'`);
  await updateTag(db, waterfall?.id ?? 0, { description: "Water <b>falling</b>. See [[forest]]." }, curator);
});
afterAll(async () => {
  await harness.close();
});

async function anonymous() {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createCaller({ ...ctx, user: null });
}

describe("tagPage.byName", () => {
  it("shows the tag with its related tags and only the wallpapers this visitor may see", async () => {
    const page = await (await anonymous()).tagPage.byName({ name: "Waterfall" });
    expect(page).toMatchObject({ name: "waterfall", description: "Water <b>falling</b>. See [[forest]]." });
    expect(page.descriptionLinks).toEqual({ forest: "forest" });
    expect(page.related.items.map((tag) => [tag.name, tag.shared])).toEqual([["forest", 2]]);
    // The nsfw one is outside a visitor's scope and the held one is not public at all.
    expect(page.newest.map((card) => card.id)).toEqual([ids.sfw]);
    expect(page.top.map((card) => card.id)).toEqual([]);
  });

  it("answers an unknown name with not_found, a stable reason and the close names", async () => {
    const error = await (await anonymous()).tagPage.byName({ name: "waterfal" }).then(
      () => null,
      (caught: { cause?: { code?: string; details?: unknown } }) => caught.cause,
    );
    expect(error).toMatchObject({
      code: "not_found",
      details: { reason: "tag_not_found", name: "waterfal", suggestions: ["waterfall"] },
    });
    // The API's own lookup answers the same way.
    const viaTag = await (await anonymous()).tag.byName({ name: "forrest" }).then(
      () => null,
      (caught: { cause?: { details?: unknown } }) => caught.cause?.details,
    );
    expect(viaTag).toMatchObject({ reason: "tag_not_found", suggestions: ["forest"] });
    // And so does a blacklist naming a tag that does not exist.
    const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
    const viaSettings = await createCaller({ ...ctx, user: curator })
      .settings.update({ blacklist: ["waterfal"] })
      .then(
        () => null,
        (caught: { cause?: { details?: unknown } }) => caught.cause?.details,
      );
    expect(viaSettings).toMatchObject({ reason: "unknown_tags", suggestions: { waterfal: ["waterfall"] } });
  });
});

describe("tagPage.didYouMean and index", () => {
  it("suggests close names for each unknown one", async () => {
    const answers = await (await anonymous()).tagPage.didYouMean({ names: ["forrest", "qqqqq"] });
    expect(answers.map((answer) => [answer.name, answer.suggestions.map((hit) => hit.name)])).toEqual([
      ["forrest", ["forest"]],
      ["qqqqq", []],
    ]);
  });

  it("pages the index by category and sort", async () => {
    const index = await (await anonymous()).tagPage.index({ sort: "name", category: "general", limit: 1 });
    expect([index.total, index.items.map((tag) => tag.name)]).toEqual([2, ["forest"]]);
  });
});
