import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signUp } from "./accounts.ts";
import { e2eEnv } from "./support/env.ts";
import { trpc } from "./support/trpc.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// The wallhaven API v1 surface on the built app, the way a wallhaven client uses it: no cookies, the
// key in X-API-Key, then the image URLs it was given. No page is involved, so one size is enough; the
// parameter-by-parameter comparison with tRPC is packages/api/test/wallhaven-compat.int.test.ts.
const origin = `http://127.0.0.1:${e2eEnv.webPort}`;

test("a wallhaven client finds an upload, reads it and downloads its image and thumbnails", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await signUp(page, {
    name: `Haven ${run}`,
    email: `haven-${run}@example.test`,
    password: "first passphrase 1",
  });
  const file = `haven-${run}.jpg`;
  const id = (await uploadThroughPage(page, [await uniqueJpeg(file)]))[file] ?? "";
  const me = await trpc<{ username: string }>(page.request, "account.me", undefined, "query");
  const { key } = await trpc<{ key: string }>(
    page.request,
    "account.apiKeys.create",
    { name: "haven" },
    "mutation",
  );

  const client = await playwrightRequest.newContext({ baseURL: origin });
  const keyed = { headers: { "X-API-Key": key } };
  // Listed once processed: a fresh upload is in search only after its pipeline finished.
  await expect(async () => {
    const search = await client.get(`/api/v1/search?q=${encodeURIComponent(`@${me.username}`)}`, keyed);
    expect(search.status()).toBe(200);
    const body = (await search.json()) as { data: { id: string }[]; meta: { per_page: number } };
    expect(body.data.map((item) => item.id)).toEqual([id]);
    expect(body.meta.per_page).toBe(24);
  }).toPass({ timeout: 90_000 });

  const wallpaper = await client.get(`/api/v1/w/${id}`, keyed);
  expect(wallpaper.status()).toBe(200);
  const { data } = (await wallpaper.json()) as {
    data: { path: string; file_type: string; thumbs: Record<string, string>; uploader: { username: string } };
  };
  expect(data.uploader.username).toBe(me.username);
  for (const url of [data.path, ...Object.values(data.thumbs)]) {
    expect(url.startsWith(`${origin}/media/${id}/`), url).toBe(true);
    const image = await client.get(url);
    expect(image.status(), url).toBe(200);
    expect(image.headers()["content-type"], url).toMatch(/^image\//u);
  }
  expect(data.file_type).toBe("image/jpeg");

  const settings = await client.get("/api/v1/settings", keyed);
  expect(settings.status()).toBe(200);
  expect(((await settings.json()) as { data: { per_page: string } }).data.per_page).toBe("24");
  const anonymous = await client.get("/api/v1/settings");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ code: "unauthorized" });
  expect((await client.get(`/api/v1/collections?apikey=${key}`)).status()).toBe(200);
  expect((await client.get(`/api/v1/collections/${me.username}`)).status()).toBe(200);
  const unknown = await client.get("/api/v1/w/94x38z");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "not_found", error: expect.any(String) });
  await client.dispose();
});
