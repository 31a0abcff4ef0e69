import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { trpc } from "./support/trpc.ts";

// Every tag field of the admin (issue #17): the one combobox by keyboard, the name as it will be saved
// (and whether it is a tag, an alias of one or new) before saving, each form's own error cleared by a
// later success or an edit, and the public tag page's "Edit tag" opening the editor on that tag.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

// A fresh prefix per seed: a retried group re-seeds in the same database, and both sizes merge tags.
const state = { prefix: "" };
const names = (size: string) => {
  const base = `${state.prefix}_${size}`;
  return {
    edited: `${base}_aurora`,
    implied: `${base}_night_sky`,
    other: `${base}_polar`,
    target: `${base}_northern_lights`,
    targetAlias: `${base}_borealis`,
  };
};

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test("seed: per size, a tag to edit, tags to link and a merge target with an alias", async ({ page }) => {
  state.prefix = `taf_${randomBytes(3).toString("hex")}`;
  await signIn(page);
  for (const size of sizes) {
    const n = names(size.name);
    for (const name of [n.edited, n.implied, n.other, n.target])
      await trpc(page.request, "tag.create", { name }, "vocabulary");
    await trpc(page.request, "tag.alias.add", { alias: n.targetAlias, tag: n.target }, "vocabulary");
  }
});

/** The form holding the field labelled so (each form has its own hint and error). */
const formOf = (page: Page, label: string) =>
  page.locator("form.tag-name-form").filter({ has: page.getByLabel(label, { exact: true }) });

/**
 * No horizontal overflow, measured against the layout viewport: on a phone (isMobile) Chromium zooms
 * out to fit wide content, so innerWidth grows with it and scrollWidth − innerWidth stays 0.
 */
