import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CDPSession, expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import {
  describeShifts,
  layoutShifts,
  recordLayoutShifts,
  type Shift,
  shiftTotal,
} from "./support/layout-shift.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg, uniqueJpegOfSize } from "./unique-image.ts";
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
/** The gallery's page size (PAGE_SIZE in apps/web/src/components/gallery/filters.ts). */
const GALLERY_PAGE = 60;
/** More than one page of the gallery, so walking reaches the search's second page. */
const GALLERY_AT_LEAST = GALLERY_PAGE + 4;

test.setTimeout(120_000);

interface Card {
  id: string;
}

/** The gallery's default search as the API answers it: the order ←/→ must walk. */
async function searchIds(page: Page, limit: number): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { q: "", limit } }));
  const response = await page.request.get(`/api/trpc/wallpaper.search?input=${input}`);
  const body = (await response.json()) as { result: { data: { json: { items: Card[] } } } };
  return body.result.data.json.items.map((card) => card.id);
}

/** A short H.264 video, unique (a random hue and comment), made by the ffmpeg the workers use. */
function uniqueVideo(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), name);
  // biome-ignore format: ffmpeg option pairs
  execFileSync("ffmpeg", [
    "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=640x360:d=4:r=25",
    "-vf", `hue=h=${randomInt(360)}`, "-metadata", `comment=${randomInt(1e9)}`,
    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", path,
  ]);
  return path;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  // The admin's uploads are approved at once, so a visitor sees them.
  await signIn(page);
  // Run alone (--no-deps), the gallery may hold less than two pages: fill it up.
  const missing = GALLERY_AT_LEAST - images.length - 1 - (await searchIds(page, 100)).length;
  if (missing > 0) {
    const fillers = await Promise.all(Array.from({ length: missing }, (_, i) => uniqueJpeg(`walk-${i}.jpg`)));
    await uploadThroughPage(page, fillers);
  }
  const files = await Promise.all(
    images.map((image) => uniqueJpegOfSize(`viewer-${image.name}.jpg`, image.width, image.height)),
  );
  const byName = await uploadThroughPage(page, files);
  for (const image of images) ids.set(image.name, byName[`viewer-${image.name}.jpg`] ?? "");
  // The video: the page's drag helper types files by extension as images, so this drop says video/mp4.
  await page.goto("/upload");
  const base64 = readFileSync(uniqueVideo("viewer-video.mp4")).toString("base64");
  const transfer = await page.evaluateHandle((data) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const files = new DataTransfer();
    files.items.add(new File([bytes], "viewer-video.mp4", { type: "video/mp4" }));
    return files;
  }, base64);
  for (const type of ["dragenter", "dragover", "drop"])
    await page.getByTestId("dropzone").dispatchEvent(type, { dataTransfer: transfer });
  const row = page.locator(`[data-testid=upload-row][data-filename="viewer-video.mp4"]`);
  await expect(row).toHaveAttribute("data-state", "added", { timeout: 60_000 });
  const href = (await row.getByRole("link", { name: "wallpaper", exact: true }).getAttribute("href")) ?? "";
  ids.set("video", href.replace(/^\/wallpapers\//, ""));
  await expect
    .poll(async () => (await searchIds(page, 100)).length, { timeout: 120_000 })
    .toBeGreaterThanOrEqual(GALLERY_AT_LEAST);
  // Processed once the frame replaces the "still processing" notice.
  for (const id of ids.values()) {
    await expect(async () => {
      await page.goto(`/wallpapers/${id}`);
      await expect(page.getByTestId("wallpaper-frame")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
  }
  await page.close();
});

/** Shifts that moved the page's own content, not the whole page pushed down by the site header. */
const ownShift = (shift: Shift) =>
  !shift.sources.some((source) => /^main(\.|$)|\.wallpaper-page(\.|$)/u.test(source.node ?? ""));

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
        const problems = watchForProblems(page);
        await recordLayoutShifts(page);
        // A visitor, signed out: the page everyone sees.
        await page.goto(`/wallpapers/${id}`);
        const frame = page.getByTestId("wallpaper-frame");
        await expect(frame.locator(".picture")).toHaveAttribute("data-loaded", "true");
        // Opened directly there is no search to walk, so no arrows.
        await expect(page.getByTestId("browse-next")).toHaveCount(0);
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
        const shifts = await layoutShifts(page);
        const total = shiftTotal(shifts);
        const own = shiftTotal(shifts, ownShift);
        testInfo.annotations.push({
          type: "cls",
          description: `${total.toFixed(4)} (own ${own.toFixed(4)})`,
        });
        const moved = describeShifts(shifts);
        expect(own, moved).toBeLessThan(0.02);
        // The whole page too: the site header renders the session in its first paint and stays one row.
        expect(total, moved).toBeLessThan(0.02);
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

        // A double click fits it again; Esc closes and gives the focus back.
        await page.mouse.dblclick(start.x, start.y);
        await expect(view).toHaveAttribute("data-zoomed", "false");
        await page.keyboard.press("Escape");
        await expect(view).toHaveCount(0);
        await expect(page.getByTestId("view-full-size")).toBeFocused();
        expect(problems).toEqual([]);
      });
    }

    test("←/→ and the arrows walk the gallery's search; Esc and Back return to the tile", async ({
      page,
    }, testInfo) => {
      const problems = watchForProblems(page);
      const order = await searchIds(page, GALLERY_PAGE + 10);
      await page.goto("/");
      // A tile a few rows down, scrolled to the middle of the window, so the gallery has a position to keep.
      const k = 11;
      const tile = (index: number) => page.locator(`[data-testid=gallery-tile][data-id="${order[index]}"]`);
      await tile(k).evaluate((element) => element.scrollIntoView({ block: "center" }));
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(0);
      const entries = await page.evaluate(() => window.history.length);
      await tile(k).click();
      await expect(page).toHaveURL(`/wallpapers/${order[k]}`);
      const next = page.getByTestId("browse-next");
      const previous = page.getByTestId("browse-previous");
      await expect(next).toBeVisible();
      await expect(next).toHaveAccessibleName("Next wallpaper");
      await expect(previous).toHaveAccessibleName("Previous wallpaper");
      await page.screenshot({ path: testInfo.outputPath(`walk-${size.name}.png`) });

      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
      await expect(page.getByTestId("wallpaper-frame")).toBeVisible();
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 2]}`);
      await page.keyboard.press("ArrowLeft");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
      await next.click();
      await expect(page).toHaveURL(`/wallpapers/${order[k + 2]}`);
      // The buttons work from the keyboard too.
      await previous.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
      // Walking replaced the entry: the history grew by one wallpaper page only.
      expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.viewport.width,
      );

      // Esc: the gallery where it was, the tile of the last wallpaper viewed focused.
      await page.keyboard.press("Escape");
      await expect(page).toHaveURL("/");
      await expect(tile(k + 1)).toBeFocused();
      await expect(tile(k + 1)).toBeInViewport({ ratio: 1 });
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(2);
      await page.screenshot({ path: testInfo.outputPath(`walk-back-${size.name}.png`) });

      // Back does the same after a longer walk, and the full view walks too.
      await tile(k + 1).click();
      await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
      await expect(page.getByTestId("view-full-size")).toBeVisible();
      await page.keyboard.press("f");
      await expect(page.getByTestId("full-view")).toBeVisible();
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 2]}`);
      await expect(page.getByTestId("full-view")).toBeVisible();
      await expect(page.getByTestId("full-view").getByTestId("browse-next")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`walk-full-${size.name}.png`) });
      // Inside the full view Esc only closes it.
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("full-view")).toHaveCount(0);
      await expect(page).toHaveURL(`/wallpapers/${order[k + 2]}`);
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 3]}`);
      await page.goBack();
      await expect(page).toHaveURL("/");
      await expect(tile(k + 3)).toBeFocused();
      await expect(tile(k + 3)).toBeInViewport();
      // The page's own "← Gallery" link returns the same way.
      await tile(k + 3).click();
      await expect(page).toHaveURL(`/wallpapers/${order[k + 3]}`);
      await page.keyboard.press("ArrowLeft");
      await expect(page).toHaveURL(`/wallpapers/${order[k + 2]}`);
      await page.getByTestId("back-to-gallery").click();
      await expect(page).toHaveURL("/");
      await expect(tile(k + 2)).toBeFocused();
      expect(problems).toEqual([]);
    });

    test("the walk goes on into the search's next page, also after a reload", async ({ page }) => {
      const problems = watchForProblems(page);
      const order = await searchIds(page, GALLERY_PAGE + 10);
      // As the gallery leaves it when the last tile of its first page is opened; a fresh page has an empty
      // cache, so it loads the search's first page, finds the wallpaper last in it, then loads the next.
      await page.addInitScript(
        (lastViewed) => {
          const record = { query: "", href: "/", scrollY: 0, lastViewed, returning: true };
          sessionStorage.setItem("wallpaperdb:browse", JSON.stringify(record));
        },
        order[GALLERY_PAGE - 1] ?? "",
      );
      await recordLayoutShifts(page);
      await page.goto(`/wallpapers/${order[GALLERY_PAGE - 1]}`);
      await expect(page.getByTestId("browse-next")).toBeVisible();
      // The arrows arrive after hydration, over the stage: nothing moves for them.
      await page.waitForTimeout(1_000);
      const shifts = await layoutShifts(page);
      expect(shiftTotal(shifts), describeShifts(shifts)).toBeLessThan(0.02);
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(`/wallpapers/${order[GALLERY_PAGE]}`);
      await page.keyboard.press("ArrowLeft");
      await expect(page).toHaveURL(`/wallpapers/${order[GALLERY_PAGE - 1]}`);
      expect(problems).toEqual([]);
    });

    test("the wheel zooms the full view around the pointer, down to fitted", async ({ page }) => {
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${ids.get("ultrawide")}`);
      // Marked loaded by the page's script: hydrated, so the `f` key is heard.
      await expect(page.getByTestId("wallpaper-frame").locator(".picture")).toHaveAttribute(
        "data-loaded",
        "true",
      );
      await page.keyboard.press("f");
      const fullImage = page.getByTestId("full-view-image");
      await expect(fullImage.locator(".picture")).toHaveAttribute("data-loaded", "true");
      const before = await box(fullImage);
      const at = { x: size.viewport.width * 0.3, y: size.viewport.height / 2 };
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, -300);
      await expect(page.getByTestId("full-view")).toHaveAttribute("data-zoomed", "true");
      const after = await box(fullImage);
      expect(after.width / before.width).toBeGreaterThan(1.5);
      // The image point under the pointer stays under it (the ultra-wide overflows sideways).
      expect((at.x - after.x) / after.width).toBeCloseTo((at.x - before.x) / before.width, 2);
      await expect(page.getByTestId("full-view-original")).toHaveAttribute("data-loaded", "true");
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 400);
      await expect(page.getByTestId("full-view")).toHaveAttribute("data-zoomed", "false");
      const back = await box(fullImage);
      expect(back.width).toBeCloseTo(before.width, 0);
      expect(problems).toEqual([]);
    });

    test("a video plays inline, muted and looping", async ({ page }, testInfo) => {
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${ids.get("video")}`);
      const video = page.getByTestId("wallpaper-video");
      await expect(video).toHaveJSProperty("muted", true);
      await expect(video).toHaveAttribute("playsinline", "");
      await expect
        .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 15_000 })
        .toBeGreaterThan(0.3);
      expect(await video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(false);
      await expectWholeImage(page, page.getByTestId("wallpaper-frame"), { width: 640, height: 360 });
      await page.screenshot({ path: testInfo.outputPath(`video-${size.name}.png`) });
      expect(problems).toEqual([]);
    });

    test("asked for less motion, the video waits on its poster for the play control", async ({ page }) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(`/wallpapers/${ids.get("video")}`);
      const video = page.getByTestId("wallpaper-video");
      await expect(video).toHaveAttribute("controls", "");
      await page.waitForTimeout(1_000);
      expect(await video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(true);
    });

    test.describe("on a touch screen", () => {
      test.use({ hasTouch: true });

      test("a swipe walks the search; a double tap and a pinch zoom the full view", async ({
        page,
      }, testInfo) => {
        const problems = watchForProblems(page);
        const order = await searchIds(page, GALLERY_PAGE + 10);
        await page.goto("/");
        const k = 5;
        await page.locator(`[data-testid=gallery-tile][data-id="${order[k]}"]`).tap();
        await expect(page).toHaveURL(`/wallpapers/${order[k]}`);
        await expect(page.getByTestId("browse-next")).toBeVisible();
        const cdp = await page.context().newCDPSession(page);
        // Each page's own picture: wallpapers of other shapes put the middle of the stage elsewhere.
        const stageMiddle = async () => {
          const stage = await box(page.getByTestId("wallpaper-frame"));
          const reach = Math.min(stage.width / 2 - 10, 150);
          return { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2, reach };
        };
        let middle = await stageMiddle();
        await swipe(cdp, middle, { x: middle.x - middle.reach, y: middle.y + 5 });
        await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
        // The new page's own neighbours, not the old page's arrows still on screen while it streams in.
        await expect(page.getByTestId("browse-previous")).toHaveAttribute("href", `/wallpapers/${order[k]}`);
        middle = await stageMiddle();
        await swipe(cdp, middle, { x: middle.x + middle.reach, y: middle.y });
        await expect(page).toHaveURL(`/wallpapers/${order[k]}`);
        await expect(page.getByTestId("browse-next")).toHaveAttribute("href", `/wallpapers/${order[k + 1]}`);
        // A vertical stroke scrolls; it does not walk.
        middle = await stageMiddle();
        await swipe(cdp, middle, { x: middle.x, y: middle.y - 200 });
        await page.waitForTimeout(500);
        await expect(page).toHaveURL(`/wallpapers/${order[k]}`);
        // Let the stroke's fling settle: a tap during it cannot be cancelled, which Playwright's tap tries.
        await expect
          .poll(async () => {
            const before = await page.evaluate(() => window.scrollY);
            await page.waitForTimeout(150);
            return (await page.evaluate(() => window.scrollY)) === before;
          })
          .toBe(true);

        await page.getByTestId("view-full-size").tap();
        const view = page.getByTestId("full-view");
        await expect(view).toBeVisible();
        const center = { x: size.viewport.width / 2, y: size.viewport.height / 2 };
        await swipe(cdp, center, { x: center.x - 150, y: center.y });
        await expect(page).toHaveURL(`/wallpapers/${order[k + 1]}`);
        await expect(view).toBeVisible();
        await expect(page.getByTestId("full-view-image").locator(".picture")).toHaveAttribute(
          "data-loaded",
          "true",
        );
        // Double tap: actual pixels; again: fitted.
        await doubleTap(cdp, center);
        await expect(view).toHaveAttribute("data-zoomed", "true");
        await doubleTap(cdp, center);
        await expect(view).toHaveAttribute("data-zoomed", "false");
        // Pinch: the fingers move apart, the image grows.
        const fitted = await box(page.getByTestId("full-view-image"));
        await pinch(cdp, center, 40, 140);
        await expect(view).toHaveAttribute("data-zoomed", "true");
        const pinched = await box(page.getByTestId("full-view-image"));
        expect(pinched.width / fitted.width).toBeGreaterThan(2);
        await page.screenshot({ path: testInfo.outputPath(`pinched-${size.name}.png`) });
        expect(problems).toEqual([]);
      });
    });
  });
}

/** A one-finger stroke through Chromium's real touch input (touch events and pointer events both fire). */
async function swipe(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  for (let step = 1; step <= 6; step++) {
    const point = { x: from.x + ((to.x - from.x) * step) / 6, y: from.y + ((to.y - from.y) * step) / 6 };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/**
 * Two taps 150 ms apart by the events' own clock: a busy machine may take longer to deliver them, and
 * the page judges a double tap by the events' time stamps.
 */
async function doubleTap(cdp: CDPSession, at: { x: number; y: number }) {
  const start = Date.now() / 1000;
  for (const [type, offset] of [
    ["touchStart", 0],
    ["touchEnd", 0.05],
    ["touchStart", 0.15],
    ["touchEnd", 0.2],
  ] as const)
    await cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchStart" ? [at] : [],
      timestamp: start + offset,
    });
}

/** Two fingers on either side of `center`, moving from `from` to `to` pixels apart. */
async function pinch(cdp: CDPSession, center: { x: number; y: number }, from: number, to: number) {
  const fingers = (apart: number) => [
    { x: center.x - apart / 2, y: center.y, id: 0 },
    { x: center.x + apart / 2, y: center.y, id: 1 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(from) });
  for (let step = 1; step <= 8; step++)
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: fingers(from + ((to - from) * step) / 8),
    });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}
