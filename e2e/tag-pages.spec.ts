import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { trpc } from "./support/trpc.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Tags people can read (issue #17): a visitor opens a tag from a wallpaper, reads its description (a
// small safe markup: links to tags, everything else text), follows a related tag; a misspelt tag in the
// query bar offers the right one and one click fixes the query. At desktop and phone sizes.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

const hostile = "<img src=x onerror=window.__xss=1>";
const description = `Water falling from a height, often in a [[forest]] or [[Cascades|the cascades]].\n\nNot to be confused with [[no_such_tag_yet]]. ${hostile}`;
// A tag name may hold < > = / (normalized: lower case, `_` for spaces); its page shows it as text.
// Not the name xss.spec.ts creates: both specs run against one database.
const hostileName = "<img_src=tp_onerror=window._xss=1>";
const state = { ids: [] as string[] };

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

/**
 * The wallpapers an earlier attempt tagged: CI retries a failed serial group in the same database, so
 * the seed first takes its tags off them and the counts below stay those of this attempt's three.
 */
async function clearEarlierAttempts(page: Page) {
  for (const name of ["cascade", "waterfall", "forest", "river"]) {
    const input = encodeURIComponent(JSON.stringify({ json: { q: name, limit: 100 } }));
    const response = await page.request.get(`/api/trpc/wallpaper.search?input=${input}`);
    if (response.status() !== 200) continue; // no such tag yet: the first attempt
    const found = (await response.json()) as { result: { data: { json: { items: { id: string }[] } } } };
    for (const { id } of found.result.data.json.items)
      await trpc(page.request, "wallpaper.setTags", { wallpaperId: id, remove: [name] }, "mutation");
  }
}

test("seed: three wallpapers, tags with a description, an alias and an implication", async ({ page }) => {
  await signIn(page);
  await clearEarlierAttempts(page);
  const files = await Promise.all(["tp-a.jpg", "tp-b.jpg", "tp-c.jpg"].map((name) => uniqueJpeg(name)));
  const ids = await uploadThroughPage(page, files);
  state.ids = ["tp-a.jpg", "tp-b.jpg", "tp-c.jpg"].map((name) => ids[name] ?? "");
  await expect
    .poll(
      async () =>
        (
          await trpc<{ items: { id: string }[] }>(page.request, "wallpaper.search", { limit: 100 }, "query")
        ).items.map((item) => item.id),
      { timeout: 90_000, intervals: [500] },
    )
    .toEqual(expect.arrayContaining(state.ids));

  await trpc(page.request, "tag.create", { name: "waterfall", description }, "vocabulary");
  await trpc(
    page.request,
    "tag.create",
    { name: "forest", description: "Trees, lots of them." },
    "vocabulary",
  );
  await trpc(page.request, "tag.create", { name: "cascade", category: "subject" }, "vocabulary");
  await trpc(page.request, "tag.alias.add", { alias: "cascades", tag: "cascade" }, "vocabulary");
  await trpc(page.request, "tag.alias.add", { alias: "waterfalls", tag: "waterfall" }, "vocabulary");
  await trpc(
    page.request,
    "tag.implication.add",
    { antecedent: "cascade", consequent: "waterfall" },
    "vocabulary",
  );
  await trpc(
    page.request,
    "tag.create",
    { name: hostileName, description: `See [[${hostileName}]].` },
    "vocabulary",
  );
  const tagsOf = [["waterfall", "forest", hostileName], ["cascade", "forest", "river"], ["forest"]];
  for (const [index, add] of tagsOf.entries())
    await trpc(page.request, "wallpaper.setTags", { wallpaperId: state.ids[index], add }, "mutation");
});

async function expectNoInjection(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
}

