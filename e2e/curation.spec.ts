import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { type Account, e2eAdmin, signIn, signUp } from "./accounts.ts";
import { e2eEnv } from "./support/env.ts";
import { uploadThroughPage } from "./upload-page.ts";

// The curation story of issue 6, in one browser: an uploader signs up and uploads (signed in, so the
// wallpapers are theirs), the admin moderates, builds a tag with an alias and an implication, bulk-tags
// from the gallery, tags one wallpaper through autocomplete and a one-click suggestion, finds them all
// by the alias, and retries a job that fails. Files no other spec uploads.
const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const files = {
  rejected: join(corpus, "nature/FreshFlower.jpg"),
  // Not Wood.jpg/YellowFlower.jpg: progress.spec.ts uploads those, and a second upload is a duplicate.
  reinstated: join(corpus, "desktop/Float-into-MATE.png"),
  single: join(corpus, "desktop/Ubuntu-Mate-Dark-no-logo.png"),
  broken: join(corpus, "desktop/GreenTraditional.jpg"),
  // Uploaded last, in a drop of their own: the three newest wallpapers, side by side in the gallery.
  bulk: [
    join(corpus, "abstract/Silk.png"),
    join(corpus, "abstract/Spring.png"),
    join(corpus, "abstract/Arc-Colors-Transparent-Wallpaper.png"),
  ],
};
const uploader: Account = {
  name: "Cora Curious",
  email: `cora-${Date.now()}@example.test`,
  password: "a long enough passphrase",
};
const ids: Record<string, string> = {};
const idOf = (path: string) => ids[basename(path)] ?? "";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

/** A tRPC query over HTTP as the page's browser makes it (superjson envelope), with its cookies. */
async function trpcGet<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function publicIds(page: Page): Promise<string[]> {
  const result = await trpcGet<{ items: { id: string }[] }>(page.request, "wallpaper.search", { limit: 50 });
  return result.items.map((item) => item.id);
}

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, e2eAdmin);
  return page;
}

test("a new account is a user (the first one is the admin) and its uploads are its own", async ({
  page,
  browser,
}) => {
  await signUp(page, uploader);
  await expect(page.getByTestId("account-role")).toHaveText("user");
  const admin = await adminPage(browser);
  await expect(admin.getByTestId("account-role")).toHaveText("admin");

  Object.assign(
    ids,
    await uploadThroughPage(page, [files.rejected, files.reinstated, files.single, files.broken]),
  );
  Object.assign(ids, await uploadThroughPage(page, files.bulk));
  const all = Object.values(ids);
  expect(all).toHaveLength(7);
  await expect
    .poll(() => publicIds(page), { timeout: 120_000, intervals: [500] })
    .toEqual(expect.arrayContaining(all));
  // The uploader sees them as theirs; the admin sees the same wallpaper as someone else's.
  const mine = await trpcGet<{ own: boolean }>(page.request, "wallpaper.byId", {
    wallpaperId: idOf(files.single),
  });
  expect(mine.own).toBe(true);
  const theirs = await trpcGet<{ own: boolean }>(admin.request, "wallpaper.byId", {
    wallpaperId: idOf(files.single),
  });
  expect(theirs.own).toBe(false);
  await admin.context().close();
});

