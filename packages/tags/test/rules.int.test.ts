import type { Database } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAlias,
  addImplication,
  autocompleteTags,
  createTag,
  getTagByName,
  mergeTags,
  previewMerge,
  removeAlias,
  removeImplication,
  renameTag,
  resolveTagNames,
  setTags,
} from "../src/index.ts";
import type { Actor } from "../src/types.ts";
import { countMismatches, makeUser, makeWallpapers, tagNamesOf } from "./fixtures.ts";

let database: TestDatabase;
let db: Database;
let curator: Actor;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tags_rules");
  db = database.db;
  curator = await makeUser(db);
});
afterAll(async () => {
  await database.drop();
});

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { code?: string; details?: { reason?: string } }) => `${error.code}/${error.details?.reason}`,
  );

describe("names and aliases", () => {
  it("creates tags with canonical names and refuses duplicates and query syntax", async () => {
    const tag = await createTag(db, { name: "  Blue   Sky ", category: "general" }, curator);
    expect(tag.name).toBe("blue_sky");
    expect(await reasonOf(createTag(db, { name: "BLUE SKY" }, curator))).toBe("conflict/tag_exists");
    expect(await reasonOf(createTag(db, { name: "-sky" }, curator))).toBe(
      "validation_failed/invalid_tag_name",
    );
  });

  it("refuses alias chains, aliases that are tags, and tags that are aliases", async () => {
    await createTag(db, { name: "cat" }, curator);
    await createTag(db, { name: "kitten" }, curator);
    await addAlias(db, "kitty", "cat", curator);
    expect(await reasonOf(addAlias(db, "neko", "kitty", curator))).toBe("conflict/alias_chain");
    expect(await reasonOf(addAlias(db, "kitten", "cat", curator))).toBe("conflict/alias_is_tag");
    expect(await reasonOf(addAlias(db, "kitty", "cat", curator))).toBe("conflict/alias_exists");
    expect(await reasonOf(createTag(db, { name: "Kitty" }, curator))).toBe("conflict/name_is_alias");
    expect(await reasonOf(addAlias(db, "x1", "no_such_tag", curator))).toBe("not_found/tag_not_found");
    const resolved = await resolveTagNames(db, ["KITTY", "cat", "nope"]);
    expect(resolved.tagIds).toHaveLength(1);
    expect(resolved.unknown).toEqual(["nope"]);
    await removeAlias(db, "kitty", curator);
    expect(await reasonOf(removeAlias(db, "kitty", curator))).toBe("not_found/alias_not_found");
  });

  it("rename keeps the old name working as an alias everywhere", async () => {
    const tag = await createTag(db, { name: "sea" }, curator);
    const [wallpaper] = await makeWallpapers(db, 1);
    if (!wallpaper) throw new Error("no wallpaper");
    await setTags(db, wallpaper, { add: ["sea"] }, curator);
    await renameTag(db, tag.id, "ocean", curator);
    expect((await getTagByName(db, "sea"))?.name).toBe("ocean");
    expect(
      (await autocompleteTags(db, "se")).map((h) => [h.name, h.matchedAlias, h.wallpaperCount]),
    ).toContainEqual(["ocean", "sea", 1]);
    // Tagging with the old name lands on the renamed tag.
    await setTags(db, wallpaper, { remove: ["sea"] }, curator);
    expect(await tagNamesOf(db, wallpaper)).toEqual([]);
    expect(await reasonOf(renameTag(db, tag.id, "cat", curator))).toBe("conflict/tag_exists");
    expect(await countMismatches(db)).toEqual([]);
  });
});

