import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import {
  describeShifts,
  layoutShifts,
  recordLayoutShifts,
  type Shift,
  shiftTotal,
} from "./support/layout-shift.ts";
import { trpc } from "./support/trpc.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// The frame every page shares (header, footer, icons, error messages) and every page a visitor or an
// admin opens, at a desktop and a phone size: no sideways scrolling, no console errors, no failed
// requests, and a screenshot of each to look at.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const publicPages = [
  "/",
  "/upload",
  "/sign-in",
  "/favorites",
  "/tags",
  "/tags/requests",
  "/developers/api",
] as const;
const signedInPages = [
  "/",
  "/upload",
  "/account",
  "/favorites",
  "/collections",
  "/settings",
  "/tags/requests",
  "/admin/users",
  "/admin/tags",
  "/admin/tag",
  "/admin/tag-requests",
  "/admin/bulk",
  "/admin/duplicates",
  "/admin/moderation",
  "/admin/jobs",
  "/admin/system",
] as const;

interface Problems {
  list: string[];
}

/** Collects what a visitor would call broken: console errors, uncaught errors, failed requests. */
function watch(page: Page, allowed: (url: string) => boolean = () => false): Problems {
  const problems: Problems = { list: [] };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url;
    if (!allowed(url) && !allowed(message.text())) problems.list.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.list.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // A navigation cancels the old page's prefetches and streams; that is not a failure anyone sees.
    if (failure === "net::ERR_ABORTED") return;
    problems.list.push(`requestfailed: ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !allowed(response.url())) {
      problems.list.push(`${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  // Client components fetch after hydration; give them a moment to render what they fetched.
  await page.waitForTimeout(800);
}

function slug(path: string): string {
  return path === "/" ? "home" : path.slice(1).replace(/\//gu, "-").slice(0, 40);
}

async function visitAll(page: Page, paths: readonly string[], label: string, problems: Problems) {
  for (const path of paths) {
    await test.step(path, async () => {
      problems.list.length = 0;
      await page.goto(path);
      await settle(page);
      await page.screenshot({ path: test.info().outputPath(`${label}-${slug(path)}.png`), fullPage: true });
      expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(problems.list, `${path} has errors`).toEqual([]);
    });
  }
}

async function signedInContext(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  await signIn(await context.newPage());
  return context;
}

/** The home page's layout shifts from its first paint, two seconds after it loaded. */
async function homeShifts(context: BrowserContext): Promise<Shift[]> {
  const page = await context.newPage();
  await recordLayoutShifts(page);
  await page.goto("/");
  await page.waitForLoadState("load");
  await page.waitForTimeout(2000);
  const shifts = await layoutShifts(page);
  await page.close();
  return shifts;
}

for (const size of sizes) {
  test.describe(`site frame at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test("public pages: no overflow, no errors, no failed requests", async ({ page }) => {
      const problems = watch(page);
      await visitAll(page, publicPages, `${size.name}-public`, problems);
      // The footer is for people: the developer endpoints live on the admin system page.
      await expect(page.locator(".site-footer a[href^='/api/']")).toHaveCount(0);
    });

    test("signed-in pages, each admin page included", async ({ browser }) => {
      const context = await signedInContext(browser, size.viewport);
      const page = await context.newPage();
      // A wallpaper of its own, so the gallery, the tagging workbench and the jobs have something to show.
      const name = `site-frame-${size.name}.jpg`;
      const ids = await uploadThroughPage(page, [await uniqueJpeg(name)]);
      // And a collection with a long name: its row must shrink the name, not widen the list past a phone.
      const collection = await trpc<{ id: string }>(
        page.request,
        "collection.create",
        { name: `Wallpapers for the ${size.name} with a name much longer than its row on a phone` },
        "mutation",
      );
      const problems = watch(page);
      // Its own page, and its tagging workbench (the widest admin page).
      const id = ids[name];
      await visitAll(
        page,
        [...signedInPages, `/wallpapers/${id}`, `/admin/tag/${id}`, `/collections/${collection.id}`],
        `${size.name}-admin`,
        problems,
      );
      await context.close();
    });

    test("the header is one row and does not move when the session loads", async ({ browser }) => {
      const anonymous = await browser.newContext({ viewport: size.viewport });
      const signedIn = await signedInContext(browser, size.viewport);
      for (const [who, context] of [
        ["signed out", anonymous],
        ["signed in", signedIn],
      ] as const) {
        const shifts = await homeShifts(context);
        const cls = shiftTotal(shifts);
        test.info().annotations.push({ type: "cls", description: `${size.name} ${who}: ${cls.toFixed(4)}` });
        // Nothing moves while the page loads, the session's header and the grid streaming in included.
        expect(cls, `CLS on the home page ${who}; shifts:\n${describeShifts(shifts)}`).toBeLessThan(0.02);

        const page = await context.newPage();
        await page.goto("/");
        const header = page.locator(".site-header");
        const items = header.locator(":scope > a, :scope > nav, :scope > .user-menu");
        const boxes = await items.evaluateAll((elements) =>
          elements.map((element) => element.getBoundingClientRect()),
        );
        // One row: every part of the header overlaps the same horizontal band.
        const top = Math.max(...boxes.map((box) => box.top));
        const bottom = Math.min(...boxes.map((box) => box.bottom));
        expect(bottom - top, `header parts share a row (${who})`).toBeGreaterThan(0);
        expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(80);
        await page.close();
      }
      await anonymous.close();
      await signedIn.close();
    });
  });
}

test.describe("icons and manifest", () => {
  test("favicon, app icons and the web manifest are served", async ({ page, request }) => {
    const problems = watch(page);
    await page.goto("/");
    await settle(page);
    expect(problems.list).toEqual([]);
    const linked = await page
      .locator("link[rel='icon'], link[rel='apple-touch-icon'], link[rel='manifest']")
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(linked.length).toBeGreaterThanOrEqual(3);

    for (const url of ["/favicon.ico", ...linked]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
    }
    const manifestUrl = linked.find((url) => url.includes("manifest"));
    expect(manifestUrl).toBeDefined();
    const manifest = (await (await request.get(manifestUrl ?? "")).json()) as {
      name?: string;
      icons?: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe("WallpaperDB");
    expect(manifest.icons?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const icon of manifest.icons ?? []) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toBe(icon.type);
    }
    // A real ICO (header 00 00 01 00), for the clients that ask for it by name.
    const favicon = await request.get("/favicon.ico");
    expect(favicon.headers()["content-type"]).toBe("image/x-icon");
    expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});

test.describe("error messages", () => {
  test.use({ viewport: sizes[1].viewport });

  test("a broken search says what is wrong in words, inside its box", async ({ page }) => {
    // The search's 400 answer (and the browser's note about it) is the point of this test.
    const problems = watch(page, (url) => url.includes("wallpaper.search") || url.includes("400"));
    const word = "a".repeat(400);
    await page.goto(`/?q=${word}`);
    const error = page.getByTestId("gallery-error");
    await expect(error).toBeVisible();
    await expect(error).toContainText("Not a tag name");
    await expect(error).not.toContainText("invalid_tag");
    await page.screenshot({ path: test.info().outputPath("phone-query-error.png"), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const box = await error.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(390);
    expect(problems.list).toEqual([]);
  });
});
