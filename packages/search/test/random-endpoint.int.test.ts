import { AppError } from "@wallpaperdb/core/errors";
import { variants } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch } from "../src/postgres/postgres-backend.ts";
import { searchInput } from "../src/query/input.ts";
import { randomRedirect } from "../src/random-endpoint.ts";
import { type FixtureWallpaper, makeFixture } from "./fixture.ts";
import { expectedIds } from "./oracle.ts";
import { seedFixture } from "./seed.ts";

let database: TestDatabase;
let rows: FixtureWallpaper[];

beforeAll(async () => {
  database = await createTestDatabase("wpdb_search_random");
  rows = makeFixture(60, 11);
  await seedFixture(database.db, rows);
  await database.db.insert(variants).values(
    rows.flatMap((row) =>
      (["jpeg", "webp"] as const).map((format) => ({
        wallpaperId: row.id,
        kind: "preview",
        format,
        width: 2560,
        height: 1440,
        sizeBytes: 1,
        storageKey: `variants/${row.id}/preview.${format}`,
        contentHash: `h${row.id.slice(0, 8)}${format}`,
      })),
    ),
  );
});
afterAll(async () => {
  await database?.drop();
});

describe("/api/random", () => {
  it("redirects (302, no-store) to the chosen wallpaper's JPEG preview, the same one for the same seed", async () => {
    const backend = createPostgresSearch(database.db);
    const response = await randomRedirect(
      backend,
      new URLSearchParams("atleast=1920x1080&ratios=16x9&seed=5"),
    );
    const chosen = expectedIds(
      rows,
      searchInput.parse({
        atleast: { width: 1920, height: 1080 },
        ratios: ["16:9"],
        sort: "random",
        seed: 5,
      }),
    )[0];
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("location")).toBe(
      `/media/${chosen}/preview.jpeg?v=h${chosen?.slice(0, 8)}jpeg`,
    );
  });

  it("answers not_found when nothing matches", async () => {
    const backend = createPostgresSearch(database.db);
    await expect(randomRedirect(backend, new URLSearchParams("res=1x1"))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(randomRedirect(backend, new URLSearchParams("atleast=wide"))).rejects.toBeInstanceOf(
      AppError,
    );
  });
});
