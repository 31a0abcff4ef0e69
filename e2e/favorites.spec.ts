import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Favorites, as a visitor meets them: a heart on each tile and on the wallpaper page (mouse, keyboard,
// touch), the "Favorites" page, and what a signed-out visitor is offered instead.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

/** Waits until the wallpaper is processed: the gallery lists it only then. */
async function galleryTile(page: Page, id: string) {
  const tile = page.locator(`.gallery-tile:has(> [data-testid=gallery-tile][data-id="${id}"])`);
  await expect(async () => {
    await page.goto("/");
    await expect(tile).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return tile;
}

for (const size of sizes) {
  test.describe(`favorites at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("keep a wallpaper from its tile, find it on Favorites, let it go from its page", async ({
      page,
    }) => {
      await signIn(page);
      const name = `favorite-${size.name}.jpg`;
      const id = (await uploadThroughPage(page, [await uniqueJpeg(name)]))[name] ?? "";
      const problems = watchForProblems(page);

      const tile = await galleryTile(page, id);
      const heart = tile.getByTestId("favorite");
      await expect(heart).toHaveAttribute("aria-pressed", "false");
      if (size.touch) await heart.tap();
      else await heart.click();
      await expect(heart).toHaveAttribute("aria-pressed", "true");
      await expect(heart).toHaveAccessibleName("Remove from favorites");

      // The header's Favorites link, client-side.
      await page.getByRole("link", { name: "Favorites" }).click();
      await expect(page).toHaveURL("/favorites");
      const kept = page.locator(`[data-testid=gallery-tile][data-id="${id}"]`);
      await expect(kept).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-favorites.png`), fullPage: true });
      await expectNoOverflow(page);

      // Its page says so, with the count; the keyboard lets it go.
      await kept.click();
      await expect(page).toHaveURL(`/wallpapers/${id}`);
      const pageHeart = page.locator(".wallpaper-head").getByTestId("favorite");
      await expect(pageHeart).toHaveAttribute("aria-pressed", "true");
      await expect(pageHeart).toContainText("Favorited · 1");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-wallpaper.png`) });
      await pageHeart.focus();
      await page.keyboard.press("Enter");
      await expect(pageHeart).toHaveAttribute("aria-pressed", "false");
      await expect(pageHeart).toContainText("Favorite · 0");

      await page.goto("/favorites");
      await expect(page.getByRole("heading", { name: "Your favorites" })).toBeVisible();
      await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toHaveCount(0);
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });

    test("signed out, the heart asks to sign in and comes back; Favorites says why it is empty", async ({
      browser,
    }) => {
      const admin = await browser.newContext({ viewport: size.viewport });
      const adminPage = await admin.newPage();
      await signIn(adminPage);
      const name = `favorite-anon-${size.name}.jpg`;
      const id = (await uploadThroughPage(adminPage, [await uniqueJpeg(name)]))[name] ?? "";
      await galleryTile(adminPage, id);
      await admin.close();

      const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.touch });
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto("/");
      // No hearts on tiles for a visitor: nothing they could keep yet.
      await expect(page.getByTestId("gallery-grid").getByTestId("favorite")).toHaveCount(0);

      await page.goto(`/wallpapers/${id}`);
      const heart = page.locator(".wallpaper-head").getByTestId("favorite");
      await expect(heart).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(`/wallpapers/${id}`)}`);
      await expect(heart).toHaveAccessibleName(/Sign in to keep/u);

      await page.goto("/favorites");
      await expect(page.getByTestId("favorites-sign-in")).toContainText("Sign in to keep");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-favorites-signed-out.png`) });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
