import { expect, type Page, test } from "@playwright/test";
import { createWallpaperClient, uploadFile, type WallpaperClient } from "@wallpaperdb/client";
import sharp from "sharp";
import { signIn } from "./accounts.ts";

// Hostile strings in user-controlled fields (tag names, tag descriptions, original file names)
// must render as text everywhere: pages, the <title>, the hydration payload and tRPC JSON.
const state = { apiKey: "", ids: [] as string[] };

const filenames = [
  "<img src=x onerror=window.__xss=1>.png",
  '"><script>window.__xss=1</script>.png',
  "</title><script>window.__xss=1</script>.png",
];
// Already normalized (lower case, runs of spaces/underscores as one `_`); < > = / and dots survive.
const tagNames = ["<img_src=x_onerror=window._xss=1>", "</title><script>window._xss=1</script>"];
const descriptions = [
  '"><script>window.__xss=1</script><img src=x onerror=window.__xss=1>',
  "</textarea><img src=x onerror=window.__xss=1>",
];
// The markup that must never appear raw in any HTML the server sends.
const rawMarkup = ["<img src=x", "<img_src=x", "<script>window.", "</title><script>"];

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

/** The page title as the detail page derives it from the file name. */
function titleOf(filename: string): string {
  return filename
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
}

/** Fails the test on any dialog (alert/confirm/prompt) an injected script might open. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectNoInjection(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator("img[src=x], img[src='x']")).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll("script")].some((script) =>
        /<script>|<img/.test(script.textContent ?? ""),
      ),
    ),
  ).toBe(false);
}

function expectNoRawMarkup(html: string) {
  for (const markup of rawMarkup) expect(html).not.toContain(markup);
}

test("seed: hostile file names, tag names and descriptions through the API", async ({ page, baseURL }) => {
  await signIn(page);
  await page.getByLabel("Key name").fill("xss e2e");
  await page.getByRole("button", { name: "Create key" }).click();
  state.apiKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(state.apiKey).not.toBe("");

  const client: WallpaperClient = createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: state.apiKey });
  for (const [index, filename] of filenames.entries()) {
    const bytes = await sharp({
      create: {
        width: 800,
        height: 500,
        channels: 3,
        background: { r: 40 + index * 70, g: 120, b: 200 - index * 60 },
        noise: { type: "gaussian", mean: 128, sigma: 30 },
      },
    })
      .png()
      .toBuffer();
    const uploaded = await uploadFile(client, bytes, { filename, type: "image/png" });
    expect(uploaded.status).toBe("added");
    state.ids.push(uploaded.wallpaperId ?? "");
  }
  await expect
    .poll(async () => (await client.wallpaper.search.query({ limit: 50 })).items.map((item) => item.id), {
      timeout: 90_000,
      intervals: [500],
    })
    .toEqual(expect.arrayContaining(state.ids));

  for (const [index, name] of tagNames.entries()) {
    await client.tag.create.mutate({ name, description: descriptions[index] ?? null });
  }
  await client.wallpaper.setTags.mutate({ wallpaperId: state.ids[0] ?? "", add: tagNames });
  expect((await client.wallpaper.tags.query({ wallpaperId: state.ids[0] ?? "" })).map((t) => t.name)).toEqual(
    expect.arrayContaining(tagNames),
  );
});

test("wallpaper pages show file names and tags as text, in the body and the <title>", async ({ page }) => {
  const dialogs = watchDialogs(page);
  for (const [index, filename] of filenames.entries()) {
    const id = state.ids[index] ?? "";
    await page.goto(`/wallpapers/${id}`);
    await expect(page.getByTestId("wallpaper-title")).toHaveText(titleOf(filename));
    await expect(page.getByText(filename, { exact: true })).toBeVisible();
    expect(await page.title()).toBe(`${titleOf(filename)} · WallpaperDB`);
    await expectNoInjection(page, dialogs);

    const html = await (await page.request.get(`/wallpapers/${id}`)).text();
    expectNoRawMarkup(html);
    // The <title> element holds the whole name, escaped; nothing closes it early.
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  }

  await page.goto(`/wallpapers/${state.ids[0]}`);
  for (const name of tagNames) {
    await expect(page.getByTestId("wallpaper-tag").filter({ hasText: name })).toBeVisible();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  await expectNoInjection(page, dialogs);
});

test("the admin tag editor shows hostile names and descriptions as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page);
  await page.goto("/admin/tags");
  for (const [index, name] of tagNames.entries()) {
    const description = descriptions[index] ?? "";
    await expect(page.getByText(description, { exact: true })).toBeVisible();
    const item = page.locator(".tag-list-item").filter({ hasText: description });
    await expect(item).toContainText(name);
    await item.click();
    await expect(page.getByTestId("tag-detail")).toContainText(name);
    await expect(page.locator("#tag-description")).toHaveValue(description);
    await expectNoInjection(page, dialogs);
  }
  // Saving a description round-trips it unchanged.
  const edited = "<svg onload=window.__xss=1></svg>";
  await page.locator("#tag-description").fill(edited);
  await page.getByRole("button", { name: "Save description" }).click();
  // The list shows the saved description as text (the editor's textarea holds it too, as its value).
  const listed = page.locator(".tag-list-desc").filter({ hasText: edited });
  await expect(listed).toBeVisible();
  await expect(listed).toHaveText(edited);
  await page.reload();
  await expect(listed).toHaveText(edited);
  await expect(page.locator("svg[onload]")).toHaveCount(0);
  await expectNoInjection(page, dialogs);
});

test("the gallery, filtered by a hostile tag, renders without injection", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/");
  for (const id of state.ids)
    await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible();
  await expectNoInjection(page, dialogs);
  expectNoRawMarkup(await (await page.request.get("/")).text());

  const tag = tagNames[1] ?? "";
  await page.goto(`/?tags=${encodeURIComponent(tag)}`);
  await expect(page.locator(`[data-testid=gallery-tile][data-id="${state.ids[0]}"]`)).toBeVisible();
  await expectNoInjection(page, dialogs);
  expectNoRawMarkup(await (await page.request.get(`/?tags=${encodeURIComponent(tag)}`)).text());
});

test("tRPC answers are JSON carrying the hostile strings verbatim", async ({ page }) => {
  const get = async (path: string, input: unknown) => {
    const response = await page.request.get(
      `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    return {
      text: await response.text(),
      body: (await response.json()) as { result: { data: { json: unknown } } },
    };
  };
  const tags = await get("wallpaper.tags", { wallpaperId: state.ids[0] });
  expect((tags.body.result.data.json as { name: string }[]).map((t) => t.name)).toEqual(
    expect.arrayContaining(tagNames),
  );
  const tag = await get("tag.byName", { name: tagNames[0] });
  expect(tag.body.result.data.json).toMatchObject({ name: tagNames[0], description: descriptions[0] });
  for (const [index, filename] of filenames.entries()) {
    const view = await get("wallpaper.byId", { wallpaperId: state.ids[index] });
    expect(view.body.result.data.json).toMatchObject({ originalFilename: filename });
  }
});
