import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "../apps/web/scripts/e2e-env.ts";
import { createWallpaperClient, uploadFile } from "../packages/client/src/index.ts";
import { e2eAdmin } from "./accounts.ts";

// The admin story: tags with rules, the keyboard tagging view, moderation and the jobs page.
const account = e2eAdmin;
const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const imagePath = join(corpus, "nature/Aqua.jpg");
const state = { apiKey: "", wallpaperId: "" };

test.describe.configure({ mode: "serial" });

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

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

test("moderation: a rejected wallpaper leaves search; approving brings it back", async ({
  page,
  baseURL,
}) => {
  const anonymous = createWallpaperClient({ baseUrl: baseURL ?? "" });
  const visible = async () => (await anonymous.wallpaper.search.query({ limit: 50 })).items.map((i) => i.id);
  await signIn(page);
  await page.goto("/admin/moderation");
  await page.getByRole("tab", { name: /approved/ }).click();
  const item = page.getByTestId("moderation-item").filter({ hasText: "Aqua.jpg" });
  await item.getByLabel("Rejection reason").fill("not a wallpaper");
  await item.getByRole("button", { name: "Reject" }).click();
  await expect(item).toHaveCount(0);
  expect(await visible()).not.toContain(state.wallpaperId);

  await page.getByRole("tab", { name: /rejected/ }).click();
  const rejected = page.getByTestId("moderation-item").filter({ hasText: "Aqua.jpg" });
  await expect(rejected).toContainText("not a wallpaper");
  await rejected.getByRole("button", { name: "Approve" }).click();
  await expect(rejected).toHaveCount(0);
  expect(await visible()).toContain(state.wallpaperId);
});

test("jobs: a damaged original fails its step, the page shows it, and retry re-queues it", async ({
  page,
}) => {
  // Damage the stored original (as a failing disk would): decoding its pixels now fails for good.
  const whole = readFileSync(imagePath);
  const sha = createHash("sha256").update(whole).digest("hex");
  const stored = join(
    import.meta.dirname,
    "..",
    e2eEnv.blobDir,
    "objects",
    "originals",
    sha.slice(0, 2),
    sha,
  );
  writeFileSync(stored, whole.subarray(0, Math.floor(whole.length / 2)));

  await signIn(page);
  await page.goto("/admin/jobs");
  const variants = page.getByTestId("jobs-summary").locator('tr[data-step="variants"]');
  await expect(variants.locator('[data-col="done"]')).toHaveText(/[1-9]/);
  page.once("dialog", (dialog) => void dialog.accept());
  await variants.getByRole("button", { name: "Re-run all" }).click();
  await expect(page.getByTestId("jobs-result")).toContainText("re-queued");
  await expect(variants.locator('[data-col="failed"]')).toHaveText("1", { timeout: 30_000 });
  const failed = page.getByTestId("failed-item").filter({ hasText: "variants" });
  await expect(failed).toContainText(/cannot be decoded|premature|corrupt/i);
  // Attempts add up across runs (the first processing was one), so compare with what the page shows now.
  const attemptsOf = async () => Number(/(\d+) attempts?/.exec((await failed.textContent()) ?? "")?.[1] ?? 0);
  const before = await attemptsOf();
  expect(before).toBeGreaterThanOrEqual(1);

  await variants.getByRole("button", { name: "Retry failed variants" }).click();
  await expect(page.getByTestId("jobs-result")).toHaveText("1 step reset, 1 re-queued.");
  // The worker picks it up again: one more attempt, failed again with the same reason.
  await expect.poll(attemptsOf, { timeout: 30_000 }).toBe(before + 1);
  await expect(variants.locator('[data-col="failed"]')).toHaveText("1");
});
