import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Popularity as a visitor meets it: a favourite count in each tile's bar, a wallpaper page that counts
// its view, and the top list (Sort: Top, with a range) that puts the favourited wallpaper first. The
// workers recompute the lists every 2 s here (POPULARITY_REFRESH_MS in playwright.config.ts).
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

const tileOf = (page: Page, id: string) =>
  page.locator(`.gallery-tile:has(> [data-testid=gallery-tile][data-id="${id}"])`);

/** Waits until the wallpaper is processed: the gallery lists it only then. */
async function galleryTile(page: Page, id: string) {
  const tile = tileOf(page, id);
  await expect(async () => {
    await page.goto("/");
    await expect(tile).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return tile;
}

/** The ids of the gallery's tiles, in order. */
const tileIds = (page: Page) =>
  page
    .getByTestId("gallery-tile")
    .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute("data-id") ?? ""));

for (const size of sizes) {
  test.describe(`the top list at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("favourite from the grid and see the count; the top list of today puts it first", async ({
      page,
    }) => {
      await signIn(page);
      const loved = `top-loved-${size.name}.jpg`;
      const seen = `top-seen-${size.name}.jpg`;
      const ids = await uploadThroughPage(page, [await uniqueJpeg(loved), await uniqueJpeg(seen)]);
      const lovedId = ids[loved] ?? "";
      const seenId = ids[seen] ?? "";
      await galleryTile(page, seenId);
      const problems = watchForProblems(page);

      // The heart on the tile; the tile's bar then counts one favourite.
      const tile = await galleryTile(page, lovedId);
      const heart = tile.getByTestId("favorite");
      await expect(tile.getByTestId("tile-favorites")).toHaveCount(0);
      if (size.touch) await heart.tap();
      else await heart.click();
      await expect(heart).toHaveAttribute("aria-pressed", "true");
      await expect(tile.getByTestId("tile-favorites")).toHaveText("♥ 1");
      await expect(tile.getByTestId("gallery-tile")).toHaveAccessibleName(/, 1 favorite$/u);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tile-count.png`) });

      // Both pages are seen (a view each); the loved one also has a favourite: 11 against 1.
      for (const id of [lovedId, seenId]) {
        const counted = page.waitForResponse((response) => response.url().includes("popularity.view"));
        await page.goto(`/wallpapers/${id}`);
        expect((await counted).ok()).toBe(true);
      }

      // Sort: Top, then the range picker: the URL says both.
      await page.goto("/");
      if (size.touch) await page.getByRole("button", { name: /More filters/u }).click();
      await page.getByLabel("Sort").first().selectOption("top");
      await expect(page).toHaveURL(/[?&]sort=top/u);
      await page.getByLabel("Top of").first().selectOption("1d");
      await expect(page).toHaveURL(/[?&]sort=top&range=1d|[?&]range=1d.*sort=top/u);
      const url = page.url();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-range-picker.png`) });
      await expectNoOverflow(page);

      // The workers refresh the lists every 2 s: reload until both are on today's list.
      await expect(async () => {
        await page.goto(url);
        const order = await tileIds(page);
        expect(order).toContain(lovedId);
        expect(order).toContain(seenId);
        expect(order.indexOf(lovedId)).toBeLessThan(order.indexOf(seenId));
      }).toPass({ timeout: 30_000 });
      await expect(tileOf(page, lovedId).getByTestId("tile-favorites")).toHaveText("♥ 1");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-top.png`) });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });
  });
}
