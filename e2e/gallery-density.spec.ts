import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import {
  describeShifts,
  firstTileWidth,
  layoutShifts,
  recordLayoutShifts,
  resetLayoutShifts,
  shiftTotal,
} from "./support/layout-shift.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// A gallery as dense as wallhaven's: the slim bar that replaces the header and the filters once they
// scroll away, the tile size setting, select mode with nothing overlapping, and one left and right edge
// for the header, the filters and the grid.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
];
// Landscape wallpapers: more than a first screen of small tiles on either size.
const NEEDED = 40;
const LANDSCAPE = "/?orientation=landscape";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let problems: string[] = [];

function watchProblems(page: Page): void {
  problems = watchForProblems(page);
}

async function expectLittleShift(page: Page): Promise<number> {
  const shifts = await layoutShifts(page);
  const cls = shiftTotal(shifts);
  expect(cls, describeShifts(shifts)).toBeLessThan(0.02);
  return cls;
}

const tiles = (page: Page) => page.getByTestId("gallery-tile");
const slimBar = (page: Page) => page.getByTestId("slim-bar");
const filterBar = (page: Page) => page.getByRole("region", { name: "Filters" });
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const scrollTo = (page: Page, y: number) => page.evaluate((top) => window.scrollTo({ top }), y);

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("no bounding box");
  return found;
}

type Box = Awaited<ReturnType<typeof box>>;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Tiles in the first row, and tiles whose whole box is inside the first screen. */
async function density(page: Page): Promise<{ perRow: number; aboveFold: number }> {
  return tiles(page).evaluateAll((els) => {
    const boxes = els.map((el) => el.getBoundingClientRect());
    const firstTop = boxes[0]?.top ?? 0;
    return {
      perRow: boxes.filter((b) => Math.abs(b.top - firstTop) < 1).length,
      aboveFold: boxes.filter(
        (b) => b.top >= 0 && b.bottom <= window.innerHeight && b.right <= window.innerWidth,
      ).length,
    };
  });
}

async function openMore(page: Page): Promise<void> {
  const more = page.getByRole("button", { name: /^More filters/ });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
}

/** On the phone the tile size control is behind "More filters", with the other selects. */
async function tileSizeGroup(page: Page, phone: boolean): Promise<Locator> {
  if (phone) await openMore(page);
  return page.getByRole("group", { name: "Tile size" });
}

async function landscapeTotal(page: Page): Promise<number> {
  await page.goto(LANDSCAPE);
  const count = page.getByTestId("gallery-count");
  const empty = page.getByTestId("gallery-empty");
  await expect(count.or(empty)).toBeVisible();
  if (await empty.isVisible()) return 0;
  return Number(((await count.textContent()) ?? "").replace(/\D/g, ""));
}

test("seeds enough landscape wallpapers for a screen of small tiles", async ({ page }) => {
  await signIn(page);
  const missing = NEEDED - (await landscapeTotal(page));
  if (missing <= 0) return;
  const names = Array.from({ length: missing }, (_, i) => `density-${i}.jpg`);
  await uploadThroughPage(page, await Promise.all(names.map(uniqueJpeg)));
  await expect(async () => expect(await landscapeTotal(page)).toBeGreaterThanOrEqual(NEEDED)).toPass({
    timeout: 180_000,
    intervals: [2_000],
  });
});

