import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createWallpaperClient, uploadFile } from "@wallpaperdb/client";
import sharp from "sharp";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpegOfSize } from "./unique-image.ts";
import { expectNoOverflow } from "./upload-page.ts";

// The duplicate review (issue 16): an upload and its half-size copy form a group; the review keeps the
// larger file by default, and the smaller one leaves the gallery with its tags moved to the kept one.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

const state = { apiKey: "" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  // Typed before the account page has hydrated, the name can be lost and the click do nothing: retry.
  await expect(async () => {
    await page.getByLabel("Key name").fill(`duplicates e2e ${Date.now()}`);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  state.apiKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  await page.close();
});

/** A unique wallpaper and its half-size copy (a resize is always linked as a near-duplicate). */
async function pair(prefix: string) {
  const big = await uniqueJpegOfSize(`${prefix}-big.jpg`, 1920, 1200);
  const small = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), `${prefix}-small.jpg`);
  writeFileSync(small, await sharp(big).resize(960, 600).jpeg({ quality: 80 }).toBuffer());
  return { big, small };
}

for (const size of sizes) {
  test.describe(`duplicate review at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("keeps the larger file; the smaller leaves the gallery with its tags moved", async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const client = createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: state.apiKey });
      const files = await pair(`dup-${size.name}`);
      const bigId = (await uploadFile(client, files.big)).wallpaperId ?? "";
      const smallId = (await uploadFile(client, files.small)).wallpaperId ?? "";
      expect(bigId).not.toBe("");
      expect(smallId).not.toBe("");
      const tag = `dup_${size.name}_tag`;
      await client.wallpaper.setTags.mutate({ wallpaperId: smallId, add: [tag] });
      // Both processed and linked: the near-duplicate step flags the later upload.
      await expect
        .poll(
          async () => {
            const { groups } = await client.admin.duplicates.groups.query({ limit: 50 });
            return groups.some((g) => g.ids.includes(bigId) && g.ids.includes(smallId));
          },
          { timeout: 90_000, intervals: [1000] },
        )
        .toBe(true);

      await signIn(page);
      const problems = watchForProblems(page);
      // The larger one's page shows its copy among the similar wallpapers, badged, and on screen.
      await page.goto(`/wallpapers/${bigId}`);
      const copy = page.getByTestId("similar-tile").and(page.locator(`[href="/wallpapers/${smallId}"]`));
      await expect(copy).toBeVisible();
      await expect(copy).toContainText("near-duplicate");
      await copy.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-similar.png`) });
      // Reached from the moderation page's near-duplicate section.
      await page.goto("/admin/moderation");
      await page.getByRole("link", { name: /Review near-duplicates as groups/ }).click();
      await expect(page).toHaveURL(/\/admin\/duplicates$/);
      const group = page.getByRole("region").filter({ hasText: `dup-${size.name}-small.jpg` });
      await expect(group).toBeVisible();
      // The suggested keep is the larger file; the copy is marked for rejection.
      await expect(group.locator('[data-role="keep"]')).toContainText(`dup-${size.name}-big.jpg`);
      await expect(group.locator('[data-role="keep"]')).toContainText("1920×1200");
      await expect(group.locator('[data-role="reject"]')).toContainText(`dup-${size.name}-small.jpg`);
      await expect(group.locator("img").first()).toHaveJSProperty("complete", true);
      await expectNoOverflow(page);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-duplicates.png`), fullPage: true });

      await group.getByRole("button", { name: "Keep 1920×1200, reject 1" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Kept 1 wallpaper" })).toContainText(
        "rejected 1; moved 1 tag,",
      );
      await expect(group).toHaveCount(0);
      await expectNoOverflow(page);
      await page.screenshot({
        path: test.info().outputPath(`${size.name}-duplicates-after.png`),
        fullPage: true,
      });

      const gallery = (await client.wallpaper.search.query({ limit: 100 })).items.map((item) => item.id);
      expect(gallery).toContain(bigId);
      expect(gallery).not.toContain(smallId);
      const tags = (await client.wallpaper.tags.query({ wallpaperId: bigId })).map((t) => t.name);
      expect(tags).toContain(tag);
      // The gallery page, filtered by the moved tag, shows the kept one and not the copy.
      await page.goto(`/?tags=${tag}`);
      await expect(page.locator(`a[href="/wallpapers/${smallId}"]`)).toHaveCount(0);
      await expect(page.locator(`a[href="/wallpapers/${bigId}"]`).first()).toBeVisible();
      expect(problems).toEqual([]);
    });
  });
}

test("bulk: keeps the suggested one in every open group, with progress", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const client = createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: state.apiKey });
  const ids: { big: string; small: string }[] = [];
  for (const name of ["bulk-a", "bulk-b"]) {
    const files = await pair(`dup-${name}`);
    ids.push({
      big: (await uploadFile(client, files.big)).wallpaperId ?? "",
      small: (await uploadFile(client, files.small)).wallpaperId ?? "",
    });
  }
  await expect
    .poll(async () => (await client.admin.duplicates.groups.query({ limit: 50 })).total, { timeout: 90_000 })
    .toBe(2);

  await signIn(page);
  const problems = watchForProblems(page);
  await page.goto("/admin/duplicates");
  await page.getByRole("button", { name: "Keep suggested in all (2)" }).click();
  await page.getByRole("button", { name: "Yes, keep the suggested one in all 2" }).click();
  // Each keep is a transaction of its own (tags moved, the copy rejected, events written): allow for a busy machine.
  await expect(page.getByRole("status").filter({ hasText: "kept of" })).toContainText("2 kept of 2 — done", {
    timeout: 30_000,
  });
  await expect(page.getByText("No open near-duplicates.")).toBeVisible();
  const gallery = (await client.wallpaper.search.query({ limit: 100 })).items.map((item) => item.id);
  for (const { big, small } of ids) {
    expect(gallery).toContain(big);
    expect(gallery).not.toContain(small);
  }
  expect(problems).toEqual([]);
});
