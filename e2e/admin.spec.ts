import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createWallpaperClient, uploadFile } from "@wallpaperdb/client";
import { signIn } from "./accounts.ts";

// Admin tools in detail: tag rules (a refused cycle) and the keyboard tagging view (Backspace, revert).
// Moderation and the jobs page are part of the curation story (curation.spec.ts).
const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const imagePath = join(corpus, "nature/Aqua.jpg");
const state = { apiKey: "", wallpaperId: "" };

test.describe.configure({ mode: "serial" });

test("the install's first account is admin and sees the Admin link", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("account-role")).toHaveText("admin");
  await page.getByLabel("Key name").fill("admin e2e");
  await page.getByRole("button", { name: "Create key" }).click();
  state.apiKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
});

test("tag editor: create tags, an alias and an implication; the reverse is refused as a cycle", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/admin/tags");
  for (const name of ["sky", "blue_sky"]) {
    await page.getByLabel("New tag name").fill(name);
    await page.getByRole("button", { name: "Create tag" }).click();
    await expect(page.getByTestId("tag-detail")).toContainText(name);
  }
  // blue_sky is open (just created): alias azure → blue_sky, and blue_sky implies sky.
  await page.getByLabel("New alias").fill("azure");
  await page.getByRole("button", { name: "Add alias" }).click();
  await expect(page.getByText("azure → blue_sky")).toBeVisible();
  await page.getByLabel("Implies tag").fill("sky");
  await page.getByRole("button", { name: "Add implication", exact: true }).click();
  await expect(page.getByText("blue_sky → sky")).toBeVisible();

  await page.getByLabel("Implied by tag").fill("sky");
  await page.getByRole("button", { name: "Add reverse implication" }).click();
  const error = page.getByTestId("tag-rule-error");
  await expect(error).toContainText(/cycle/i);
  await expect(error).toContainText("blue_sky → sky");
});

test("keyboard tagging: autocomplete, alias, implied tags, Backspace, history revert", async ({
  page,
  baseURL,
}) => {
  const client = createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: state.apiKey });
  const uploaded = await uploadFile(client, imagePath);
  state.wallpaperId = uploaded.wallpaperId ?? "";
  expect(state.wallpaperId).not.toBe("");
  // Visible in the gallery once processed (search only lists processed, approved wallpapers).
  await expect
    .poll(async () => (await client.wallpaper.search.query({ limit: 50 })).items.map((i) => i.id), {
      timeout: 45_000,
    })
    .toContain(state.wallpaperId);

  await signIn(page);
  await page.goto(`/admin/tag/${state.wallpaperId}`);
  const input = page.getByLabel("Add tag");
  await input.fill("azu");
  await expect(page.getByRole("option").first()).toContainText("blue_sky");
  await input.press("Enter");
  await expect(page.getByTestId("tags-human")).toContainText("blue_sky");
  await expect(page.getByTestId("tags-implied")).toContainText("sky");

  await input.press("Backspace");
  await expect(page.getByTestId("tags-human")).not.toContainText("blue_sky");
  await page.getByRole("button", { name: "Revert" }).first().click();
  await expect(page.getByTestId("tags-human")).toContainText("blue_sky");
  expect((await client.wallpaper.tags.query({ wallpaperId: state.wallpaperId })).map((t) => t.name)).toEqual(
    expect.arrayContaining(["blue_sky", "sky"]),
  );
});
