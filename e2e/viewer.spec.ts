import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { uniqueJpegOfSize } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// A wallpaper's page shows the whole picture, whatever its aspect: the frame takes the stored width and
// height, so it is reserved before the image loads (no layout shift) and fits the first screen. The
// full-size view fits it to the screen, zooms to actual pixels and pans.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];
const images = [
  { name: "portrait", width: 1080, height: 1920 },
  { name: "ultrawide", width: 5120, height: 1440 },
];
const ids = new Map<string, string>();

test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  // The admin's uploads are approved at once, so a visitor sees them.
  await signIn(page);
  const files = await Promise.all(
    images.map((image) => uniqueJpegOfSize(`viewer-${image.name}.jpg`, image.width, image.height)),
  );
  const byName = await uploadThroughPage(page, files);
  for (const image of images) ids.set(image.name, byName[`viewer-${image.name}.jpg`] ?? "");
  // Processed once the frame replaces the "still processing" notice.
  for (const id of ids.values()) {
    await expect(async () => {
      await page.goto(`/wallpapers/${id}`);
      await expect(page.getByTestId("wallpaper-frame")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
  }
  await page.close();
});

/** Console errors and failed requests of the page, collected from before its first navigation. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Next.js drops the prefetches of links it no longer needs (the page moved on); nothing failed.
    if (
      request.failure()?.errorText === "net::ERR_ABORTED" &&
      new URL(request.url()).searchParams.has("_rsc")
    )
      return;
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Sums layout shifts not caused by input (the CLS definition's exclusion) from the page's first paint:
 * all of them, and those of the page's own content (not the whole page pushed down by the site header).
 * Names what moved, for the failure message.
 */
async function observeLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node | null }[];
    };
    const target = window as unknown as { layoutShift: { total: number; own: number; sources: string[] } };
    target.layoutShift = { total: 0, own: 0, sources: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        const nodes = entry.sources.map((source) => source.node).filter((node) => node instanceof Element);
        target.layoutShift.total += entry.value;
        if (!nodes.some((node) => node.matches("main, .wallpaper-page")))
          target.layoutShift.own += entry.value;
        for (const node of nodes)
          target.layoutShift.sources.push(`${entry.value.toFixed(4)} ${node.tagName}.${node.className}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

async function layoutShift(page: Page): Promise<{ total: number; own: number; sources: string[] }> {
  return page.evaluate(
    () =>
      (window as unknown as { layoutShift: { total: number; own: number; sources: string[] } }).layoutShift,
  );
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not rendered");
  return found;
}

/** The box lies inside the window and has the image's aspect ratio (±2 %). */
async function expectWholeImage(page: Page, locator: Locator, image: { width: number; height: number }) {
  const rendered = await box(locator);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(rendered.x).toBeGreaterThanOrEqual(0);
  expect(rendered.y).toBeGreaterThanOrEqual(0);
  expect(rendered.x + rendered.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(rendered.y + rendered.height).toBeLessThanOrEqual(viewport.height + 0.5);
  const aspect = rendered.width / rendered.height / (image.width / image.height);
  expect(aspect).toBeGreaterThan(0.98);
  expect(aspect).toBeLessThan(1.02);
  return rendered;
}

for (const size of sizes) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    for (const image of images) {
      test(`a ${image.name} wallpaper is whole on its page and in the full-size view`, async ({
        page,
      }, testInfo) => {
        const id = ids.get(image.name) ?? "";
        const problems = watchProblems(page);
        await observeLayoutShift(page);
        // A visitor, signed out: the page everyone sees.
        await page.goto(`/wallpapers/${id}`);
        const frame = page.getByTestId("wallpaper-frame");
        await expect(frame.locator(".picture")).toHaveAttribute("data-loaded", "true");
        const shown = frame.locator("img");
        const natural = await shown.evaluate((img: HTMLImageElement) => ({
          width: img.naturalWidth,
          height: img.naturalHeight,
        }));
        // The picked variant has the original's aspect; the frame shows all of it.
        expect(natural.width / natural.height).toBeCloseTo(image.width / image.height, 1);
        await expectWholeImage(page, frame, image);
        await expectWholeImage(page, shown, image);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          size.viewport.width,
        );
        // Late shifts (fonts, the session's header) would land within this wait.
        await page.waitForTimeout(1_000);
        const shift = await layoutShift(page);
        testInfo.annotations.push({
          type: "cls",
          description: `${shift.total.toFixed(4)} (own ${shift.own.toFixed(4)})`,
        });
        const moved = shift.sources.join("\n");
        expect(shift.own, moved).toBeLessThan(0.02);
        // The whole page too: the site header renders the session in its first paint and stays one row.
        expect(shift.total, moved).toBeLessThan(0.02);
        await page.screenshot({ path: testInfo.outputPath(`wallpaper-${image.name}-${size.name}.png`) });

        // Full size: `f` opens it fitted to the screen.
        await page.keyboard.press("f");
        const view = page.getByTestId("full-view");
        await expect(view).toBeVisible();
        const fullImage = page.getByTestId("full-view-image");
        await expect(fullImage.locator(".picture")).toHaveAttribute("data-loaded", "true");
        const fitted = await expectWholeImage(page, fullImage, image);
        // Fitted means it touches two opposite edges of the screen.
        expect(
          Math.abs(fitted.width - size.viewport.width) < 1 ||
            Math.abs(fitted.height - size.viewport.height) < 1,
        ).toBe(true);
        await page.screenshot({ path: testInfo.outputPath(`full-${image.name}-${size.name}.png`) });

        // `+` zooms to actual pixels and loads the original.
        await page.keyboard.press("+");
        await expect(view).toHaveAttribute("data-zoomed", "true");
        await expect(page.getByTestId("full-view-percent")).toHaveText("100 %");
        await expect(page.getByTestId("full-view-original")).toHaveAttribute("data-loaded", "true");
        const zoomed = await box(fullImage);
        expect(zoomed.width).toBeCloseTo(image.width, 0);
        expect(zoomed.height).toBeCloseTo(image.height, 0);

        // Dragging pans: the image follows the pointer on the axis it overflows.
        const start = { x: size.viewport.width / 2, y: size.viewport.height / 2 };
        await page.mouse.move(start.x, start.y);
        await page.mouse.down();
        await page.mouse.move(start.x - 150, start.y - 150, { steps: 5 });
        await page.mouse.up();
        const panned = await box(fullImage);
        expect(Math.abs(panned.x - zoomed.x) + Math.abs(panned.y - zoomed.y)).toBeGreaterThanOrEqual(140);
        await expect(view).toHaveAttribute("data-zoomed", "true");
        await page.screenshot({ path: testInfo.outputPath(`zoomed-${image.name}-${size.name}.png`) });

        // A click (no drag) fits it again; Esc closes and gives the focus back.
        await page.mouse.click(start.x, start.y);
        await expect(view).toHaveAttribute("data-zoomed", "false");
        await page.keyboard.press("Escape");
        await expect(view).toHaveCount(0);
        await expect(page.getByTestId("view-full-size")).toBeFocused();
        expect(problems).toEqual([]);
      });
    }
  });
}
