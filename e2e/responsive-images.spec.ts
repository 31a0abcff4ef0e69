import { join } from "node:path";
import {
  type Browser,
  type BrowserContextOptions,
  expect,
  type Page,
  type Response,
  type TestInfo,
  test,
} from "@playwright/test";
import { signIn } from "./accounts.ts";
import { uniqueJpegOfSize } from "./unique-image.ts";
import { dragFilesOnto } from "./upload-page.ts";

// Each screen downloads what it shows: srcset lists thumb (640), medium (fits 1170x2532) and preview
// (fits 2560x1440) with their widths, and the browser picks. Measured from the network log: the bytes of
// every image response while the page loads and settles (on the gallery, those the first screen shows).
const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
// Real photos and artwork no other spec uploads (upload.spec expects its files to be new, so a file shared
// with it would answer "duplicate" there), so they are the newest and fill the gallery's first screen.
const galleryFiles = [
  "abstract/Elephants.jpg",
  "abstract/Gulp.png",
  "desktop/MATE-Stripes-Dark.png",
  "desktop/MATE-Stripes-Light.png",
  "desktop/Ubuntu-Mate-Cold-no-logo.png",
  "desktop/Ubuntu-Mate-Radioactive-no-logo.png",
  "desktop/Ubuntu-Mate-Warm-no-logo.png",
].map((relative) => join(corpus, relative));

const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
// 1440x900 CSS px is a 13" laptop's screen at 2x.
const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 };
const PHONE_GALLERY_BUDGET = 800 * 1024;

let landscapeId = "";

test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  await signIn(page);
  const landscape = await uniqueJpegOfSize("responsive-landscape.jpg", 3840, 2160);
  await page.goto("/upload");
  const payload = await dragFilesOnto(page.getByTestId("dropzone"), [...galleryFiles, landscape]);
  // The corpus files are duplicates when the spec runs again on the same database; either way each row
  // links to its wallpaper.
  const ids: string[] = [];
  for (const file of payload) {
    const row = page.locator(`[data-testid=upload-row][data-filename="${file.name}"]`);
    await expect(row).toHaveAttribute("data-state", /^(added|duplicate)$/, { timeout: 60_000 });
    const href = (await row.locator(`a[href^="/wallpapers/"]`).getAttribute("href")) ?? "";
    ids.push(href.replace(/^\/wallpapers\//, ""));
    if (file.name === "responsive-landscape.jpg") landscapeId = ids.at(-1) ?? "";
  }
  // Processed once every page shows its frame instead of the "still processing" notice.
  for (const id of ids) {
    await expect(async () => {
      await page.goto(`/wallpapers/${id}`);
      await expect(page.getByTestId("wallpaper-frame")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 120_000 });
  }
  await page.close();
});

/** A measured number: an annotation in the report, and a line in the run's output. */
function report(testInfo: TestInfo, type: string, description: string): void {
  testInfo.annotations.push({ type, description });
  process.stdout.write(`${type}: ${description}\n`);
}

interface ImageLog {
  responses: Response[];
  problems: string[];
}

/** Every media response of the page, and its console errors and failed requests, from its first request. */
function watchImages(page: Page): ImageLog {
  const log: ImageLog = { responses: [], problems: [] };
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/media/")) log.responses.push(response);
    if (response.status() >= 400) log.problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") log.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (
      request.failure()?.errorText === "net::ERR_ABORTED" &&
      new URL(request.url()).searchParams.has("_rsc")
    )
      return;
    log.problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  return log;
}

/** Load, then settle: no new media response for a second (lazy images below the fold stay unloaded). */
async function loadAndSettle(page: Page, log: ImageLog, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("load");
  let seen = -1;
  while (seen !== log.responses.length) {
    seen = log.responses.length;
    await page.waitForTimeout(1_000);
  }
}

