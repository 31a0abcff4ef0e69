import type { Database } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAlias,
  addImplication,
  createTag,
  didYouMean,
  didYouMeanAll,
  listTags,
  loadTagPage,
  RELATED_SAMPLE,
  relatedTags,
  setTags,
  updateTag,
} from "../src/index.ts";
import type { Actor } from "../src/types.ts";
import { makeUser, makeWallpapers } from "./fixtures.ts";

let database: TestDatabase;
let db: Database;
let curator: Actor;
let ids: string[] = [];

async function tagIdOf(name: string): Promise<number> {
  const [row] = await db.execute<{ id: number }>(sql`select id from tags where name = ${name}`);
  if (!row) throw new Error(`no tag ${name}`);
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tag_pages");
  db = database.db;
  curator = await makeUser(db);
  // Ten visible wallpapers and two hidden ones (one rejected, one not processed yet).
  ids = await makeWallpapers(db, 12);
  await db.execute(sql`update wallpapers set processed_at = now()
    where id in (${sql.join(
      ids.slice(0, 11).map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  await db.execute(sql`update wallpapers set moderation = 'rejected' where id = ${ids[10]}::uuid`);
  const tag = (index: number, names: string[]) =>
    setTags(db, ids[index] ?? "", { add: names }, curator).then(() => undefined);
  for (let i = 0; i < 10; i++) {
    const names = ["sky"];
    if (i < 8) names.push("mountain");
    if (i < 5) names.push("snow");
    if (i === 5 || i === 6) names.push("lake");
    await tag(i, names);
  }
  await tag(10, ["mountain", "sky", "secret_tag"]);
  await tag(11, ["mountain", "sky", "secret_tag"]);
  await addAlias(db, "mountains", "mountain", curator);
  await createTag(db, { name: "alps" }, curator);
  await addImplication(db, "alps", "mountain", curator);
  await addImplication(db, "mountain", "landscape", curator).catch(async () => {
    await createTag(db, { name: "landscape" }, curator);
    await addImplication(db, "mountain", "landscape", curator);
  });
});
afterAll(async () => {
  await database.drop();
});

describe("related tags", () => {
  it("counts shared visible wallpapers and ranks by cosine similarity", async () => {
    const related = await relatedTags(db, await tagIdOf("mountain"));
    expect(related.estimated).toBe(false);
    expect(related.sampled).toBe(10);
    const byName = Object.fromEntries(related.items.map((item) => [item.name, item.shared]));
    // The hidden wallpapers' tags never show, and the tag itself is not related to itself.
    expect(byName).toEqual({ sky: 8, landscape: 8, snow: 5, lake: 2 });
    // mountain has 10 wallpapers (hidden ones included in its count): sky 8/√(10·10), snow 5/√(5·10), lake 2/√(2·10).
    const order = related.items.map((item) => item.name);
    expect(order.indexOf("sky")).toBeLessThan(order.indexOf("snow"));
    expect(order.indexOf("snow")).toBeLessThan(order.indexOf("lake"));
  });

  it("samples a big tag and scales the shared counts", async () => {
    const many = await makeWallpapers(db, RELATED_SAMPLE + 200);
    await db.execute(sql`update wallpapers set processed_at = now() where processed_at is null`);
    const [big, half] = await Promise.all(
      ["big_tag", "half_tag"].map((name) => createTag(db, { name }, curator)),
    );
    if (!big || !half) throw new Error("tags not created");
    // Written directly (the tag engine would take a thousand transactions): the counts are set to match.
    await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id)
      select id, ${big.id} from wallpapers where id in (${sql.join(
        many.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id)
      select wallpaper_id, ${half.id} from wallpaper_tags where tag_id = ${big.id} and (get_byte(uuid_send(wallpaper_id), 15) % 2) = 0`);
    await db.execute(
      sql`update tags t set wallpaper_count = (select count(distinct wallpaper_id) from wallpaper_tags w where w.tag_id = t.id)`,
    );
    const related = await relatedTags(db, big.id);
    expect(related).toMatchObject({ sampled: RELATED_SAMPLE, estimated: true });
    const shared = related.items.find((item) => item.name === "half_tag")?.shared ?? 0;
    const [actual] = await db.execute<{ n: number }>(
      sql`select wallpaper_count as n from tags where id = ${half.id}`,
    );
    // A random sample of 1,000 of 1,200: the estimate lands near the true count.
    expect(Math.abs(shared - (actual?.n ?? 0))).toBeLessThan(0.15 * (actual?.n ?? 1));

    // A tag on one wallpaper of the sample (the first id in index order), under a tag counted ten times
    // the sample: scaled up it would claim ten shared wallpapers, more than it has.
    const rare = await createTag(db, { name: "rare_one" }, curator);
    await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id)
      select wallpaper_id, ${rare.id} from wallpaper_tags where tag_id = ${big.id} order by wallpaper_id limit 1`);
    await db.execute(sql`update tags set wallpaper_count = case when id = ${rare.id} then 1 else 10000 end
      where id in (${rare.id}, ${big.id})`);
    const capped = await relatedTags(db, big.id, 50);
    expect(capped.items.find((item) => item.name === "rare_one")?.shared).toBe(1);
  });
});

describe("did you mean", () => {
  it("finds the close name, through an alias too, one hit per tag", async () => {
    const hits = await didYouMean(db, "mountainz");
    expect(hits[0]?.name).toBe("mountain");
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length);
    const viaAlias = await didYouMean(db, "mountainss");
    expect(viaAlias[0]).toMatchObject({ name: "mountain", matchedAlias: "mountains" });
    expect(await didYouMean(db, "zzzzqqq")).toEqual([]);
    expect(await didYouMean(db, "x")).toEqual([]);
  });

  it("ranks equally similar names by how many wallpapers carry them", async () => {
    await createTag(db, { name: "tree_a" }, curator);
    await setTags(db, ids[0] ?? "", { add: ["tree_b"] }, curator);
    const hits = await didYouMean(db, "tree_c");
    expect(hits.slice(0, 2).map((hit) => hit.name)).toEqual(["tree_b", "tree_a"]);
    expect(hits[0]?.similarity).toBe(hits[1]?.similarity);
  });

  it("answers several names in their order", async () => {
    const answers = await didYouMeanAll(db, ["snoww", "mountainz", "snoww"]);
    expect(answers.map((answer) => [answer.name, answer.suggestions[0]?.name])).toEqual([
      ["snoww", "snow"],
      ["mountainz", "mountain"],
    ]);
  });
});

describe("tag page loader", () => {
  it("finds a tag by an alias, with links both ways and the description's links resolved", async () => {
    await updateTag(
      db,
      await tagIdOf("mountain"),
      { description: "Peaks. See [[snow]], [[Mountains|more]] and [[no_such_tag]]." },
      curator,
    );
    const page = await loadTagPage(db, "Mountains");
    expect(page).toMatchObject({
      name: "mountain",
      resolvedFromAlias: "mountains",
      aliases: ["mountains"],
      wallpaperCount: 10,
      descriptionLinks: { snow: "snow", mountains: "mountain", no_such_tag: null },
    });
    expect(page?.implies.map((tag) => tag.name)).toEqual(["landscape"]);
    expect(page?.impliedBy).toEqual([expect.objectContaining({ name: "alps", wallpaperCount: 0 })]);
    expect(page?.related.items.length).toBeGreaterThan(0);
    expect(await loadTagPage(db, "mountainz")).toBeNull();
  });

  it("lists tags newest first for the index", async () => {
    const newest = await listTags(db, { sort: "newest", limit: 3 });
    expect(newest.items[0]?.name).toBe("tree_b");
    const general = await listTags(db, { sort: "count", category: "general", limit: 2 });
    expect(general.items.map((tag) => tag.name)).toEqual(["big_tag", "half_tag"]);
  });
});