test("moderation: a rejected wallpaper leaves the gallery and search; an approved one comes back", async ({
  page,
  browser,
}) => {
  await signIn(page, e2eAdmin);
  await page.goto("/admin/moderation");
  // The open near-duplicate flags come with their total (paged 100 at a time beyond that).
  const flagsHeading = page.getByRole("heading", { name: /Near-duplicates \(\d+ open\)/ });
  await expect(flagsHeading).toBeVisible();
  const size = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await flagsHeading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/moderation-flags-${width}x${height}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  if (size) await page.setViewportSize(size);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole("tab", { name: /approved/ }).click();
  for (const path of [files.rejected, files.reinstated]) {
    const item = page.getByTestId("moderation-item").filter({ hasText: basename(path) });
    await item.getByLabel("Rejection reason").fill("not a wallpaper");
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(item).toHaveCount(0);
  }
  await page.getByRole("tab", { name: /rejected/ }).click();
  const reinstated = page.getByTestId("moderation-item").filter({ hasText: basename(files.reinstated) });
  await expect(reinstated).toContainText("not a wallpaper");
  await reinstated.getByRole("button", { name: "Approve" }).click();
  await expect(reinstated).toHaveCount(0);
  const rejectedItem = page.getByTestId("moderation-item").filter({ hasText: basename(files.rejected) });
  await expect(rejectedItem).toContainText("Reason: not a wallpaper");
  // The curator moderates what they see: the hidden wallpaper's real preview, not a placeholder...
  const preview = rejectedItem.locator("img.admin-preview");
  await preview.scrollIntoViewIfNeeded();
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  // ...served so that no cache keeps it for the next visitor.
  const previewResponse = await page.request.get(`/media/${idOf(files.rejected)}/preview`);
  expect(previewResponse.status()).toBe(200);
  expect(previewResponse.headers()["cache-control"]).toBe("private, no-store");

  // Seen by someone signed out: gone from the gallery, search and its own page; the other is back.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/");
  await expect(
    stranger.locator(`[data-testid=gallery-tile][data-id="${idOf(files.reinstated)}"]`),
  ).toBeVisible();
  await expect(stranger.locator(`[data-testid=gallery-tile][data-id="${idOf(files.rejected)}"]`)).toHaveCount(
    0,
  );
  const visible = await publicIds(stranger);
  expect(visible).not.toContain(idOf(files.rejected));
  expect(visible).toContain(idOf(files.reinstated));
  expect((await stranger.request.get(`/wallpapers/${idOf(files.rejected)}`)).status()).toBe(404);
  expect((await stranger.request.get(`/media/${idOf(files.rejected)}/preview`)).status()).toBe(404);
  const byId = await stranger.request.get(
    `/api/trpc/wallpaper.byId?input=${encodeURIComponent(JSON.stringify({ json: { wallpaperId: idOf(files.rejected) } }))}`,
  );
  expect(byId.status()).toBe(404);
  await stranger.context().close();

  // Its uploader still reaches its page, told why nobody else does.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, uploader);
  await owner.goto(`/wallpapers/${idOf(files.rejected)}`);
  await expect(owner.getByTestId("wallpaper-hidden")).toContainText("rejected");
  await expect(owner.getByTestId("wallpaper-facts")).toContainText(basename(files.rejected));
  await owner.context().close();
});

test("tag editor: a tag with an alias and an implication", async ({ page }) => {
  await signIn(page, e2eAdmin);
  await page.goto("/admin/tags");
  for (const name of ["night_sky", "best_of", "aurora"]) {
    await page.getByLabel("New tag name").fill(name);
    await page.getByRole("button", { name: "Create tag" }).click();
    await expect(page.getByTestId("tag-detail")).toContainText(name);
  }
  // aurora is open (just created).
  await page.getByLabel("New alias").fill("northern_lights");
  await page.getByRole("button", { name: "Add alias" }).click();
  await expect(page.getByText("northern_lights → aurora")).toBeVisible();
  await page.getByLabel("Implies tag").fill("night_sky");
  await page.getByRole("button", { name: "Add implication", exact: true }).click();
  await expect(page.getByText("aurora → night_sky")).toBeVisible();
});

