import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Collections as an account meets them: make one, add wallpapers from their page and from the gallery's
// select mode, arrange them by drag (mouse, touch) and by keyboard, and the order survives a reload; a
// private collection is a 404 to anyone else, and /api/random?collection picks from it.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

/** Three wallpapers uploaded by the admin, once they are processed (the gallery lists them only then). */
async function uploadThree(browser: Browser, prefix: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page);
  const names = ["a", "b", "c"].map((letter) => `${prefix}-${letter}.jpg`);
  const byName = await uploadThroughPage(page, await Promise.all(names.map((name) => uniqueJpeg(name))));
  const ids = names.map((name) => byName[name] ?? "");
  await expect(async () => {
    await page.goto("/");
    for (const id of ids) {
      await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible({
        timeout: 2_000,
      });
    }
  }).toPass({ timeout: 90_000 });
  await context.close();
  return ids;
}

async function arrangeOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId("arrange-item")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-arrange-id") ?? ""));
}

/** Drags `from`'s handle onto `to`: the mouse, or real touch points through the DevTools protocol. */
async function drag(page: Page, from: Locator, to: Locator, touch: boolean) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error("nothing to drag");
  const a = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
  const b = { x: end.x + end.width / 2, y: end.y + end.height / 2 };
  const steps = 12;
  if (!touch) {
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    for (let step = 1; step <= steps; step += 1) {
      await page.mouse.move(a.x + ((b.x - a.x) * step) / steps, a.y + ((b.y - a.y) * step) / steps);
    }
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(a.x, a.y) });
  for (let step = 1; step <= steps; step += 1) {
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: point(a.x + ((b.x - a.x) * step) / steps, a.y + ((b.y - a.y) * step) / steps),
    });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

async function tick(page: Page, collection: string) {
  const menu = page.locator(".collection-picker-menu");
  const box = menu.getByRole("checkbox", { name: new RegExp(collection, "u") });
  await box.check();
  await expect(box).toBeChecked();
}

