import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// Browsing the gallery as wallhaven users would: Back undoes filters, the first screen is full of
// wallpapers, badges show on touch screens, and a swatch click picks one colour.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
];
// Enough 16:10 wallpapers to fill more than one desktop screen of tiles.
const SEEDED = 24;

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let problems: string[] = [];

function watchProblems(page: Page): void {
  problems = watchForProblems(page);
}

async function expectNoOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const historyLength = (page: Page) => page.evaluate(() => window.history.length);
const tiles = (page: Page) => page.getByTestId("gallery-tile");

async function openMore(page: Page): Promise<void> {
  const more = page.getByRole("button", { name: /^More filters/ });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
}

test("seeds enough landscape wallpapers to fill a screen", async ({ page }) => {
  await signIn(page);
  const names = Array.from({ length: SEEDED }, (_, i) => `browse-${i}.jpg`);
  const byName = await uploadThroughPage(page, await Promise.all(names.map(uniqueJpeg)));
  const ids = names.map((name) => byName[name] ?? "");
  await expect(async () => {
    await page.goto("/?orientation=landscape");
    const shown = await tiles(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-id")));
    expect(ids.filter((id) => shown.includes(id))).toHaveLength(SEEDED);
  }).toPass({ timeout: 180_000, intervals: [2_000] });
});

for (const size of sizes) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
    test.beforeEach(({ page }) => watchProblems(page));
    test.afterEach(async ({ page }) => {
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });

    test("Back walks back through three filter changes; typing replaces one entry", async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      await expect(tiles(page).first()).toBeVisible();
      const start = await historyLength(page);
      await openMore(page);

      await page.getByLabel("Ratio").selectOption("16x10");
      await expect.poll(() => param(page, "ratio")).toBe("16x10");
      await page.getByLabel("Type").selectOption("image");
      await expect.poll(() => param(page, "type")).toBe("image");
      await page.getByLabel("Sort").selectOption("quality");
      await expect.poll(() => param(page, "sort")).toBe("quality");
      await expect(tiles(page).first()).toBeVisible();
      expect(await historyLength(page)).toBe(start + 3);
      await page.screenshot({ path: testInfo.outputPath(`filtered-${size.name}.png`) });

      // Each Back undoes one change; the controls and the grid follow the URL.
      await page.goBack();
      await expect.poll(() => param(page, "sort")).toBeNull();
      await expect(page.getByLabel("Sort")).toHaveValue("newest");
      await expect(page.getByLabel("Type")).toHaveValue("image");
      await page.goBack();
      await expect.poll(() => param(page, "type")).toBeNull();
      await expect(page.getByLabel("Type")).toHaveValue("");
      await expect(page.getByLabel("Ratio")).toHaveValue("16x10");
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByLabel("Ratio")).toHaveValue("");
      await expect(tiles(page).first()).toBeVisible();

      // Typing writes the URL after a pause, into one history entry, and keeps the focus in the box.
      const query = page.getByLabel("Query", { exact: true });
      await query.pressSequentially("ratio:16x10", { delay: 30 });
      await expect.poll(() => param(page, "q")).toBe("ratio:16x10");
      await expect(query).toBeFocused();
      await query.pressSequentially(" type:image", { delay: 30 });
      await expect.poll(() => param(page, "q")).toBe("ratio:16x10 type:image");
      await query.press("Enter");
      await expect(tiles(page).first()).toBeVisible();
      // The first pause of the spell pushed and the rest replaced it: one Back returns to the view before.
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await expect(query).toHaveValue("");
    });

    test("the first screen is full of wallpapers, with their badges on touch screens", async ({
      page,
    }, testInfo) => {
      await page.goto("/?orientation=landscape");
      await expect(tiles(page).nth(SEEDED - 1)).toBeAttached();
      await expect(page.locator("[data-testid=gallery-tile] .picture[data-loaded=true]").first()).toBeVisible(
        {
          timeout: 15_000,
        },
      );
      // Tiles whose whole box is inside the first screen.
      const visible = await tiles(page).evaluateAll(
        (els) =>
          els.filter((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
          }).length,
      );
      const bar = await page.getByRole("region", { name: "Filters" }).boundingBox();
      testInfo.annotations.push({
        type: "density",
        description: `${visible} whole tiles above the fold at ${size.viewport.width}x${size.viewport.height}; filter bar ${Math.round(bar?.height ?? 0)} px`,
      });
      if (size.name === "desktop") {
        expect(visible).toBeGreaterThanOrEqual(20);
        expect(bar?.height ?? 0).toBeLessThanOrEqual(64);
      } else {
        expect(visible).toBeGreaterThanOrEqual(8);
      }
      // Without hover (touch) the resolution badge is always shown, and large enough to read.
      const meta = tiles(page).first().locator(".gallery-tile-meta");
      const style = await meta.evaluate((el) => ({
        opacity: getComputedStyle(el).opacity,
        fontSize: Number.parseFloat(getComputedStyle(el).fontSize),
      }));
      expect(style.opacity).toBe(size.touch ? "1" : "0");
      expect(style.fontSize).toBeGreaterThanOrEqual(12);
      await expect(meta).toContainText("640×400");
      await page.screenshot({ path: testInfo.outputPath(`first-screen-${size.name}.png`) });
    });

    test("a swatch picks one colour; adding another is explicit and says AND in words", async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      await openMore(page);
      const swatches = page.getByTestId("color-swatch");
      const hex = async (index: number) => (await swatches.nth(index).getAttribute("data-hex")) ?? "";
      const [first, second, third] = [await hex(0), await hex(1), await hex(2)];
      const rule = page.getByTestId("color-rule");

      await swatches.nth(0).click();
      await expect.poll(() => param(page, "color")).toBe(first);
      await swatches.nth(1).click();
      await expect.poll(() => param(page, "color")).toBe(second);
      await expect(swatches.nth(0)).toHaveAttribute("aria-pressed", "false");
      await expect(swatches.nth(1)).toHaveAttribute("aria-pressed", "true");

      await swatches.nth(0).click({ modifiers: ["Shift"] });
      await expect.poll(() => param(page, "color")).toBe(`${second},${first}`);
      await expect(rule).toContainText("all of");

      await page.getByRole("button", { name: "+ add colour" }).click();
      await expect(rule).toContainText("must contain every chosen colour");
      await swatches.nth(2).click();
      await expect.poll(() => param(page, "color")).toBe(`${second},${first},${third}`);
      await page.screenshot({ path: testInfo.outputPath(`colours-${size.name}.png`) });

      // A plain click goes back to one colour; clicking it again clears the colour filter.
      await swatches.nth(2).click();
      await expect.poll(() => param(page, "color")).toBe(third);
      await swatches.nth(2).click();
      await expect.poll(() => param(page, "color")).toBeNull();
      await page.goBack();
      await expect.poll(() => param(page, "color")).toBe(third);
    });
  });
}
