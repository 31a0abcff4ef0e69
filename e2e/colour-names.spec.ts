import { expect, type Page, test } from "@playwright/test";

// The one colour rule as a person meets it: every named colour a wallpaper's page lists is a link to
// that swatch's search, which shows this wallpaper, and is also its auto tag (the tag search finds it).
interface Card {
  id: string;
}

async function searchIds(page: Page, q: string): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { q, limit: 100 } }));
  const response = await page.request.get(`/api/trpc/wallpaper.search?input=${input}`);
  expect(response.status(), q).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { items: Card[] } } } };
  return body.result.data.json.items.map((item) => item.id);
}

const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

test("a wallpaper's named colours: each is its tag and finds it by swatch, at both sizes", async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // Link prefetches the browser aborts because the test moves on are not failures.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") errors.push(`${request.url()} ${reason}`);
  });
  const ids = await searchIds(page, "");
  expect(ids.length).toBeGreaterThan(0);
  let checked = 0;
  let named: string | undefined;
  for (const id of ids.slice(0, 4)) {
    await page.goto(`/wallpapers/${id}`);
    await expect(page.getByTestId("wallpaper-palette")).toBeVisible();
    const names = await page.getByTestId("palette-name").allInnerTexts();
    if (names.length > 0) named ??= id;
    for (const name of names) {
      const term = name.trim().replace(/ /g, "_");
      expect(await searchIds(page, `color:${term}`), `color:${term}`).toContain(id);
      expect(await searchIds(page, term), `tag ${term}`).toContain(id);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);

  // Clicking a listed name opens the swatch's search, and this wallpaper is in it.
  const id = named ?? "";
  for (const size of sizes) {
    await page.setViewportSize(size.viewport);
    await page.goto(`/wallpapers/${id}`);
    const palette = page.getByTestId("wallpaper-palette");
    await palette.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      size.viewport.width,
    );
    await palette.screenshot({ path: testInfo.outputPath(`palette-${size.name}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`wallpaper-${size.name}.png`), fullPage: true });
  }
  await page.getByTestId("palette-name").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/\?color=[0-9a-f]{6}$/);
  await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible();
  expect(errors).toEqual([]);
});