for (const size of sizes) {
  test.describe(`collections at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("make a collection, add from a page and from select mode, arrange by drag and keyboard", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      const [a, b, c] = (await uploadThree(browser, `collect-${size.name}`)) as [string, string, string];
      // A plain account: select mode and collections are for every account, not curators only.
      await signUp(page, {
        name: `Cole ${size.name}`,
        email: `cole-${size.name}-${Date.now()}@example.test`,
        password: "a long enough passphrase",
      });
      // A key for the desktop changer, made on the account page the sign-up lands on.
      await page.getByLabel("Key name").fill("changer");
      await page.getByRole("button", { name: "Create key" }).click();
      const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
      expect(key).toMatch(/^wpdb_/u);
      const problems = watchForProblems(page);
      const name = `Trip ${size.name}`;

      await page.goto("/collections");
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "New", exact: true }).click();
      const row = page.getByTestId("collections-list").getByRole("link", { name: new RegExp(name, "u") });
      await expect(row).toContainText("0 wallpapers");
      await expect(row).toContainText("Private");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-collections.png`), fullPage: true });
      await expectNoOverflow(page);
      await row.click();
      await expect(page).toHaveURL(/\/collections\/[0-9a-f-]{36}$/u);
      const collectionId = page.url().split("/").at(-1) ?? "";
      await expect(page.getByTestId("collection-empty")).toBeVisible();

      // From the wallpaper page: the menu of my collections, ticked.
      await page.goto(`/wallpapers/${a}`);
      await page.getByTestId("add-to-collection").click();
      await tick(page, name);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-picker.png`) });
      await expectNoOverflow(page);
      await page.keyboard.press("Escape");
      await expect(page.locator(".collection-picker-menu")).toHaveCount(0);

      // From select mode: two tiles at once.
      await page.goto("/");
      await page.getByRole("button", { name: "Select", exact: true }).click();
      for (const id of [b, c]) await page.locator(`[data-testid=gallery-tile][data-id="${id}"]`).click();
      await page.getByTestId("add-to-collection").click();
      await tick(page, name);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-bulk-picker.png`) });
      await expectNoOverflow(page);

      await page.goto(`/collections/${collectionId}`);
      await expect(page.getByTestId("collection-count")).toHaveText("3 wallpapers");
      const gridOrder = () =>
        page
          .getByTestId("gallery-grid")
          .getByTestId("gallery-tile")
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id") ?? ""));
      const added = await gridOrder();
      expect(added[0]).toBe(a);
      expect([...added].sort()).toEqual([a, b, c].sort());
      await page.screenshot({ path: test.info().outputPath(`${size.name}-collection.png`), fullPage: true });

      // Drag the last to the front.
      await page.getByRole("button", { name: "Arrange" }).click();
      const [first, second, third] = added as [string, string, string];
      const handle = (id: string) => page.locator(`[data-handle="${id}"]`);
      await drag(page, handle(third), handle(first), size.touch);
      await expect.poll(() => arrangeOrder(page)).toEqual([third, first, second]);
      await expect(page.getByTestId("arrange-status")).toContainText("moved to position 1 of 3");

      // The keyboard: select the first, move it down twice, drop it.
      await handle(third).focus();
      await page.keyboard.press("Enter");
      await expect(handle(third)).toHaveAttribute("aria-pressed", "true");
      await page.keyboard.press("ArrowDown");
      await expect(page.getByTestId("arrange-status")).toContainText("moved to position 2 of 3");
      await page.keyboard.press("ArrowRight");
      await expect(page.getByTestId("arrange-status")).toContainText("moved to position 3 of 3");
      await expect(handle(third)).toBeFocused();
      await page.keyboard.press("Enter");
      // And a Move up button.
      await page
        .getByRole("button", { name: /^Move up: /u })
        .nth(1)
        .click();
      const expected = [second, first, third];
      await expect.poll(() => arrangeOrder(page)).toEqual(expected);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-arrange.png`), fullPage: true });
      await expectNoOverflow(page);

      // Every move was saved (the page says so once the last one is stored): the order survives a reload.
      await expect(page.getByTestId("arrange-saving")).toHaveAttribute("data-pending", "false");
      await expect(async () => {
        await page.reload();
        expect(await gridOrder()).toEqual(expected);
      }).toPass({ timeout: 10_000 });

      // The owner's random pick (the session's cookie goes along).
      const random = await page.request.get(`/api/random?collection=${collectionId}`, { maxRedirects: 0 });
      expect(random.status()).toBe(302);
      expect(expected.some((id) => random.headers().location?.startsWith(`/media/${id}/`))).toBe(true);

      // Anyone else: a 404, on the page and the random endpoint.
      const stranger = await browser.newContext({ viewport: size.viewport });
      const strangerPage = await stranger.newPage();
      const response = await strangerPage.goto(`/collections/${collectionId}`);
      expect(response?.status()).toBe(404);
      const hidden = await stranger.request.get(`/api/random?collection=${collectionId}`, {
        maxRedirects: 0,
      });
      expect(hidden.status()).toBe(404);
      expect(hidden.headers()["content-type"]).toContain("application/problem+json");
      // The owner's API key opens it without a session; a revoked or made-up key is refused outright.
      const keyed = await stranger.request.get(`/api/random?collection=${collectionId}`, {
        maxRedirects: 0,
        headers: { authorization: `Bearer ${key}` },
      });
      expect(keyed.status()).toBe(302);
      const badKey = await stranger.request.get(`/api/random?collection=${collectionId}`, {
        maxRedirects: 0,
        headers: { authorization: "Bearer wpdb_not_a_real_key" },
      });
      expect(badKey.status()).toBe(401);
      // No feed for a private collection, not even with the owner's key: feed readers are public.
      expect((await stranger.request.get(`/collections/${collectionId}/feed`)).status()).toBe(404);

      // Made public, the stranger sees it in its order, without the owner's tools.
      await page.getByLabel("Public", { exact: true }).check();
      await expect(page.getByTestId("collection-visibility")).toHaveText("Public");
      await strangerPage.goto(`/collections/${collectionId}`);
      await expect(strangerPage.getByTestId("collection-name")).toHaveText(name);
      await expect(strangerPage.getByTestId("collection-owner")).toHaveCount(0);
      expect(
        await strangerPage
          .getByTestId("gallery-tile")
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id") ?? "")),
      ).toEqual(expected);
      const shared = await stranger.request.get(`/api/random?collection=${collectionId}&seed=4`, {
        maxRedirects: 0,
      });
      expect(shared.status()).toBe(302);
      // Public, it has an Atom feed: an entry per wallpaper, linked from the page.
      await expect(strangerPage.getByTestId("collection-feed")).toHaveAttribute(
        "href",
        `/collections/${collectionId}/feed`,
      );
      const feed = await stranger.request.get(`/collections/${collectionId}/feed`);
      expect(feed.status()).toBe(200);
      expect(feed.headers()["content-type"]).toContain("application/atom+xml");
      const atom = await feed.text();
      expect(atom).toContain(`<title>WallpaperDB collection: ${name}`);
      expect(atom.match(/<entry>/gu)?.length).toBe(expected.length);
      await strangerPage.screenshot({
        path: test.info().outputPath(`${size.name}-public.png`),
        fullPage: true,
      });
      await expectNoOverflow(strangerPage);
      await stranger.close();
      expect(problems).toEqual([]);
    });
  });
}
