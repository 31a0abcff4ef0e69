import { expect, type Locator, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { trpc } from "./support/trpc.ts";
import { uniqueJpegOfSize } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Suggestions that never contradict facts (issue #17): a curator tagging a 16:10 wallpaper sees the tags
// people chose on related wallpapers, each with its reason, and never the ratio, orientation or other
// facts of those wallpapers (16x9, 9x16, 1x1, portrait); one click adds a suggestion, in the tagging
// workbench and in the tag editor of the wallpaper page. At desktop and phone sizes.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;
/** Pictures whose facts differ from the targets' 16:10: their auto tags say 16x9, 9x16 and 1x1. */
const partners = [
  { file: "sg-wide.jpg", width: 1920, height: 1080, fact: "16x9" },
  { file: "sg-tall.jpg", width: 1080, height: 1920, fact: "9x16" },
  { file: "sg-square.jpg", width: 1200, height: 1200, fact: "1x1" },
];
const targets = sizes.flatMap((size) => [`sg-bench-${size.name}.jpg`, `sg-page-${size.name}.jpg`]);
const facts = ["16x9", "9x16", "1x1", "portrait", "square", "landscape", "16x10"];
const state = { ids: {} as Record<string, string> };

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

type Tag = { name: string; sources: string[] };
const tagsOf = (request: Parameters<typeof trpc>[0], wallpaperId: string) =>
  trpc<Tag[]>(request, "wallpaper.tags", { wallpaperId }, "query");

test("seed: 16:10 targets tagged sg_harbour, partners of other ratios tagged sg_harbour and sg_sailboat", async ({
  page,
}) => {
  await signIn(page);
  const files = await Promise.all([
    ...partners.map((p) => uniqueJpegOfSize(p.file, p.width, p.height)),
    ...targets.map((name) => uniqueJpegOfSize(name, 1920, 1200)),
  ]);
  state.ids = await uploadThroughPage(page, files);
  // Processed and auto-tagged: each partner carries its ratio as an auto tag, each target 16x10 (and its
  // preview exists: the workbench shows it at once, and a 404 for it would count as a problem).
  const processed = [
    ...partners.map((partner) => [partner.file, partner.fact] as const),
    ...targets.map((name) => [name, "16x10"] as const),
  ];
  for (const [file, fact] of processed) {
    await expect
      .poll(async () => (await tagsOf(page.request, state.ids[file] ?? "")).map((t) => t.name), {
        timeout: 90_000,
        intervals: [500],
      })
      .toContain(fact);
  }
  for (const partner of partners) {
    // People once tagged facts by hand; such tags must not come back as suggestions either.
    const add = ["sg_harbour", "sg_sailboat", "portrait", partner.fact];
    await trpc(page.request, "wallpaper.setTags", { wallpaperId: state.ids[partner.file], add }, "mutation");
  }
  for (const name of targets)
    await trpc(
      page.request,
      "wallpaper.setTags",
      { wallpaperId: state.ids[name], add: ["sg_harbour"] },
      "mutation",
    );
});

/** The suggestion list: sg_sailboat with its reason, and none of the partners' facts. */
async function expectSuggestions(region: Locator) {
  const sailboat = region.getByTestId("tag-suggestion").filter({ hasText: "sg_sailboat" });
  await expect(sailboat.getByTestId("tag-suggestion-reasons")).toHaveText(
    /often together with sg_harbour \(\d+ of \d+\)/u,
  );
  const shown = await region.getByTestId("tag-suggestion").locator(".tag-chip-name").allTextContents();
  expect(shown.filter((name) => facts.includes(name))).toEqual([]);
  return sailboat;
}

for (const size of sizes) {
  test.describe(`tag suggestions at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("the tagging workbench shows why each tag is suggested; one click adds it", async ({ page }) => {
      await signIn(page);
      const problems = watchForProblems(page);
      const wallpaperId = state.ids[`sg-bench-${size.name}.jpg`] ?? "";
      await page.goto(`/admin/tag/${wallpaperId}`);
      const region = page.getByRole("region", { name: "Suggestions" });
      const sailboat = await expectSuggestions(region);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-workbench.png`), fullPage: true });
      await expectNoOverflow(page);

      await sailboat.click();
      await expect(page.getByTestId("tags-human")).toContainText("sg_sailboat");
      await expect(region.getByTestId("tag-suggestion").filter({ hasText: "sg_sailboat" })).toHaveCount(0);
      expect(
        (await tagsOf(page.request, wallpaperId)).find((t) => t.name === "sg_sailboat")?.sources,
      ).toEqual(["human"]);
      expect(problems).toEqual([]);
    });

    test("the wallpaper page's tag editor offers the same suggestions; a click puts one in the draft", async ({
      page,
    }) => {
      await signIn(page);
      const problems = watchForProblems(page);
      const wallpaperId = state.ids[`sg-page-${size.name}.jpg`] ?? "";
      await page.goto(`/wallpapers/${wallpaperId}`);
      const panel = page.getByTestId("wallpaper-tags");
      await panel.getByRole("button", { name: "Edit tags" }).click();
      const editor = panel.getByTestId("tag-editor");
      const sailboat = await expectSuggestions(editor.getByRole("region", { name: "Suggestions" }));
      await editor.screenshot({ path: test.info().outputPath(`${size.name}-editor-suggestions.png`) });
      await expectNoOverflow(page);

      await sailboat.click();
      await expect(editor.getByTestId("tag-edit-chip").filter({ hasText: "sg_sailboat" })).toHaveAttribute(
        "data-added",
        "true",
      );
      await expect(sailboat).toHaveCount(0);
      await editor.getByRole("button", { name: "Save tags" }).click();
      await expect(panel.getByTestId("wallpaper-tag").filter({ hasText: "sg_sailboat" })).toBeVisible();
      await page.screenshot({
        path: test.info().outputPath(`${size.name}-editor-saved.png`),
        fullPage: true,
      });
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });
  });
}