async function expectFits(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

/** Types into a tag field; the hint under it answers for exactly this text. */
async function typeName(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  return field;
}

for (const size of sizes) {
  test.describe(`admin tag fields at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("Edit tag opens the editor on the tag; the address follows the selection and Back works", async ({
      page,
    }) => {
      const n = names(size.name);
      const problems = watchForProblems(page);
      await signIn(page);
      await page.goto(`/tags/${n.edited}`);
      await page.getByTestId("tag-edit").click();
      await expect(page).toHaveURL(new RegExp(`/admin/tags\\?tag=${n.edited}$`, "u"));
      await expect(page.getByTestId("tag-detail").locator(".tag-detail-head")).toContainText(n.edited);

      await page.getByLabel("Search tags").fill(n.other);
      await page.locator(".tag-list-item").filter({ hasText: n.other }).click();
      await expect(page).toHaveURL(new RegExp(`\\?tag=${n.other}$`, "u"));
      await expect(page.getByTestId("tag-detail").locator(".tag-detail-head")).toContainText(n.other);
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`\\?tag=${n.edited}$`, "u"));
      await expect(page.getByTestId("tag-detail").locator(".tag-detail-head")).toContainText(n.edited);
      await expectFits(page);
      expect(problems).toEqual([]);
    });

    test("bulk tagging shows each typed name as it will be saved and refuses a bad one", async ({ page }) => {
      const n = names(size.name);
      const problems = watchForProblems(page);
      await signIn(page);
      await page.goto("/admin/bulk");
      const bar = page.getByRole("form", { name: "Bulk tagging" });
      const add = bar.getByLabel("Tags to add", { exact: true });
      await add.fill("Bad Tag!");
      await expect(bar.getByTestId("tag-name-hint").first()).toContainText("Saved as bad_tag!");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-bulk.png`), fullPage: true });
      await expectFits(page);
      // A name the normalizer refuses stays in the field with its reason instead of becoming a chip.
      await add.fill("a:b");
      await add.press("Enter");
      await expect(add).toHaveValue("a:b");
      await expect(bar.getByTestId("tag-name-hint").first()).toContainText("cannot contain");
      await expect(bar.getByRole("button", { name: /^Remove tag / })).toHaveCount(0);
      // Removing: only an existing tag makes sense; an alias is shown with the tag it resolves to.
      const remove = bar.getByLabel("Tags to remove", { exact: true });
      await remove.fill(n.targetAlias);
      await expect(bar.getByTestId("tag-name-hint").last()).toHaveAttribute("data-kind", "alias");
      await remove.fill(`${n.other}_zz`);
      await expect(bar.getByTestId("tag-name-hint").last()).toContainText("No tag or alias");
      expect(problems).toEqual([]);
    });

    test("a curator links, aliases and merges by keyboard, seeing each name as it will be saved", async ({
      page,
    }) => {
      const n = names(size.name);
      const problems = watchForProblems(page);
      await signIn(page);
      await page.goto(`/admin/tags?tag=${n.edited}`);
      const detail = page.getByTestId("tag-detail");
      await expect(detail.locator(".tag-detail-head")).toContainText(n.edited);

      // The normalized name before saving: "Bad Tag!" is saved as bad_tag!; a refused name says why.
      await typeName(page, "New tag name", "Bad Tag!");
      await expect(formOf(page, "New tag name").getByTestId("tag-name-hint")).toContainText(
        "Saved as bad_tag!",
      );
      await page.screenshot({ path: test.info().outputPath(`${size.name}-preview.png`), fullPage: true });
      await expectFits(page);
      await typeName(page, "New tag name", "");

      // Implication: a prefix, ↓ to the completion, Enter fills the field (seen: an existing tag), Enter saves.
      const implies = await typeName(page, "Implies tag", n.implied.slice(0, -3));
      await expect(formOf(page, "Implies tag").getByRole("option").first()).toContainText(n.implied);
      await implies.press("ArrowDown");
      await implies.press("Enter");
      await expect(implies).toHaveValue(n.implied);
      await expect(formOf(page, "Implies tag").getByTestId("tag-name-hint")).toHaveAttribute(
        "data-kind",
        "existing",
      );
      await implies.press("Enter");
      await expect(detail.getByText(`${n.edited} → ${n.implied}`)).toBeVisible();
      await expect(implies).toHaveValue("");

      // Alias: a name the normalizer refuses is not sent; a typed one is shown normalized, then saved.
      const alias = await typeName(page, "New alias", "-aurora");
      await expect(formOf(page, "New alias").getByTestId("tag-name-hint")).toContainText(
        "cannot start with -",
      );
      await alias.press("Enter");
      await expect(formOf(page, "New alias").getByTestId("tag-name-hint")).toHaveAttribute(
        "data-kind",
        "invalid",
      );
      const aliasName = `${n.edited}_alias!`;
      await typeName(page, "New alias", `${aliasName.toUpperCase().replaceAll("_", " ")}`);
      const aliasHint = formOf(page, "New alias").getByTestId("tag-name-hint");
      await expect(aliasHint).toContainText(`Saved as ${aliasName}`);
      await expect(aliasHint).toHaveAttribute("data-kind", "new");
      await alias.press("Enter");
      await expect(detail.getByText(`${aliasName} → ${n.edited}`)).toBeVisible();

      // An error, then a later success elsewhere clears it; a new error clears when the field is edited.
      const impliedBy = await typeName(page, "Implied by tag", n.implied);
      await expect(formOf(page, "Implied by tag").getByTestId("tag-name-hint")).toHaveAttribute(
        "data-kind",
        "existing",
      );
      // An exact name is already in the field: one Enter saves it.
      await impliedBy.press("Enter");
      const error = formOf(page, "Implied by tag").getByTestId("tag-rule-error");
      await expect(error).toContainText(/cycle/iu);
      await expect(error).toContainText(`${n.edited} → ${n.implied}`);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-error.png`), fullPage: true });
      await expectFits(page);
      // The whole name typed: Enter saves it (the open list covers the button on a phone, as lists do).
      await (await typeName(page, "Implies tag", n.other)).press("Enter");
      await expect(detail.getByText(`${n.edited} → ${n.other}`)).toBeVisible();
      await expect(error).toBeHidden();
      await page.getByRole("button", { name: "Add reverse implication" }).click();
      await expect(error).toContainText(/cycle/iu);
      await impliedBy.press("End");
      await impliedBy.press("Backspace");
      await expect(error).toBeHidden();

      // Merge: the alias is shown resolving to its tag; Enter takes the tag, Enter previews, then merge.
      const merge = await typeName(page, "Merge into tag", n.targetAlias);
      const mergeHint = formOf(page, "Merge into tag").getByTestId("tag-name-hint");
      await expect(mergeHint).toHaveAttribute("data-kind", "alias");
      await expect(mergeHint).toContainText(`${n.targetAlias} · alias of ${n.target}`);
      await merge.press("Enter");
      await expect(merge).toHaveValue(n.target);
      await merge.press("Enter");
      const preview = page.getByTestId("merge-preview");
      await expect(preview).toContainText(`${n.edited} (0) → ${n.target} (0)`);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-merge.png`), fullPage: true });
      await expectFits(page);
      await preview.getByRole("button", { name: `Merge ${n.edited} into ${n.target}` }).click();
      await expect(page).toHaveURL(new RegExp(`\\?tag=${n.target}$`, "u"));
      await expect(detail.locator(".tag-detail-head")).toContainText(n.target);
      // The merged tag's name and alias now resolve to the survivor, its implications moved with it.
      await expect(detail.getByText(`${n.edited} → ${n.target}`)).toBeVisible();
      await expect(detail.getByText(`${n.target} → ${n.implied}`)).toBeVisible();
      await expectFits(page);

      // The two refused implications are the only failed requests (409, shown in the form).
      const unexpected = problems.filter((problem) => !/^HTTP 409: .*tag\.implication\.add/u.test(problem));
      expect(unexpected).toEqual([]);
    });
  });
}