async function bodyBytes(responses: Response[]): Promise<number> {
  const sizes = await Promise.all(responses.map(async (r) => (await r.request().sizes()).responseBodySize));
  return sizes.reduce((a, b) => a + b, 0);
}

/** The variant file names the page fetched (`medium.avif`), without ids and versions. */
const fetchedNames = (responses: Response[], id?: string) =>
  responses
    .filter((r) => r.status() === 200 && (!id || r.url().includes(`/media/${id}/`)))
    .map((r) => new URL(r.url()).pathname.split("/").pop() ?? "");

async function openWith(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, log: watchImages(page) };
}

test("the gallery's first screen on a phone downloads at most 800 KB of images", async ({
  browser,
}, testInfo) => {
  const { context, page, log } = await openWith(browser, phone);
  await loadAndSettle(page, log, "/");
  const images = log.responses.filter((r) => r.request().resourceType() === "image");
  // The first screen: the tiles that intersect the viewport, by the file each one shows. Chromium also
  // fetches lazy images a screen or so ahead of the viewport; those are reported beside it.
  const shown = new Set(
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>("[data-testid=gallery-tile] img")]
        .filter((img) => img.getBoundingClientRect().top < window.innerHeight && img.currentSrc)
        .map((img) => new URL(img.currentSrc).href),
    ),
  );
  const firstScreen = images.filter((r) => shown.has(r.url()));
  const bytes = await bodyBytes(firstScreen);
  const total = await bodyBytes(images);
  const names = fetchedNames(firstScreen);
  report(
    testInfo,
    "phone gallery first screen",
    `${(bytes / 1024).toFixed(0)} KB in ${names.length} images (${[...new Set(names)].join(", ")}); ` +
      `${(total / 1024).toFixed(0)} KB in ${images.length} images with the browser's look-ahead`,
  );
  await page.screenshot({ path: testInfo.outputPath("gallery-phone.png") });
  expect(names.length).toBeGreaterThanOrEqual(4);
  expect(firstScreen.length).toBe(shown.size);
  expect(bytes).toBeLessThanOrEqual(PHONE_GALLERY_BUDGET);
  // The pipeline stores AVIF, and Chromium asks for it: nothing was rendered on request.
  expect(fetchedNames(images).every((name) => name.endsWith(".avif"))).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(log.problems).toEqual([]);
  await context.close();
});

test("a phone's wallpaper page downloads the medium variant, not the 2560 preview", async ({
  browser,
}, testInfo) => {
  const { context, page, log } = await openWith(browser, phone);
  await loadAndSettle(page, log, `/wallpapers/${landscapeId}`);
  const names = fetchedNames(log.responses, landscapeId);
  const bytes = await bodyBytes(log.responses.filter((r) => r.url().includes(`/media/${landscapeId}/`)));
  report(testInfo, "phone wallpaper page", `${names.join(", ")}: ${(bytes / 1024).toFixed(0)} KB`);
  await page.screenshot({ path: testInfo.outputPath("wallpaper-phone.png") });
  expect(names).toContain("medium.avif");
  expect(names.filter((name) => name.startsWith("preview."))).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(log.problems).toEqual([]);
  await context.close();
});

test("a 1440x900 desktop's wallpaper page downloads the preview", async ({ browser }, testInfo) => {
  const { context, page, log } = await openWith(browser, desktop);
  await loadAndSettle(page, log, `/wallpapers/${landscapeId}`);
  const names = fetchedNames(log.responses, landscapeId);
  const bytes = await bodyBytes(log.responses.filter((r) => r.url().includes(`/media/${landscapeId}/`)));
  report(testInfo, "desktop wallpaper page", `${names.join(", ")}: ${(bytes / 1024).toFixed(0)} KB`);
  await page.screenshot({ path: testInfo.outputPath("wallpaper-desktop.png") });
  expect(names).toContain("preview.avif");
  expect(names.filter((name) => name.startsWith("medium."))).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  expect(log.problems).toEqual([]);
  await context.close();
});
