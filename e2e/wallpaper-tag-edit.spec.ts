import { expect, test } from "@playwright/test";
import { signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { trpc } from "./support/trpc.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Tag editing where the picture is (issue #17): a curator edits a wallpaper's tags on its page with the
// shared combobox, sees each name in its normalized form before adding it, is offered the close name
// for a typo, saves, and the panel shows the saved tags without a reload. A visitor sees no editor.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;
const state = { ids: {} as Record<string, string> };

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test("seed: one wallpaper per size with two tags, and the tags to add", async ({ page }) => {
  await signIn(page);
  const names = sizes.map((size) => `te-${size.name}.jpg`);
  const ids = await uploadThroughPage(page, await Promise.all(names.map((name) => uniqueJpeg(name))));
  for (const [index, size] of sizes.entries()) state.ids[size.name] = ids[names[index] ?? ""] ?? "";
  const wanted = Object.values(state.ids);
  await expect
    .poll(
      async () =>
        (
          await trpc<{ items: { id: string }[] }>(page.request, "wallpaper.search", { limit: 100 }, "query")
        ).items.map((item) => item.id),
      { timeout: 90_000, intervals: [500] },
    )
    .toEqual(expect.arrayContaining(wanted));
  await trpc(page.request, "tag.create", { name: "lighthouse_at_dusk" }, "vocabulary");
  await trpc(page.request, "tag.create", { name: "seascape_cliffs" }, "vocabulary");
  for (const wallpaperId of wanted)
    await trpc(
      page.request,
      "wallpaper.setTags",
      { wallpaperId, add: ["te_meadow", "te_old_tag"] },
      "mutation",
    );
});

for (const size of sizes) {
  test.describe(`wallpaper tag editing at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a curator adds and removes tags on the wallpaper page and saves", async ({ page }) => {
      await signIn(page);
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${state.ids[size.name]}`);
      const panel = page.getByTestId("wallpaper-tags");
      await expect(panel.getByTestId("wallpaper-tag").filter({ hasText: "te_old_tag" })).toBeVisible();
      await panel.getByRole("button", { name: "Edit tags" }).click();
      const editor = panel.getByTestId("tag-editor");
      const box = editor.getByRole("combobox", { name: "Add tag" });
      const preview = editor.getByTestId("tag-edit-preview");
      await expect(box).toBeFocused();

      // The shared autocomplete: a prefix finds the tag, Enter adds the highlighted completion.
      await box.fill("Lighthouse");
      await expect(editor.getByRole("option").filter({ hasText: "lighthouse_at_dusk" })).toBeVisible();
      await expect(preview).toHaveText("As typed, saved as lighthouse");
      await box.press("Enter");
      const chips = editor.getByTestId("tag-edit-chip");
      await expect(chips.filter({ hasText: "lighthouse_at_dusk" })).toHaveAttribute("data-added", "true");
      await expect(chips.filter({ hasText: "lighthouse_at_dusk" }).getByTestId("tag-edit-new")).toHaveCount(
        0,
      );

      // The normalized form before adding: "Bad Tag!" is shown as the normalizer saves it.
      await box.fill("Bad Tag!");
      await expect(preview).toHaveText("As typed, saved as bad_tag!");
      // A name the normalizer refuses says why, before and after Enter, and nothing is added.
      await box.fill("-sky");
      await expect(preview).toContainText("cannot start with - or ~");
      await box.press("Enter");
      await expect(editor.getByRole("alert")).toContainText("cannot start with - or ~");
      await expect(chips).toHaveCount(3);

      // A typo, added with a comma, is a new tag with the close name offered; one click swaps it. The old
      // error goes away with this later success.
      await box.fill("seascape_clifs");
      await box.press(",");
      const typo = chips.filter({ hasText: "seascape_clifs" });
      await expect(typo.getByTestId("tag-edit-new")).toHaveText("new");
      const notice = editor.getByTestId("tag-edit-new-notice");
      await expect(notice).toContainText("seascape_clifs is not a tag yet; saving creates it.");
      await expect(editor.getByRole("alert")).toHaveCount(0);
      await box.fill("Bad Tag!");
      await panel.screenshot({ path: test.info().outputPath(`${size.name}-tag-panel-typo.png`) });
      await notice.getByTestId("tag-edit-did-you-mean").filter({ hasText: "seascape_cliffs" }).click();
      await expect(chips.filter({ hasText: "seascape_cliffs" })).toHaveAttribute("data-added", "true");
      await expect(chips.filter({ hasText: "seascape_clifs" })).toHaveCount(0);
      await expect(notice).toHaveCount(0);

      await box.fill("");
      await editor.getByRole("button", { name: "Remove tag te_old_tag" }).click();
      await expect(chips.filter({ hasText: "te_old_tag" })).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tag-editor.png`), fullPage: true });
      await expectNoOverflow(page);

      // Save: the panel shows the saved tags without a reload (the navigation count stays at one).
      const url = page.url();
      await editor.getByRole("button", { name: "Save tags" }).click();
      await expect(panel.getByTestId("tag-editor")).toHaveCount(0);
      const links = panel.getByTestId("wallpaper-tag");
      await expect(links.filter({ hasText: "lighthouse_at_dusk" })).toBeVisible();
      await expect(links.filter({ hasText: "seascape_cliffs" })).toBeVisible();
      await expect(links.filter({ hasText: "te_meadow" })).toBeVisible();
      await expect(links.filter({ hasText: "te_old_tag" })).toHaveCount(0);
      expect(page.url()).toBe(url);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-tags-saved.png`), fullPage: true });
      await expectNoOverflow(page);

      // Saved for real: the tag page link works and lists this wallpaper.
      await links.filter({ hasText: "lighthouse_at_dusk" }).click();
      await expect(page).toHaveURL(/\/tags\/lighthouse_at_dusk$/u);
      await expect(page.getByTestId("tag-page-title")).toHaveText("lighthouse at dusk");
      await expect(page.getByTestId("tag-newest").getByTestId("gallery-tile").first()).toBeVisible();
      expect(problems).toEqual([]);
    });

    test("another member, neither uploader nor curator, sees no editor", async ({ page }) => {
      const stamp = `${size.name}-${Date.now()}`;
      await signUp(page, {
        name: `Tag Reader ${stamp}`,
        email: `te-${stamp}@example.test`,
        password: "a long enough passphrase",
      });
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${state.ids[size.name]}`);
      await expect(page.getByTestId("wallpaper-tag").filter({ hasText: "te_meadow" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Edit tags" })).toHaveCount(0);
      expect(problems).toEqual([]);
    });

    test("a signed-out visitor sees the tags and no editor", async ({ page }) => {
      const problems = watchForProblems(page);
      await page.goto(`/wallpapers/${state.ids[size.name]}`);
      const panel = page.getByTestId("wallpaper-tags");
      await expect(
        panel.getByTestId("wallpaper-tag").filter({ hasText: "lighthouse_at_dusk" }),
      ).toBeVisible();
      await expect(panel.getByRole("button", { name: "Edit tags" })).toHaveCount(0);
      await expect(page.getByRole("combobox", { name: "Add tag" })).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-visitor.png`) });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });
  });
}