test("bulk tagging from the gallery: select mode, shift-click range, tags through autocomplete", async ({
  page,
}) => {
  await signIn(page, e2eAdmin);
  await page.goto("/");
  const tiles = page.getByTestId("gallery-tile");
  await expect(tiles.first()).toBeVisible();
  const order = await tiles.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id") ?? ""));
  const positions = files.bulk.map((path) => order.indexOf(idOf(path))).sort((a, b) => a - b);
  const first = positions[0] ?? -1;
  const last = positions.at(-1) ?? -1;
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last - first).toBe(files.bulk.length - 1);

  await page.getByRole("button", { name: "Select", exact: true }).click();
  const tile = (index: number) => page.locator(`[data-testid=gallery-tile][data-id="${order[index]}"]`);
  await tile(first).click();
  await tile(last).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText(`${files.bulk.length} selected`);
  for (const path of files.bulk) {
    await expect(page.locator(`[data-testid=gallery-tile][data-id="${idOf(path)}"]`)).toHaveAttribute(
      "aria-checked",
      "true",
    );
  }

  const bar = page.getByRole("form", { name: "Bulk tagging" });
  const add = bar.getByLabel("Tags to add", { exact: true });
  for (const [typed, name] of [
    ["auro", "aurora"],
    ["best", "best_of"],
  ]) {
    await add.fill(typed ?? "");
    // Scoped to the bar: the filter panel's <select>s have options too.
    await expect(bar.getByRole("option").first()).toContainText(name ?? "");
    await add.press("Enter");
    await expect(bar.getByRole("button", { name: `Remove tag ${name}` })).toBeVisible();
  }
  await bar.getByRole("button", { name: `Apply to ${files.bulk.length}` }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText(
    `Changed ${files.bulk.length} of ${files.bulk.length} wallpapers.`,
  );
  const tags = await trpcGet<{ name: string; sources: string[] }[]>(page.request, "wallpaper.tags", {
    wallpaperId: idOf(files.bulk[0] ?? ""),
  });
  expect(tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(["aurora", "night_sky", "best_of"]));
});

test("tagging view: autocomplete by the alias, then a suggestion accepted with one click", async ({
  page,
}) => {
  await signIn(page, e2eAdmin);
  await page.goto(`/admin/tag/${idOf(files.single)}`);
  const input = page.getByLabel("Add tag", { exact: true });
  await input.fill("northern");
  const option = page.getByRole("option").first();
  await expect(option).toContainText("northern_lights →");
  await expect(option).toContainText("aurora");
  await input.press("Enter");
  await expect(page.getByTestId("tags-human")).toContainText("aurora");
  await expect(page.getByTestId("tags-implied")).toContainText("night_sky");

  // The bulk-tagged wallpapers carry aurora together with best_of, so best_of is suggested here as
  // "often together" (equal scores sort by name: the name keeps it among the nine shown).
  const suggestion = page
    .getByRole("region", { name: "Suggestions" })
    .getByRole("button", { name: /best_of/ });
  await expect(suggestion).toContainText("often together");
  await suggestion.click();
  await expect(page.getByTestId("tags-human")).toContainText("best_of");
});

test("search by the alias finds every wallpaper tagged with its tag", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Query", { exact: true }).fill("northern_lights");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=northern_lights/);
  const expected = [...files.bulk, files.single].map(idOf).sort();
  const tiles = page.getByTestId("gallery-tile");
  await expect(tiles).toHaveCount(expected.length);
  const found = await tiles.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id") ?? ""));
  expect(found.sort()).toEqual(expected);
});

test("jobs: a file that fails processing shows its error, and retry re-queues it", async ({ page }) => {
  // Damage the stored original (as a failing disk would): it passed ingest, but decoding now fails.
  const whole = readFileSync(files.broken);
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

  await signIn(page, e2eAdmin);
  await page.goto("/admin/jobs");
  const variants = page.getByTestId("jobs-summary").locator('tr[data-step="variants"]');
  await expect(variants.locator('[data-col="done"]')).toHaveText(/[1-9]/);
  page.once("dialog", (dialog) => void dialog.accept());
  await variants.getByRole("button", { name: "Re-run all" }).click();
  await expect(page.getByTestId("jobs-result")).toContainText("re-queued");
  const failed = page.getByTestId("failed-item").filter({ hasText: basename(files.broken) });
  await expect(failed).toContainText(/cannot be decoded|premature|corrupt/i, { timeout: 120_000 });
  await expect(failed).toContainText("variants");
  // Attempts add up across runs (the first processing was one), so compare with what the page shows now.
  const attemptsOf = async () => Number(/(\d+) attempts?/.exec((await failed.textContent()) ?? "")?.[1] ?? 0);
  const before = await attemptsOf();
  expect(before).toBeGreaterThanOrEqual(1);

  await variants.getByRole("button", { name: "Retry failed variants" }).click();
  await expect(page.getByTestId("jobs-result")).toHaveText("1 step reset, 1 re-queued.");
  // The worker picks it up again: one more attempt, failed again with the same reason.
  await expect.poll(attemptsOf, { timeout: 60_000 }).toBe(before + 1);
  await expect(failed).toContainText(/cannot be decoded|premature|corrupt/i);
});
