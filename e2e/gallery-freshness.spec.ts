import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// What a curator changes shows in the gallery without a reload: the gallery's cache is the one the
// moderation and bulk-tag mutations invalidate (wallpaper.search under tRPC's own key). The Back button
// is the hard case: Next.js restores the page it kept, so only the query cache can know it is stale.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

test.setTimeout(120_000);

/** A flag on window: client-side navigation keeps it, any reload drops it. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { freshnessMarker: true }));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => "freshnessMarker" in window);
}

const tileOf = (page: Page, id: string) => page.locator(`[data-testid=gallery-tile][data-id="${id}"]`);
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Uploads signed in as the admin (so approved) and waits until the gallery shows every one. */
async function uploadPublic(page: Page, names: string[]): Promise<string[]> {
  const byName = await uploadThroughPage(page, await Promise.all(names.map(uniqueJpeg)));
  const ids = names.map((name) => byName[name] ?? "");
  await expect(async () => {
    await page.goto("/");
    for (const id of ids) await expect(tileOf(page, id)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  return ids;
}

for (const size of sizes) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test("a wallpaper a curator rejects is gone from the gallery they go back to", async ({ page }) => {
      await signIn(page);
      const [id = ""] = await uploadPublic(page, [`rejected-${size.name}.jpg`]);
      await expect(tileOf(page, id)).toBeVisible();
      await markDocument(page);

      await mainNav(page).getByRole("link", { name: "Admin" }).click();
      await page.getByRole("link", { name: "Moderation" }).click();
      await expect(page).toHaveURL(/\/admin\/moderation$/);
      await page.getByRole("tab", { name: /approved/ }).click();
      const item = page.getByTestId("moderation-item").filter({ hasText: `rejected-${size.name}.jpg` });
      await item.getByLabel("Rejection reason").fill("not a wallpaper");
      await item.getByRole("button", { name: "Reject" }).click();
      await expect(item).toHaveCount(0);

      await page.goBack();
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("gallery-grid")).toBeVisible();
      await expect(tileOf(page, id)).toHaveCount(0);
      expect(await sameDocument(page)).toBe(true);
    });

    test("wallpapers a curator bulk-tags join and leave the tag's gallery", async ({ page }) => {
      const tag = `fresh_${size.name}_${Date.now()}`;
      await signIn(page);
      const [first = "", second = ""] = await uploadPublic(page, [
        `tagged-${size.name}-1.jpg`,
        `tagged-${size.name}-2.jpg`,
      ]);
      await page.goto(`/?q=${tag}`);
      await expect(page.getByTestId("gallery-empty")).toBeVisible();
      await markDocument(page);

      // To the whole gallery, select both, add the tag.
      await mainNav(page).getByRole("link", { name: "Gallery" }).click();
      await expect(page).toHaveURL(/\/$/);
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await tileOf(page, first).click();
      await tileOf(page, second).click();
      const bar = page.getByRole("form", { name: "Bulk tagging" });
      await expect(bar.getByTestId("bulk-count")).toHaveText("2 selected");
      await bar.getByLabel("Tags to add", { exact: true }).fill(tag);
      await bar.getByLabel("Tags to add", { exact: true }).press("Enter");
      // A name that is not a tag yet is created only when the curator says so.
      await expect(bar.getByRole("button", { name: "Apply to 2" })).toBeDisabled();
      await expect(bar.getByTestId("bulk-new-tags")).toContainText(tag);
      await bar.getByLabel("create 1 new tag").check();
      await bar.getByRole("button", { name: "Apply to 2" }).click();
      await expect(page.getByTestId("bulk-result")).toHaveText("Changed 2 of 2 wallpapers.");

      // Back to the tag's gallery, as it was kept: both are in it now.
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}$`));
      await expect(page.getByTestId("gallery-tile")).toHaveCount(2);

      // Taking the tag off one in this gallery drops it from the grid in place.
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await tileOf(page, first).click();
      const here = page.getByRole("form", { name: "Bulk tagging" });
      await here.getByLabel("Tags to remove", { exact: true }).fill(tag);
      await here.getByLabel("Tags to remove", { exact: true }).press("Enter");
      await here.getByRole("button", { name: "Apply to 1" }).click();
      await expect(tileOf(page, first)).toHaveCount(0);
      await expect(tileOf(page, second)).toBeVisible();
      expect(await sameDocument(page)).toBe(true);
    });

    test("a bad API key header reads the gallery and a wallpaper page anonymously", async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      const tile = page.getByTestId("gallery-tile").first();
      await expect(tile).toBeVisible();
      const id = (await tile.getAttribute("data-id")) ?? "";
      const badKey = { authorization: "Bearer wpdb_not_a_real_key" };
      for (const path of ["/", `/wallpapers/${id}`]) {
        const response = await page.request.get(path, { headers: badKey });
        expect(response.status(), path).toBe(200);
        expect(await response.text()).toContain(id);
      }

      await expect(
        page.locator("[data-testid=gallery-tile] .picture[data-loaded=true]").first(),
      ).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.viewport.width,
      );
      await page.screenshot({ path: testInfo.outputPath(`gallery-${size.name}.png`) });
      await tile.click();
      await expect(page).toHaveURL(new RegExp(`/wallpapers/${id}$`));
      await expect(page.getByTestId("wallpaper-palette")).toBeVisible();
      await expect(page.getByTestId("wallpaper-similar")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.viewport.width,
      );
      await page.screenshot({ path: testInfo.outputPath(`wallpaper-${size.name}.png`), fullPage: true });
    });
  });
}