describe("implications", () => {
  it("refuses cycles (direct and transitive) and redundant links, naming the path", async () => {
    for (const name of ["car", "vehicle", "machine", "sports_car"]) await createTag(db, { name }, curator);
    await addImplication(db, "car", "vehicle", curator);
    await addImplication(db, "vehicle", "machine", curator);
    const cycle = await addImplication(db, "machine", "car", curator).catch((e: unknown) => e);
    expect(cycle).toMatchObject({
      code: "conflict",
      details: { reason: "implication_cycle", path: ["machine", "car", "vehicle", "machine"] },
    });
    expect(await reasonOf(addImplication(db, "vehicle", "car", curator))).toBe("conflict/implication_cycle");
    const redundant = await addImplication(db, "car", "machine", curator).catch((e: unknown) => e);
    expect(redundant).toMatchObject({
      details: {
        reason: "implication_redundant",
        kind: "already_implied",
        path: ["car", "vehicle", "machine"],
      },
    });
    await addImplication(db, "sports_car", "vehicle", curator);
    const makes = await addImplication(db, "sports_car", "car", curator).catch((e: unknown) => e);
    expect(makes).toMatchObject({
      details: {
        reason: "implication_redundant",
        kind: "makes_redundant",
        links: [["sports_car", "vehicle"]],
      },
    });
    expect(await reasonOf(addImplication(db, "car", "car", curator))).toBe(
      "validation_failed/implication_self",
    );
    expect(await reasonOf(addImplication(db, "car", "vehicle", curator))).toBe("conflict/implication_exists");
  });

  it("applies implications through chains and removes them when the antecedent goes, unless human", async () => {
    const [a, b] = await makeWallpapers(db, 2);
    if (!a || !b) throw new Error("no wallpapers");
    await setTags(db, a, { add: ["car"] }, curator);
    expect(await tagNamesOf(db, a, "implied")).toEqual(["machine", "vehicle"]);
    await setTags(db, b, { add: ["car", "vehicle"] }, curator);
    expect(await tagNamesOf(db, b, "human")).toEqual(["car", "vehicle"]);
    expect(await tagNamesOf(db, b, "implied")).toEqual(["machine"]);
    await setTags(db, a, { remove: ["car"] }, curator);
    await setTags(db, b, { remove: ["car"] }, curator);
    expect(await tagNamesOf(db, a)).toEqual([]);
    expect(await tagNamesOf(db, b)).toEqual(["machine", "vehicle"]);
    expect(await countMismatches(db)).toEqual([]);
  });

  it("adding or removing an implication re-derives tags on wallpapers already tagged", async () => {
    await createTag(db, { name: "road" }, curator);
    const [w] = await makeWallpapers(db, 1);
    if (!w) throw new Error("no wallpaper");
    await setTags(db, w, { add: ["car"] }, curator);
    await addImplication(db, "machine", "road", curator);
    expect(await tagNamesOf(db, w, "implied")).toEqual(["machine", "road", "vehicle"]);
    await removeImplication(db, "vehicle", "machine", curator);
    expect(await tagNamesOf(db, w, "implied")).toEqual(["vehicle"]);
    expect(await countMismatches(db)).toEqual([]);
  });
});

describe("merge", () => {
  it("previews, then moves wallpapers, aliases and implications, leaving counts right", async () => {
    const source = await createTag(db, { name: "automobile" }, curator);
    const target = await createTag(db, { name: "auto_car" }, curator);
    await createTag(db, { name: "wheels" }, curator);
    await addAlias(db, "motorcar", "automobile", curator);
    await addImplication(db, "automobile", "wheels", curator);
    const ws = await makeWallpapers(db, 3);
    const [w1, w2, w3] = ws;
    if (!w1 || !w2 || !w3) throw new Error("no wallpapers");
    await setTags(db, w1, { add: ["automobile"] }, curator);
    await setTags(db, w2, { add: ["automobile", "auto_car"] }, curator);
    await setTags(db, w3, { add: ["auto_car"] }, curator);

    const preview = await previewMerge(db, source.id, target.id);
    expect(preview).toMatchObject({
      wallpapersMoving: 2,
      wallpapersAlreadyOnTarget: 1,
      aliasesMoving: ["automobile", "motorcar"],
      createsCycle: false,
    });
    expect(preview.implicationsMoving).toHaveLength(1);

    await mergeTags(db, source.id, target.id, curator);
    expect(await countMismatches(db)).toEqual([]);
    const merged = await getTagByName(db, "automobile");
    expect(merged).toMatchObject({ name: "auto_car", wallpaperCount: 3, resolvedFromAlias: "automobile" });
    expect(merged?.aliases.sort()).toEqual(["automobile", "motorcar"]);
    expect(merged?.implies.map((t) => t.name)).toEqual(["wheels"]);
    // The moved implication now applies to the target's wallpapers, including w3.
    expect(await tagNamesOf(db, w3, "implied")).toEqual(["wheels"]);
    expect((await getTagByName(db, "wheels"))?.wallpaperCount).toBe(3);
  });

  it("refuses a merge that would close an implication cycle", async () => {
    const top = await createTag(db, { name: "top" }, curator);
    await createTag(db, { name: "middle" }, curator);
    const bottom = await createTag(db, { name: "bottom" }, curator);
    await addImplication(db, "top", "middle", curator);
    await addImplication(db, "middle", "bottom", curator);
    expect(await reasonOf(mergeTags(db, bottom.id, top.id, curator))).toBe("conflict/implication_cycle");
    expect(await reasonOf(mergeTags(db, top.id, top.id, curator))).toBe("validation_failed/merge_self");
  });
});
