// "More like this" by content: the classify step's embeddings, ranked after the near-duplicates and
// before the palette neighbours, within SIMILAR_CONTENT_DISTANCE and the viewer's scope.
import { wallpaperClassifications, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresSearch } from "../src/postgres/postgres-backend.ts";
import { SIMILAR_CONTENT_DISTANCE } from "../src/postgres/similar.ts";
import { type FixtureWallpaper, makeFixture } from "./fixture.ts";
import { seedFixture } from "./seed.ts";

let database: TestDatabase;
let rows: FixtureWallpaper[];

/** A unit vector at `angle` from the first axis, turned towards axis `towards`. */
function direction(angle: number, towards: number): number[] {
  return Array.from({ length: 64 }, (_, d) =>
    d === 0 ? Math.cos(angle) : d === towards ? Math.sin(angle) : 0,
  );
}
const angleFor = (distance: number) => 2 * Math.asin(distance / 2);

function signHash(embedding: number[]): bigint {
  let hash = 0n;
  embedding.forEach((value, d) => {
    if (value > 0) hash |= 1n << BigInt(d);
  });
  return BigInt.asIntN(64, hash);
}

async function classify(wallpaperId: string, embedding: number[]) {
  await database.db.insert(wallpaperClassifications).values({
    wallpaperId,
    model: "test",
    drawing: 0,
    hentai: 0,
    neutral: 1,
    porn: 0,
    sexy: 0,
    suggestedPurity: "sfw",
    embedding,
    embeddingSign: signHash(embedding),
    embeddingVersion: 1,
  });
}

beforeAll(async () => {
  database = await createTestDatabase("wpdb_search_similar_content");
  rows = makeFixture(40, 5);
  await seedFixture(database.db, rows);
});
afterAll(async () => {
  await database?.drop();
});

it("lists wallpapers close in content after the near-duplicates and before the palette, within the scope", async () => {
  const shown = rows.filter((row) => row.processed && row.moderation === "approved");
  const [target, close, closer, hidden, far] = shown;
  if (!target || !close || !closer || !hidden || !far) throw new Error("fixture too small");
  await classify(target.id, direction(0, 1));
  await classify(close.id, direction(angleFor(0.4), 2));
  await classify(closer.id, direction(angleFor(0.2), 3));
  await classify(hidden.id, direction(angleFor(0.1), 4));
  await classify(far.id, direction(angleFor(SIMILAR_CONTENT_DISTANCE + 0.2), 5));
  // Hidden from a visitor by its purity.
  await database.db.update(wallpapers).set({ purity: "nsfw" }).where(eq(wallpapers.id, hidden.id));

  const items = (await createPostgresSearch(database.db).similar(target.id, 10)) ?? [];
  const kinds = items.map((item) => item.match.kind);
  // The order of the kinds: near-duplicates, then content, then palette.
  expect(kinds.join(",")).toMatch(/^(near_duplicate,)*(content,)+(palette,?)*$/);
  const content = items.filter((item) => item.match.kind === "content");
  expect(content.map((item) => item.card.id)).toEqual([closer.id, close.id]);
  expect(content.map((item) => item.match)).toEqual([
    { kind: "content", contentDistance: 0.2 },
    { kind: "content", contentDistance: 0.4 },
  ]);
  expect(items.some((item) => item.card.id === hidden.id || item.card.id === target.id)).toBe(false);
});

it("lists no content neighbours for a wallpaper not classified yet", async () => {
  const unclassified = rows.filter((row) => row.processed && row.moderation === "approved")[6];
  const items = (await createPostgresSearch(database.db).similar(unclassified?.id ?? "", 10)) ?? [];
  expect(items.some((item) => item.match.kind === "content")).toBe(false);
});