for (const size of sizes) {
  const phone = size.name === "phone";
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
    test.beforeEach(({ page }) => watchProblems(page));
    test.afterEach(async ({ page }) => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expect(problems).toEqual([]);
    });

    test("the slim bar comes when the filters scroll away, goes at the top, and moves nothing", async ({
      page,
    }, testInfo) => {
      await recordLayoutShifts(page);
      await page.goto(LANDSCAPE);
      await expect(tiles(page).nth(29)).toBeAttached();
      // Settled first: when the next page lands, a partial last row on screen widens to fill the width,
      // a shift of infinite scroll, not of the bars.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      await resetLayoutShifts(page);
      await expect(slimBar(page)).toBeHidden();
      // Where the grid starts in the document: the slim bar must not push it.
      const gridTop = () =>
        page.getByTestId("gallery-grid").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const before = await gridTop();

      await scrollTo(page, 500);
      await expect(slimBar(page)).toBeVisible();
      await expect.poll(async () => (await box(slimBar(page))).y).toBe(0);
      const slim = await box(slimBar(page));
      expect(slim.height).toBeLessThanOrEqual(56);
      expect(slim.width).toBe(await page.evaluate(() => document.documentElement.clientWidth));
      expect(await gridTop()).toBe(before);
      await page.screenshot({ path: testInfo.outputPath(`slim-bar-${size.name}.png`) });

      await scrollTo(page, 0);
      await expect(slimBar(page)).toBeHidden();
      expect(await gridTop()).toBe(before);
      const shift = await expectLittleShift(page);
      testInfo.annotations.push({ type: "cls", description: `${shift.toFixed(4)} at ${size.name} size` });

      // The slim bar's box searches too, and typing stays in a box on screen while the results change.
      await scrollTo(page, 500);
      const quick = page.getByLabel("Search wallpapers");
      await quick.pressSequentially("ratio:16x10", { delay: 30 });
      await expect.poll(() => param(page, "q")).toBe("ratio:16x10");
      await expect(page.locator("input[type=search]:focus")).toHaveCount(1);
      await expect(page.locator("input[type=search]:focus")).toHaveValue("ratio:16x10");
      await expect(tiles(page).nth(29)).toBeAttached();

      // Its Filters button opens the filters where they live, at the top.
      await scrollTo(page, 500);
      await expect(slimBar(page)).toBeVisible();
      await slimBar(page)
        .getByRole("button", { name: /^Filters/ })
        .click();
      await expect(slimBar(page)).toBeHidden();
      await expect(page.getByRole("button", { name: /^More filters/ })).toHaveAttribute(
        "aria-expanded",
        "true",
      );
      await expect(page.getByLabel("Orientation")).toBeVisible();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    test("tile size: small rows hold more tiles, large fewer, and the choice survives a reload", async ({
      page,
    }, testInfo) => {
      await recordLayoutShifts(page);
      await page.goto(LANDSCAPE);
      await expect(tiles(page).nth(29)).toBeAttached();
      // Counted before the phone's filter panel opens over the first screen.
      const medium = await density(page);
      const group = await tileSizeGroup(page, phone);
      await expect(group.getByRole("button", { name: "Medium tiles" })).toHaveAttribute(
        "aria-pressed",
        "true",
      );

      await group.getByRole("button", { name: "Small tiles" }).click();
      await expect.poll(async () => (await density(page)).perRow).toBeGreaterThan(medium.perRow);
      const small = await density(page);
      if (phone) {
        // Close the panel before counting what the first screen shows.
        await openMore(page);
        await page.getByRole("button", { name: /^More filters/ }).click();
      }
      const smallClosed = await density(page);
      testInfo.annotations.push({
        type: "density",
        description: `${size.name}: medium ${medium.perRow} a row, ${medium.aboveFold} whole tiles above the fold; small ${small.perRow} a row, ${smallClosed.aboveFold} above the fold`,
      });
      expect(smallClosed.aboveFold).toBeGreaterThan(medium.aboveFold);
      await expectSizesFollowRows(page);

      // The server renders the chosen size: no flash of medium rows, no second download for a new `sizes`.
      const html = await (await page.request.get(LANDSCAPE)).text();
      expect(html).toContain('data-tile-size="small"');
      await page.reload();
      await expect(tiles(page).nth(29)).toBeAttached();
      expect((await density(page)).perRow).toBe(small.perRow);
      // The first frame already had small tiles: no medium rows that hydration then shrinks (medium
      // tiles are half as wide again; a first row still streaming in sits a few % under its width).
      const first = (await firstTileWidth(page)) ?? 0;
      const now = (await box(tiles(page).first())).width;
      expect(Math.abs(first - now) / now).toBeLessThan(0.1);
      await page.screenshot({ path: testInfo.outputPath(`small-tiles-${size.name}.png`) });
      const again = await tileSizeGroup(page, phone);
      await expect(again.getByRole("button", { name: "Small tiles" })).toHaveAttribute(
        "aria-pressed",
        "true",
      );

      await again.getByRole("button", { name: "Large tiles" }).click();
      await expect.poll(async () => (await density(page)).perRow).toBeLessThan(medium.perRow);
      await expectSizesFollowRows(page);
      await page.screenshot({ path: testInfo.outputPath(`large-tiles-${size.name}.png`) });
    });

    test("select mode: the bulk bar overlaps neither the filter bar nor the slim bar", async ({
      page,
    }, testInfo) => {
      await signIn(page);
      await page.goto(LANDSCAPE);
      await expect(tiles(page).nth(29)).toBeAttached();
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await tiles(page).first().click();
      const bulk = page.getByRole("form", { name: "Bulk tagging" });
      await expect(bulk).toBeVisible();
      expect(overlaps(await box(filterBar(page)), await box(bulk))).toBe(false);

      // Step down the page: at no point does the bulk bar cover the filter bar or the slim bar.
      for (let y = 0; y <= 600; y += 40) {
        await scrollTo(page, y);
        await page.waitForTimeout(250);
        const bulkBox = await box(bulk);
        const bars = [filterBar(page), slimBar(page)];
        for (const bar of bars) {
          if (await bar.isVisible()) expect(overlaps(await box(bar), bulkBox), `at scroll ${y}`).toBe(false);
        }
      }
      await scrollTo(page, 800);
      await expect(slimBar(page)).toBeVisible();
      await expect.poll(async () => (await box(slimBar(page))).y).toBe(0);
      const slim = await box(slimBar(page));
      const stuck = await box(bulk);
      // The bulk bar sticks just below the slim bar, on screen, and the two do not overlap.
      expect(stuck.y).toBeGreaterThanOrEqual(slim.y + slim.height);
      expect(stuck.y).toBeLessThan(slim.height + 20);
      expect(overlaps(slim, stuck)).toBe(false);
      await page.screenshot({ path: testInfo.outputPath(`select-mode-${size.name}.png`) });
    });

    test("the header, the filter bar, the grid and the slim bar share their left and right edges", async ({
      page,
    }) => {
      await page.goto(LANDSCAPE);
      await expect(tiles(page).nth(29)).toBeAttached();
      const parts = {
        header: await box(page.locator(".site-header")),
        filters: await box(filterBar(page)),
        grid: await box(page.getByTestId("gallery-grid")),
      };
      const firstTile = await box(tiles(page).first());
      for (const [name, part] of Object.entries(parts)) {
        expect(Math.abs(part.x - parts.header.x), `${name} left edge`).toBeLessThanOrEqual(1);
        expect(
          Math.abs(part.x + part.width - (parts.header.x + parts.header.width)),
          `${name} right edge`,
        ).toBeLessThanOrEqual(1);
      }
      expect(Math.abs(firstTile.x - parts.header.x)).toBeLessThanOrEqual(1);
      expect(
        Math.abs((await box(page.locator(".site-header .brand"))).x - parts.header.x),
      ).toBeLessThanOrEqual(1);

      await scrollTo(page, 500);
      await expect.poll(async () => (await box(slimBar(page))).y).toBe(0);
      const home = await box(slimBar(page).getByRole("link", { name: "WallpaperDB home" }));
      expect(Math.abs(home.x - parts.header.x)).toBeLessThanOrEqual(1);
    });
  });
}

/** Each tile's `sizes` is its width at the grid's real row height (the one CSS lays out). */
async function expectSizesFollowRows(page: Page): Promise<void> {
  const { rowHeight, ratio, sizes, phone } = await tiles(page)
    .first()
    .evaluate((el) => {
      const grid = el.closest("[data-testid=gallery-grid]");
      const img = el.querySelector("img");
      const [width, height] = (el.getAttribute("aria-label") ?? "").match(/\d+×\d+/)?.[0].split("×") ?? [];
      return {
        rowHeight: grid ? Number.parseFloat(getComputedStyle(grid).getPropertyValue("--row-height")) : 0,
        ratio: Number(width) / Number(height),
        sizes: img?.getAttribute("sizes") ?? "",
        phone: window.matchMedia("(max-width: 640px)").matches,
      };
    });
  expect(rowHeight).toBeGreaterThan(0);
  // "(max-width: 640px) <phone width>px, <wide width>px"
  const [, narrow, wide] = sizes.match(/\) (\d+px), (\d+px)$/) ?? [];
  expect(phone ? narrow : wide).toBe(`${Math.round(rowHeight * ratio)}px`);
}
