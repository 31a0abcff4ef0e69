import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// An account's public collections on its uploader page (`/users/<handle>`): a visitor sees the public
// one with its cover and count, never the private one; the owner also gets a pointer to /collections.
// On the way, the header's Collections link (signed in only) opens /collections at both sizes.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

/** One wallpaper uploaded by the admin, once the gallery lists it (processed). */
async function uploadOne(browser: Browser, name: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page);
  const byName = await uploadThroughPage(page, [await uniqueJpeg(name)]);
  const id = byName[name] ?? "";
  await expect(async () => {
    await page.goto("/");
    await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await context.close();
  return id;
}

async function newCollection(page: Page, name: string, isPublic: boolean): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Public", { exact: true }).setChecked(isPublic);
  await page.getByRole("button", { name: "New", exact: true }).click();
  await expect(
    page.getByTestId("collections-list").getByRole("link", { name: new RegExp(name, "u") }),
  ).toBeVisible();
}

for (const size of sizes) {
  test.describe(`uploader collections at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a public collection shows on its owner's page, a private one never; the header links Collections", async ({
      page,
      browser,
    }) => {
      test.setTimeout(150_000);
      const wallpaperId = await uploadOne(browser, `profile-${size.name}.jpg`);
      await signUp(page, {
        name: `Pia ${size.name}`,
        email: `pia-${size.name}-${Date.now()}@example.test`,
        password: "a long enough passphrase",
      });
      const handle = ((await page.getByTestId("account-username").textContent()) ?? "").trim().slice(1);
      expect(handle).toMatch(/^pia-/u);
      const problems = watchForProblems(page);

      // The header: Collections beside Favorites (an icon with its name on a phone), and Settings.
      const header = page.locator(".site-header");
      await expect(header.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
      await header.getByRole("link", { name: "Collections", exact: true }).click();
      await expect(page).toHaveURL(/\/collections$/u);
      const shown = `Shown ${size.name}`;
      const hidden = `Hidden ${size.name}`;
      await newCollection(page, shown, true);
      await newCollection(page, hidden, false);

      // The wallpaper into both.
      await page.goto(`/wallpapers/${wallpaperId}`);
      await page.getByTestId("add-to-collection").click();
      for (const name of [shown, hidden]) {
        const box = page
          .locator(".collection-picker-menu")
          .getByRole("checkbox", { name: new RegExp(name, "u") });
        await box.check();
        await expect(box).toBeChecked();
      }
      await page.keyboard.press("Escape");

      // The owner's own page: the public one and the pointer to the rest, never the private one.
      await page.goto(`/users/${handle}`);
      const own = page.getByTestId("public-collections");
      await expect(own.getByTestId("public-collection")).toHaveCount(1);
      await expect(own).toContainText(shown);
      await expect(own).not.toContainText(hidden);
      await expect(page.getByTestId("own-collections-hint").getByRole("link")).toHaveAttribute(
        "href",
        "/collections",
      );
      await page.screenshot({ path: test.info().outputPath(`${size.name}-own-profile.png`), fullPage: true });
      await expectNoOverflow(page);

      // A visitor: the public one with its cover and count, no private one, no pointer.
      const visitor = await browser.newContext({ viewport: size.viewport });
      const visitorPage = await visitor.newPage();
      const visitorProblems = watchForProblems(visitorPage);
      await visitorPage.goto(`/users/${handle}`);
      const listed = visitorPage.getByTestId("public-collection");
      await expect(listed).toHaveCount(1);
      await expect(listed).toContainText(shown);
      await expect(listed).toContainText("1 wallpaper");
      await expect(visitorPage.getByText(hidden)).toHaveCount(0);
      await expect(visitorPage.getByTestId("own-collections-hint")).toHaveCount(0);
      // The cover is the wallpaper's thumb, loaded.
      await expect(listed.locator(".picture[data-loaded=true] img")).toHaveCount(1);
      // Signed out, the header offers no Collections.
      await expect(
        visitorPage.locator(".site-header").getByRole("link", { name: "Collections" }),
      ).toHaveCount(0);
      await visitorPage.screenshot({
        path: test.info().outputPath(`${size.name}-visitor-profile.png`),
        fullPage: true,
      });
      await expectNoOverflow(visitorPage);
      await listed.click();
      await expect(visitorPage).toHaveURL(/\/collections\/[0-9a-f-]{36}$/u);
      await expect(visitorPage.getByTestId("collection-name")).toHaveText(shown);
      await visitor.close();
      expect(visitorProblems).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
}