for (const size of sizes) {
  test.describe(`tag pages at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a visitor opens a tag from a wallpaper, reads its description and follows a related tag", async ({
      page,
    }) => {
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${state.ids[0]}`);
      await page.getByTestId("wallpaper-tag").filter({ hasText: "waterfall" }).first().click();
      await expect(page).toHaveURL(/\/tags\/waterfall$/u);
      await expect(page.getByTestId("tag-page-title")).toHaveText("waterfall");
      await expect(page.getByTestId("tag-page-count")).toHaveText("2 wallpapers");

      // The description: links to tags (an alias links to its tag), the rest as typed, markup included.
      const about = page.getByTestId("tag-description");
      await expect(about).toContainText("Water falling from a height");
      await expect(about).toContainText(hostile);
      await expect(about.getByRole("link", { name: "the cascades" })).toHaveAttribute(
        "href",
        "/tags/cascade",
      );
      await expect(about.getByRole("link", { name: "forest" })).toHaveAttribute("href", "/tags/forest");
      await expect(about.locator("p")).toHaveCount(2);
      await expectNoInjection(page);

      // Aliases, implications both ways and the wallpapers in the gallery's tiles.
      await expect(page.getByTestId("tag-implied-by")).toContainText("cascade");
      await expect(page.getByTestId("tag-aliases")).toContainText("waterfalls");
      await expect(page.getByTestId("tag-newest").getByTestId("gallery-tile")).toHaveCount(2);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tag-page.png`), fullPage: true });
      await expectNoOverflow(page);

      // forest shares both of waterfall's wallpapers.
      const related = page.getByTestId("tag-related").locator("li").filter({ hasText: "forest" });
      await expect(related).toContainText("2");
      await related.getByTestId("related-tag").click();
      await expect(page).toHaveURL(/\/tags\/forest$/u);
      await expect(page.getByTestId("tag-description")).toHaveText("Trees, lots of them.");
      await expect(page.getByTestId("tag-newest").getByTestId("gallery-tile")).toHaveCount(3);
      await expectNoOverflow(page);

      // An alias has one address: its tag's.
      await page.goto("/tags/Waterfalls");
      await expect(page).toHaveURL(/\/tags\/waterfall$/u);
      // A misspelt address offers the tag it probably meant.
      await page.goto("/tags/waterfal");
      await expect(page.getByTestId("tag-unknown-suggestions")).toContainText("Did you mean waterfall?");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tag-unknown.png`) });
      await expectNoOverflow(page);
      // The index: counts, a category filter, sorts.
      // Only subject tags: cascade, never the general waterfall (the detect step may have made subject
      // tags of its own from other specs' pictures, so the list is not cascade alone).
      await page.goto("/tags?category=subject");
      const subjects = page.getByTestId("tag-index-item");
      await expect(subjects.and(page.locator('[data-tag="cascade"]'))).toHaveCount(1);
      await expect(subjects.and(page.locator('[data-tag="waterfall"]'))).toHaveCount(0);
      await page.goto("/tags");
      await expect(page.getByTestId("tag-index-item").first()).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tag-index.png`), fullPage: true });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });

    test("a hostile tag name is text on its page, in its title and in its links", async ({ page }) => {
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${state.ids[0]}`);
      await page.getByTestId("wallpaper-tag").filter({ hasText: hostileName }).click();
      await expect(page.getByTestId("tag-page-title")).toHaveText(hostileName.replace(/_/gu, " "));
      await expect(page.getByTestId("tag-description").getByRole("link")).toHaveText(hostileName);
      expect(await page.title()).toContain(hostileName);
      await expectNoInjection(page);
      const html = await (await page.request.get(page.url())).text();
      expect(html).not.toContain("<img_src=x");
      expect(problems).toEqual([]);
    });

    test("a misspelt tag in the query bar offers the right one; one click fixes the query", async ({
      page,
    }) => {
      const problems = watchForProblems(page);
      await page.goto("/");
      const box = page.getByLabel("Query");
      await box.fill("waterfal");
      await box.press("Enter");
      await expect(page).toHaveURL(/[?&]q=waterfal(&|$)/u);
      await expect(page.getByTestId("unknown-tags")).toContainText("No tag is called waterfal.");
      const fix = page.getByTestId("did-you-mean").filter({ hasText: /^waterfall$/u });
      await expect(fix).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`${size.name}-did-you-mean.png`) });
      await fix.click();
      await expect(page).toHaveURL(/[?&]q=waterfall(&|$)/u);
      await expect(box).toHaveValue("waterfall");
      await expect(page.getByTestId("gallery-tile")).toHaveCount(2);
      await expect(page.getByTestId("unknown-tags")).toHaveCount(0);
      await expectNoOverflow(page);

      // The tag combobox: nothing starts with "forets", so it offers the close names instead.
      await page.getByRole("button", { name: /More filters/u }).click();
      const tagBox = page.getByRole("combobox", { name: "Tag" });
      await tagBox.fill("forets");
      await expect(page.getByTestId("autocomplete-did-you-mean").getByRole("option").first()).toContainText(
        "forest",
      );
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });
  });
}
