import { randomBytes } from "node:crypto";
import { variants, wallpaperColors, wallpapers } from "@wallpaperdb/db";
import { loadCards } from "@wallpaperdb/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

// Issue #19: what a script reads without the detail page's `view`: a video's clip URL on its search card
// and the palette's fractions in `wallpaper.byId`. Both are additive fields of the existing answers.
let h: Harness;
const ids = { image: "", video: "" };

async function insert(mediaType: "image" | "video"): Promise<string> {
  const [row] = await h.deps.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType,
      mimeType: mediaType === "video" ? "video/mp4" : "image/png",
      originalKey: `originals/${mediaType}-${randomBytes(4).toString("hex")}`,
      sizeBytes: 1,
      width: 1920,
      height: 1080,
      durationMs: mediaType === "video" ? 8000 : null,
      moderation: "approved",
      processedAt: new Date(),
    })
    .returning({ id: wallpapers.id });
  return row?.id ?? "";
}

function variant(wallpaperId: string, kind: string, format: string, contentHash: string) {
  return {
    wallpaperId,
    kind,
    format,
    width: 640,
    height: 360,
    sizeBytes: 100,
    storageKey: `variants/${wallpaperId}/${kind}.${format}`,
    contentHash,
  };
}

beforeAll(async () => {
  h = await openHarness();
  ids.image = await insert("image");
  ids.video = await insert("video");
  await h.deps.db
    .insert(variants)
    .values([
      variant(ids.image, "thumb", "webp", "img0000000000001"),
      variant(ids.video, "thumb", "webp", "vid0000000000001"),
      variant(ids.video, "clip", "mp4", "clip000000000001"),
    ]);
  const color = { l: 0.5, a: 0, b: 0, name: "gray", nameHex: "#808080" };
  await h.deps.db.insert(wallpaperColors).values([
    { wallpaperId: ids.image, rank: 1, hex: "#112233", fraction: 0.25, ...color },
    { wallpaperId: ids.image, rank: 0, hex: "#aabbcc", fraction: 0.75, ...color },
  ]);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function anonymous() {
  return createCaller(await createTRPCContext({ headers: new Headers(), deps: h.deps }));
}

describe("answers a script reads", () => {
  it("a video's search card carries its clip URL; an image's has none", async () => {
    const page = await (await anonymous()).wallpaper.search({});
    const byId = new Map(page.items.map((card) => [card.id, card]));
    expect(byId.get(ids.video)?.clipUrl).toBe(`/media/${ids.video}/clip.mp4?v=clip000000000001`);
    expect(byId.get(ids.image)?.clipUrl).toBeNull();
    // The clip is not one of the gallery's image variants.
    expect(byId.get(ids.video)?.variants.map((v) => v.kind)).toEqual(["thumb"]);
    // The page statement and loadCards shape a card the same way.
    expect(await loadCards(h.deps.db, [ids.video, ids.image])).toEqual([
      byId.get(ids.video),
      byId.get(ids.image),
    ]);
  });

  it("wallpaper.byId answers the palette with each colour's fraction, dominant first", async () => {
    const answer = await (await anonymous()).wallpaper.byId({ wallpaperId: ids.image });
    expect(answer.palette).toEqual([
      { hex: "#aabbcc", fraction: 0.75 },
      { hex: "#112233", fraction: 0.25 },
    ]);
    expect(answer).toMatchObject({ id: ids.image, visible: true, width: 1920 });
    expect((await (await anonymous()).wallpaper.byId({ wallpaperId: ids.video })).palette).toEqual([]);
  });
});
