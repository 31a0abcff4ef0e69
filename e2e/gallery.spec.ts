import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";

const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
// Different shapes on purpose: 16:10, 16:9 at 4K, 4:3 (PNG) and a 16:10 photo.
const files = [
  "nature/Garden.jpg",
  "abstract/Elephants_3840x2160.jpg",
  "abstract/Waves.png",
  "nature/RainDrops.jpg",
];

interface Card {
  id: string;
  width: number;
  height: number;
  colors: string[];
}

async function search(page: Page, q: string): Promise<{ total: number; items: Card[] }> {
  const input = encodeURIComponent(JSON.stringify({ json: { q, limit: 50 } }));
  const response = await page.request.get(`/api/trpc/wallpaper.search?input=${input}`);
  const body = (await response.json()) as { result: { data: { json: { total: number; items: Card[] } } } };
  return body.result.data.json;
}

/** Uploads through the real upload page (drag and drop), then waits for the pipeline to finish them all. */
async function uploadCorpus(page: Page): Promise<void> {
  const payload = files.map((relative) => ({
    name: basename(relative),
    mimeType: relative.endsWith(".png") ? "image/png" : "image/jpeg",
    base64: readFileSync(join(corpus, relative)).toString("base64"),
  }));
  await page.goto("/upload");
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const file of items) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    return transfer;
  }, payload);
  const zone = page.getByTestId("dropzone");
  for (const type of ["dragenter", "dragover", "drop"]) await zone.dispatchEvent(type, { dataTransfer });
  for (const file of payload) {
    await expect(page.locator(`[data-testid=upload-row][data-filename="${file.name}"]`)).toHaveAttribute(
      "data-state",
      /added|duplicate/,
      { timeout: 60_000 },
    );
  }
  await expect
    .poll(async () => (await search(page, "")).total, { timeout: 90_000, intervals: [500] })
    .toBeGreaterThanOrEqual(files.length);
}

test.describe.configure({ mode: "serial" });

test.describe("gallery", () => {
  test.setTimeout(180_000);

  test("shows processed wallpapers with placeholders, then images with immutable media URLs", async ({
    page,
  }, testInfo) => {
    await uploadCorpus(page);
    await page.goto("/");
    const tiles = page.getByTestId("gallery-tile");
    await expect(tiles).toHaveCount(files.length);
    // Server-rendered: the first page is in the HTML before any client fetch.
    const html = await (await page.request.get("/")).text();
    expect(html).toContain('data-testid="gallery-tile"');
    for (const picture of await page.locator("[data-testid=gallery-tile] .picture").all()) {
      await expect(picture).toHaveAttribute("data-placeholder", "thumbhash");
      expect(await picture.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(
        "data:image/png",
      );
      await expect(picture).toHaveAttribute("data-loaded", "true", { timeout: 15_000 });
    }
    const src = await tiles
      .first()
      .locator("img")
      .evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(src).toMatch(/\/media\/[0-9a-f-]{36}\/thumb\.(avif|webp|jpeg)\?v=[0-9a-f]{64}$/);
    const media = await page.request.get(src);
    expect(media.status()).toBe(200);
    expect(media.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(media.headers()["x-content-type-options"]).toBe("nosniff");
    expect(media.headers().etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await page.request.get(src, { headers: { "if-none-match": media.headers().etag ?? "" } });
    expect(again.status()).toBe(304);
    await page.screenshot({ path: testInfo.outputPath("gallery-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.locator("[data-testid=gallery-tile] .picture[data-loaded=true]")).toHaveCount(
      files.length,
      { timeout: 15_000 },
    );
    // Nothing may stick out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath("gallery-phone.png"), fullPage: true });
  });

  test("filters narrow the grid, live in the URL and survive a reload", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("gallery-tile")).toHaveCount(files.length);
    await page.getByLabel("Ratio").selectOption("4x3");
    await expect(page).toHaveURL(/ratio=4x3/);
    await expect(page.getByTestId("gallery-tile")).toHaveCount(1);
    await page.reload();
    await expect(page.getByTestId("gallery-tile")).toHaveCount(1);

    await page.goto("/?atleast=3840x2160");
    await expect(page.getByTestId("gallery-tile")).toHaveCount(1);
    await expect(page.locator("label:has-text('At least') select")).toHaveValue("3840x2160");

    const [waves] = (await search(page, "ratio:4x3")).items;
    const dominant = (waves?.colors[0] ?? "").replace("#", "");
    await page.goto(`/?color=${dominant}`);
    const colored = page.getByTestId("gallery-tile");
    await expect(colored.first()).toBeVisible();
    expect(await colored.count()).toBeLessThan(files.length);
    await expect(page.locator(`[data-testid=gallery-tile][data-id="${waves?.id}"]`)).toBeVisible();

    await page.goto("/?q=ratio:");
    await expect(page.getByTestId("gallery-error")).toContainText("Filter without a value");
    await page.goto("/?tags=no_such_tag_anywhere");
    await expect(page.getByTestId("gallery-empty")).toBeVisible();
  });

  test("keyboard opens a wallpaper; the page shows palette, quality, tags, similar, and sized downloads", async ({
    page,
  }, testInfo) => {
    // Originals at least QHD, so "my screen" (1920x1080 in this browser) never needs upscaling.
    await page.goto("/?atleast=2560x1440");
    const tiles = page.getByTestId("gallery-tile");
    await tiles.first().focus();
    await page.keyboard.press("ArrowRight");
    await expect(tiles.nth(1)).toBeFocused();
    const id = await tiles.nth(1).getAttribute("data-id");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/wallpapers/${id}$`));
    await expect(page.getByTestId("palette-color").first()).toBeVisible();
    await expect(page.getByTestId("quality-score")).toHaveText(/\d+/);
    await expect(page.getByTestId("quality-sharpness")).toBeVisible();
    await expect(page.getByTestId("wallpaper-tags")).toBeVisible();
    // Four unrelated wallpapers may have nothing close enough: the section says so instead of tiles.
    const similar = page.getByTestId("wallpaper-similar");
    await expect(similar).toBeVisible();
    await expect(
      similar.getByTestId("similar-tile").first().or(similar.getByText("Nothing close enough yet.")),
    ).toBeVisible();

    const mine = page.getByTestId("download-my-screen");
    const size = (await mine.getAttribute("data-size")) ?? "";
    const screenSize = await page.evaluate((): number[] => [
      window.screen.width * window.devicePixelRatio,
      window.screen.height * window.devicePixelRatio,
    ]);
    expect(size).toBe(`${screenSize[0]}x${screenSize[1]}`);
    const started = Date.now();
    const download = await page.request.get((await mine.getAttribute("href")) ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain(`-${size}.jpg`);
    const meta = await sharp(await download.body()).metadata();
    expect(`${meta.width}x${meta.height}`).toBe(size);
    testInfo.annotations.push({
      type: "rendition",
      description: `${size} cover JPEG in ${Date.now() - started} ms`,
    });
    const cached = await page.request.get((await mine.getAttribute("href")) ?? "");
    expect(cached.headers()["x-media-cache"]).toBe("hit");

    await expect(page.locator("[data-testid=wallpaper-stage] .picture")).toHaveAttribute(
      "data-loaded",
      "true",
      {
        timeout: 15_000,
      },
    );
    await page.screenshot({ path: testInfo.outputPath("wallpaper-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("wallpaper-phone.png"), fullPage: true });
  });
});
