import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, openHarness } from "./harness.ts";
import { type Identity, idsOf, ORIGIN, trpcAs, wallhavenGet } from "./wallhaven-client.ts";
import { seedWallhavenFixture, type WallhavenFixture } from "./wallhaven-fixture.ts";
import {
  collectionItemsSchema,
  collectionsSchema,
  errorSchema,
  settingsSchema,
  tagResponseSchema,
  wallpaperSchema,
} from "./wallhaven-schema.ts";

let h: Harness;
let f: WallhavenFixture;

beforeAll(async () => {
  h = await openHarness();
  f = await seedWallhavenFixture(h.deps);
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string, who?: Identity) => wallhavenGet(h.deps, path, who);
const owner = (): Identity => ({ key: f.ownerKey });

describe("GET /api/v1/w/<id>", () => {
  it("answers the documented wallpaper object, with the same facts as wallpaper.view", async () => {
    const row = f.visible.find((candidate) => candidate.tags.size > 1 && candidate.uploader !== null);
    const id = row?.id ?? "";
    const answer = await get(`/api/v1/w/${id}`);
    expect(answer.status).toBe(200);
    const { data } = wallpaperSchema.parse(answer.body);
    const view = await (await trpcAs(h.deps)).wallpaper.view({ wallpaperId: id });
    expect(data).toMatchObject({
      id,
      url: `${ORIGIN}/wallpapers/${id}`,
      path: `${ORIGIN}/media/${id}/original`,
      dimension_x: view.width,
      dimension_y: view.height,
      file_size: view.sizeBytes,
      file_type: view.mimeType,
      uploader: { username: row?.uploader },
    });
    expect(data.tags.map((tag) => tag.name).sort()).toEqual(view.tags.map((tag) => tag.name).sort());
    expect(data.colors).toEqual(view.palette.map((entry) => entry.hex));
  });

  it("is 404 for a visitor asking for an nsfw wallpaper, 200 with its owner's key in the apikey parameter", async () => {
    const id = f.nsfwIds[0] ?? "";
    const visitor = await get(`/api/v1/w/${id}`);
    expect(visitor.status).toBe(404);
    expect(errorSchema.parse(visitor.body).code).toBe("not_found");
    const keyed = await get(`/api/v1/w/${id}`, { ...owner(), asParameter: true });
    expect(keyed.status).toBe(200);
    expect(wallpaperSchema.parse(keyed.body).data.purity).toBe("nsfw");
  });

  it("is 404 for an unknown or non-UUID id", async () => {
    for (const id of ["94x38z", "00000000-0000-4000-8000-000000000000"]) {
      const answer = await get(`/api/v1/w/${id}`);
      expect(answer.status).toBe(404);
      expect(errorSchema.parse(answer.body).code).toBe("not_found");
    }
  });
});

describe("GET /api/v1/tag/<id>", () => {
  it("answers the documented tag object with its aliases", async () => {
    const id = f.tagIds.get("cat") ?? 0;
    const answer = await get(`/api/v1/tag/${id}`);
    expect(answer.status).toBe(200);
    expect(tagResponseSchema.parse(answer.body).data).toMatchObject({
      id,
      name: "cat",
      alias: "kitty",
      category_id: 1,
    });
  });

  it("is 404 for an unknown id", async () => {
    for (const id of ["999999", "cat"]) expect((await get(`/api/v1/tag/${id}`)).status).toBe(404);
  });
});

describe("GET /api/v1/settings", () => {
  it("needs an API key (401) and answers the owner's settings", async () => {
    const visitor = await get("/api/v1/settings");
    expect(visitor.status).toBe(401);
    expect(errorSchema.parse(visitor.body).code).toBe("unauthorized");
    const answer = await get("/api/v1/settings", owner());
    expect(answer.status).toBe(200);
    expect(settingsSchema.parse(answer.body).data).toMatchObject({
      purity: ["sfw", "sketchy", "nsfw"],
      per_page: "24",
    });
  });
});

describe("GET /api/v1/collections[/<username>[/<id>]]", () => {
  it("lists the key owner's collections, private ones too; 401 without a key", async () => {
    expect((await get("/api/v1/collections")).status).toBe(401);
    const answer = await get("/api/v1/collections", owner());
    const { data } = collectionsSchema.parse(answer.body);
    expect(data.map((c) => [c.label, c.public, c.count]).sort()).toEqual([
      ["Secret", 0, 2],
      ["Walls", 1, 30],
    ]);
  });

  it("lists an account's public collections to anyone", async () => {
    const { data } = collectionsSchema.parse((await get("/api/v1/collections/wh_owner")).body);
    expect(data.map((c) => c.id)).toEqual([f.publicCollection.id]);
    expect((await get("/api/v1/collections/nobody_here")).status).toBe(404);
  });

  it("pages a collection's wallpapers in its order, 24 a page", async () => {
    const path = `/api/v1/collections/wh_owner/${f.publicCollection.id}`;
    const first = collectionItemsSchema.parse((await get(path)).body);
    expect(first.meta).toEqual({ current_page: 1, last_page: 2, per_page: 24, total: 30 });
    const second = await get(`${path}?page=2`);
    expect([...first.data.map((item) => item.id), ...idsOf(second)]).toEqual(f.publicCollection.ids);
  });

  it("shows a private collection only with its owner's key, and only under its owner's name", async () => {
    const path = `/api/v1/collections/wh_owner/${f.privateCollection.id}`;
    expect((await get(path)).status).toBe(404);
    const keyed = await get(path, owner());
    expect(idsOf(keyed)).toEqual(f.privateCollection.ids);
    expect((await get(`/api/v1/collections/ada/${f.publicCollection.id}`)).status).toBe(404);
  });
});
