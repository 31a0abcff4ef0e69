import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { dragFilesOnto, expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Per-account settings and purity, as people meet them: a tag blacklist set in /settings hides a tagged
// wallpaper from the gallery and from /api/random; the uploader sets purity at upload and on the page;
// signed out, an nsfw wallpaper is in no gallery, its page is not found and random never picks it.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

test.setTimeout(180_000);

async function trpc<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  mutation = false,
): Promise<T> {
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Waits until processing finished (search, random and the gallery list it only then). */
async function waitProcessed(page: Page, id: string) {
  await expect(async () => {
    const record = await trpc<{ visible: boolean }>(page.request, "wallpaper.byId", { wallpaperId: id });
    expect(record.visible).toBe(true);
  }).toPass({ timeout: 90_000 });
}

const tileOf = (page: Page, id: string) => page.locator(`[data-testid=gallery-tile][data-id="${id}"]`);

for (const size of sizes) {
  test.describe(`settings and purity at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a blacklisted tag disappears from the gallery and from /api/random", async ({ page }) => {
      await signIn(page);
      const tag = `spoiler_${size.name}_${Date.now().toString(36)}`;
      const name = `blacklist-${size.name}.jpg`;
      const id = (await uploadThroughPage(page, [await uniqueJpeg(name)]))[name] ?? "";
      await trpc(page.request, "wallpaper.setTags", { wallpaperId: id, add: [tag] }, true);
      await waitProcessed(page, id);
      const problems = watchForProblems(page);

      await page.goto(`/?tags=${tag}`);
      await expect(tileOf(page, id)).toBeVisible();
      const before = await page.request.get(`/api/random?q=${tag}`, { maxRedirects: 0 });
      expect(before.status()).toBe(302);
      expect(before.headers().location).toContain(id);

      // From the account page to the settings.
      await page.goto("/account");
      await page.getByTestId("account-settings-link").click();
      await expect(page).toHaveURL("/settings");
      const input = page.getByLabel("Hide wallpapers tagged");
      await input.fill(tag);
      await expect(page.getByRole("option").first()).toContainText(tag);
      await input.press("Enter");
      await expect(page.getByRole("button", { name: `Remove tag ${tag}` })).toBeVisible();
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByTestId("settings-saved")).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-settings.png`), fullPage: true });
      await expectNoOverflow(page);

      // Kept on the server: a reload shows it, the gallery and random leave the wallpaper out.
      await page.reload();
      await expect(page.getByRole("button", { name: `Remove tag ${tag}` })).toBeVisible();
      await page.goto(`/?tags=${tag}`);
      await expect(page.getByTestId("gallery-grid").or(page.locator("main"))).toBeVisible();
      await expect(tileOf(page, id)).toHaveCount(0);
      const after = await page.request.get(`/api/random?q=${tag}`, { maxRedirects: 0 });
      expect(after.status()).toBe(404);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-gallery-blacklisted.png`) });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });

    test("the uploader sets purity at upload and on the page; signed out, nsfw is nowhere", async ({
      page,
      browser,
    }) => {
      await signIn(page);
      // At upload: NSFW for the next files.
      await page.goto("/upload");
      const nsfwName = `nsfw-${size.name}.jpg`;
      // Nothing chosen until the uploader picks: "Auto" lets the content model suggest one.
      await expect(page.getByTestId("upload-purity").getByLabel("Auto", { exact: true })).toBeChecked();
      await page.getByTestId("upload-purity").getByLabel("NSFW", { exact: true }).check();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-upload-purity.png`) });
      await expectNoOverflow(page);
      const [file] = await dragFilesOnto(page.getByTestId("dropzone"), [await uniqueJpeg(nsfwName)]);
      const row = page.locator(`[data-testid=upload-row][data-filename="${file?.name ?? nsfwName}"]`);
      await expect(row).toHaveAttribute("data-state", "added", { timeout: 60_000 });
      const nsfwId =
        (await row.getByRole("link", { name: "wallpaper", exact: true }).getAttribute("href"))?.replace(
          /^\/wallpapers\//,
          "",
        ) ?? "";
      await waitProcessed(page, nsfwId);

      // On the page: the uploader sees it and changes another one's purity with one tap.
      await page.goto(`/wallpapers/${nsfwId}`);
      const control = page.getByTestId("wallpaper-purity");
      await expect(control.getByLabel("NSFW", { exact: true })).toBeChecked();
      const sketchyName = `sketchy-${size.name}.jpg`;
      const sketchyId = (await uploadThroughPage(page, [await uniqueJpeg(sketchyName)]))[sketchyName] ?? "";
      await waitProcessed(page, sketchyId);
      await page.goto(`/wallpapers/${sketchyId}`);
      const problems = watchForProblems(page);
      await expect(control.getByLabel("SFW", { exact: true })).toBeChecked();
      await control.getByLabel("Sketchy").check();
      await expect(async () => {
        const record = await trpc<{ purity: string }>(page.request, "wallpaper.byId", {
          wallpaperId: sketchyId,
        });
        expect(record.purity).toBe("sketchy");
      }).toPass({ timeout: 10_000 });
      await page.reload();
      await expect(control.getByLabel("Sketchy")).toBeChecked();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-wallpaper-purity.png`) });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);

      // Signed out: not in the gallery, the page and its media are not found, random never picks them.
      const visitor = await (await browser.newContext({ viewport: size.viewport })).newPage();
      await visitor.goto("/");
      await expect(visitor.locator("[data-testid=gallery-tile]").first()).toBeVisible();
      await expect(tileOf(visitor, nsfwId)).toHaveCount(0);
      await expect(tileOf(visitor, sketchyId)).toHaveCount(0);
      for (const id of [nsfwId, sketchyId]) {
        expect((await visitor.goto(`/wallpapers/${id}`))?.status()).toBe(404);
        expect((await visitor.request.get(`/media/${id}/thumb.jpeg`)).status()).toBe(404);
      }
      for (let seed = 1; seed <= 25; seed += 1) {
        const pick = await visitor.request.get(`/api/random?seed=${seed}`, { maxRedirects: 0 });
        const location = pick.headers().location ?? "";
        expect(location).not.toContain(nsfwId);
        expect(location).not.toContain(sketchyId);
      }
      await visitor.context().close();

      // An account that opted in to every purity finds them in the gallery, each tile marked.
      const adult = await (
        await browser.newContext({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch })
      ).newPage();
      const stamp = `${size.name}-${Date.now().toString(36)}`;
      await signUp(adult, {
        name: `Opted in ${stamp}`,
        email: `opted-${stamp}@example.test`,
        password: "opted-in-password-1",
      });
      await trpc(adult.request, "settings.update", { purities: ["sfw", "sketchy", "nsfw"] }, true);
      await adult.goto("/");
      await expect(tileOf(adult, nsfwId)).toBeVisible();
      const mark = (id: string) => adult.locator(`.gallery-tile:has([data-id="${id}"]) .tile-purity`);
      await expect(mark(nsfwId)).toHaveText("NSFW");
      await expect(mark(sketchyId)).toHaveText("Sketchy");
      await expect(tileOf(adult, nsfwId)).toHaveAttribute("aria-label", /NSFW/);
      await adult.screenshot({ path: test.info().outputPath(`${size.name}-gallery-purity-marks.png`) });
      await adult.context().close();
    });
  });
}
