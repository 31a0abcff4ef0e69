// The one colour rule end to end on the real corpus (real sharp, real PostgreSQL): for every named
// colour, the wallpapers carrying its auto tag, the ones its swatch search returns and the ones whose
// page lists it are the same set, after the colour step and again after the backfill.
import { randomBytes } from "node:crypto";
import { wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { computeColorPalette, renderImageDerivatives } from "@wallpaperdb/imaging";
import { namedPalette } from "@wallpaperdb/imaging/colors";
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import { configureSharp } from "@wallpaperdb/media";
import { createPostgresSearch, parseSearchQuery, searchInput } from "@wallpaperdb/search";
import { colorTagName } from "@wallpaperdb/tags";
import { loadWallpaperView } from "@wallpaperdb/wallpapers";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleProcessedAutotag } from "../src/handlers/autotag.ts";
import { storeColorResult } from "../src/handlers/color.ts";
import { backfillColorNames } from "../src/pipeline/auto-tags-backfill.ts";

let database: TestDatabase;
const ids: string[] = [];

beforeAll(async () => {
  configureSharp();
  database = await createTestDatabase("wpdb_workers_colour_names");
  for (const file of corpusFiles()) {
    const { analysis, width, height } = await renderImageDerivatives(file, {
      formats: { thumb: [], preview: [] },
    });
    const palette = computeColorPalette(analysis);
    const [row] = await database.db
      .insert(wallpapers)
      .values({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image",
        mimeType: "image/jpeg",
        originalKey: `originals/${randomBytes(8).toString("hex")}`,
        sizeBytes: 1000,
        width,
        height,
        processedAt: new Date(),
      })
      .returning({ id: wallpapers.id });
    if (!row) throw new Error("no wallpaper");
    await database.db.transaction((tx) => storeColorResult(tx, row.id, palette));
    ids.push(row.id);
  }
  for (const id of ids) {
    const result = await handleProcessedAutotag({ db: database.db }, {
      data: { wallpaperId: id },
    } as Parameters<typeof handleProcessedAutotag>[1]);
    expect(result).toEqual({ status: "done" });
  }
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

interface Agreement {
  name: string;
  tagged: string[];
  searched: string[];
  /** the query language's colour term by name: `color:sky_blue` */
  queried: string[];
  listed: string[];
}

async function agreement(): Promise<Agreement[]> {
  const search = createPostgresSearch(database.db);
  const tagRows = await database.db.execute<{ wallpaper_id: string; name: string }>(
    sql`select wt.wallpaper_id::text as wallpaper_id, t.name from wallpaper_tags wt join tags t on t.id = wt.tag_id
      where wt.source = 'auto'`,
  );
  const listedBy = new Map<string, string[]>();
  for (const id of ids) {
    const view = await loadWallpaperView(database.db, id, null);
    listedBy.set(id, view?.colorNames ?? []);
  }
  const out: Agreement[] = [];
  for (const color of namedPalette) {
    const page = await search.search(searchInput.parse({ colors: [color.hex], limit: 100 }));
    const parsed = parseSearchQuery(`color:${color.name.replace(/ /g, "_")}`, { limit: 100 });
    if (!parsed.ok) throw new Error(`color:${color.name} does not parse`);
    const queried = await search.search(parsed.query);
    out.push({
      name: color.name,
      tagged: tagRows
        .filter((r) => r.name === colorTagName(color.name))
        .map((r) => r.wallpaper_id)
        .sort(),
      searched: page.items.map((item) => item.id).sort(),
      queried: queried.items.map((item) => item.id).sort(),
      listed: ids.filter((id) => listedBy.get(id)?.includes(color.name)).sort(),
    });
  }
  return out;
}

function expectAgreement(rows: Agreement[], when: string) {
  process.stdout.write(`\n${when}: colour  tagged  searched  listed\n`);
  for (const row of rows) {
    process.stdout.write(
      `  ${row.name.padEnd(12)} ${[row.tagged, row.searched, row.listed].map((s) => String(s.length).padStart(3)).join("  ")}\n`,
    );
    expect(row.searched, `${when}: ${row.name} search = tag`).toEqual(row.tagged);
    expect(row.queried, `${when}: ${row.name} query = tag`).toEqual(row.tagged);
    expect(row.listed, `${when}: ${row.name} page = tag`).toEqual(row.tagged);
  }
  // The corpus exercises the rule: most named colours occur, and most wallpapers have several.
  expect(rows.filter((row) => row.tagged.length > 0).length).toBeGreaterThanOrEqual(20);
  expect(rows.reduce((sum, row) => sum + row.tagged.length, 0)).toBeGreaterThan(ids.length * 2);
}

it("after the colour step: auto tag, swatch search and page agree for every named colour", async () => {
  expectAgreement(await agreement(), "colour step");
});

it("after the backfill of wallpapers processed before migration 0015: the same names, and agreement", async () => {
  const before = await agreement();
  // As migration 0015 leaves them: no names yet, and auto tags from the old rules (here: none).
  await database.db.execute(sql`update wallpapers set color_names = null`);
  await database.db.execute(sql`delete from wallpaper_tags where source = 'auto'`);
  expect((await agreement()).every((row) => row.searched.length === 0 && row.tagged.length === 0)).toBe(true);
  expect(await backfillColorNames(database.db, 10)).toEqual({ named: ids.length, retagged: ids.length });
  const after = await agreement();
  expectAgreement(after, "backfill");
  // The backfill reads the stored (float4) palette; the colour step named the same float4 values.
  expect(after).toEqual(before);
  expect(await backfillColorNames(database.db)).toEqual({ named: 0, retagged: 0 });
});
