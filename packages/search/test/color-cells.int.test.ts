import { randomUUID } from "node:crypto";
import { wallpaperColors, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { hexToOklab } from "@wallpaperdb/imaging/colors";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { COLOR_CELLS_MIN_FRACTION, colorCellOf } from "../src/color-match.ts";

// wallpapers.color_cells is what color search filters on first; the triggers of migration 0012 keep it
// equal to the grid cells (computed in SQL by the same formula as colorCellOf) of the palette entries
// covering at least COLOR_CELLS_MIN_FRACTION, through inserts, updates and deletes.
let database: TestDatabase;
let wallpaperIds: string[];

beforeAll(async () => {
  database = await createTestDatabase("wpdb_color_cells");
  wallpaperIds = [randomUUID(), randomUUID()];
  await database.db.insert(wallpapers).values(
    wallpaperIds.map((id, i) => ({
      id,
      sha256: String(i).repeat(64),
      mediaType: "image" as const,
      mimeType: "image/png",
      originalKey: `originals/${id}`,
      sizeBytes: 1,
      width: 10,
      height: 10,
    })),
  );
});

afterAll(async () => {
  await database?.drop();
});

const entry = (wallpaperId: string, rank: number, hex: string, fraction: number) => {
  const [l, a, b] = hexToOklab(hex);
  return { wallpaperId, rank, hex, l, a, b, fraction, name: hex, nameHex: hex };
};

async function cellsOf(id: string): Promise<number[]> {
  const [row] = await database.db
    .select({ cells: wallpapers.colorCells })
    .from(wallpapers)
    .where(eq(wallpapers.id, id));
  // What the app computes from the stored float4 values (PostgreSQL prints them shortest, so the exact
  // value is Math.fround of what arrives), for the entries that count.
  const stored = await database.db.select().from(wallpaperColors).where(eq(wallpaperColors.wallpaperId, id));
  const expected = [
    ...new Set(
      stored
        .filter((c) => c.fraction >= COLOR_CELLS_MIN_FRACTION)
        .map((c) => colorCellOf(Math.fround(c.l), Math.fround(c.a), Math.fround(c.b))),
    ),
  ].sort((x, y) => x - y);
  expect(row?.cells).toEqual(expected);
  return row?.cells ?? [];
}

it("follows inserts of several wallpapers at once, updates and deletes, skipping tiny entries", async () => {
  const [w1 = "", w2 = ""] = wallpaperIds;
  await database.db
    .insert(wallpaperColors)
    .values([
      entry(w1, 0, "#ff0000", 0.6),
      entry(w1, 1, "#0066cc", 0.38),
      entry(w1, 2, "#ffff00", 0.02),
      entry(w2, 0, "#000000", 1),
    ]);
  expect(await cellsOf(w1)).toHaveLength(2);
  expect(await cellsOf(w2)).toHaveLength(1);

  await database.db
    .update(wallpaperColors)
    .set({ fraction: 0.3 })
    .where(sql`${wallpaperColors.wallpaperId} = ${w1}::uuid and ${wallpaperColors.rank} = 2`);
  expect(await cellsOf(w1)).toHaveLength(3);

  // Reprocessing replaces the palette: delete, then insert.
  await database.db.delete(wallpaperColors).where(eq(wallpaperColors.wallpaperId, w1));
  expect(await cellsOf(w1)).toEqual([]);
  await database.db.insert(wallpaperColors).values([entry(w1, 0, "#999999", 1)]);
  expect(await cellsOf(w1)).toHaveLength(1);
  expect(await cellsOf(w2)).toHaveLength(1);
});

it("puts values on a cell border in the same cell as the app does", async () => {
  const [, w2 = ""] = wallpaperIds;
  // Exactly on grid lines (0.04 multiples after the shift) and just beside them, as float4.
  const borders = [0, 0.04, 0.08, -0.04, 0.5, 0.52, 0.039999, 0.040001];
  await database.db.delete(wallpaperColors).where(eq(wallpaperColors.wallpaperId, w2));
  await database.db.insert(wallpaperColors).values(
    borders.map((v, rank) => ({
      wallpaperId: w2,
      rank,
      hex: "#808080",
      l: Math.abs(v),
      a: v,
      b: -v,
      fraction: 0.1,
      name: "gray",
      nameHex: "#808080",
    })),
  );
  expect((await cellsOf(w2)).length).toBeGreaterThan(4);
});
