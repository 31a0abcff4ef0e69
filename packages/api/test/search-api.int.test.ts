import { TRPCError } from "@trpc/server";
import { AppError } from "@wallpaperdb/core/errors";
import { parseSearchQuery } from "@wallpaperdb/search";
import type { FixtureWallpaper } from "@wallpaperdb/search/testing/fixture";
import { makeFixture } from "@wallpaperdb/search/testing/fixture";
import { expectedIds } from "@wallpaperdb/search/testing/oracle";
import { seedFixture } from "@wallpaperdb/search/testing/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

let harness: Harness;
let rows: FixtureWallpaper[];

beforeAll(async () => {
  harness = await openHarness();
  rows = makeFixture();
  await seedFixture(harness.deps.db, rows);
});
afterAll(async () => {
  await harness.close();
});

async function anonymous() {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createCaller({ ...ctx, user: null });
}

function expectedFor(q: string, limit = 24) {
  const parsed = parseSearchQuery(q, { limit });
  if (!parsed.ok) throw new Error("bad fixture query");
  return expectedIds(rows, parsed.query);
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; cause: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, cause: error.cause };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("wallpaper.search / similar / random over tRPC", () => {
  it("searches anonymously by query string and pages with the cursor", async () => {
    const caller = await anonymous();
    const q = "~cat ~dog atleast:1920x1080 sort:quality";
    const first = await caller.wallpaper.search({ q, limit: 5 });
    const second = await caller.wallpaper.search({ q, limit: 5, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expectedFor(q).slice(0, 10));
    expect(first.total).toBe(expectedFor(q).length);
  });

  it("accepts the typed input, including colors by palette name", async () => {
    const caller = await anonymous();
    const page = await caller.wallpaper.search({ tags: { all: ["kitty"] }, colors: ["black"], limit: 50 });
    expect(page.items.map((item) => item.id)).toEqual(expectedFor("cat color:black", 50));
  });

  it("answers a malformed query with validation_failed and the parser's errors", async () => {
    const caller = await anonymous();
    const result = await failure(caller.wallpaper.search({ q: "cat OR atleast:huge bogus:sfw" }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.cause).toBeInstanceOf(AppError);
    const cause = result.cause as AppError;
    expect(cause.code).toBe("validation_failed");
    expect(
      ((cause.details?.errors ?? []) as { code: string; position: number }[]).map((e) => [
        e.code,
        e.position,
      ]),
    ).toEqual([
      ["unbalanced_or", 4],
      ["invalid_value", 15],
      ["unknown_filter", 20],
    ]);
  });

  it("similar finds the near-duplicate, and 404s for a hidden or unknown wallpaper", async () => {
    const caller = await anonymous();
    const [original, copy] = [rows[8], rows[9]];
    if (
      original?.processed &&
      original.moderation === "approved" &&
      copy?.processed &&
      copy.moderation === "approved"
    ) {
      const { items } = await caller.wallpaper.similar({ wallpaperId: copy.id, limit: 4 });
      expect(items[0]?.card.id).toBe(original.id);
    }
    const missing = await failure(
      caller.wallpaper.similar({ wallpaperId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("random honours filters and seeds, and 404s when nothing matches", async () => {
    const caller = await anonymous();
    const pick = await caller.wallpaper.random({ q: "atleast:2560x1440 ratio:16x9", seed: 3 });
    expect(pick.id).toBe(expectedFor("atleast:2560x1440 ratio:16x9 sort:random seed:3")[0]);
    const typed = await caller.wallpaper.random({
      atleast: { width: 2560, height: 1440 },
      ratios: ["16:9"],
      seed: 3,
    });
    expect(typed.id).toBe(pick.id);
    expect((await failure(caller.wallpaper.random({ q: "res:1x1" }))).code).toBe("NOT_FOUND");
  });
});
