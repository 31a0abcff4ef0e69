import { expect, test } from "@playwright/test";
import { e2eAdmin, signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Issue 16: the moderation queue shows what the classify step made of a wallpaper (its five class
// scores), the purity and where it came from, at desktop and phone sizes.
test.setTimeout(120_000);

test("the moderation queue shows the model's class scores beside the purity and its source", async ({
  page,
}) => {
  await signIn(page, e2eAdmin);
  // A name of its own per attempt: a retry's upload must not meet the first attempt's in the queue.
  const name = `classified-${Date.now()}.jpg`;
  const id = (await uploadThroughPage(page, [await uniqueJpeg(name)]))[name] ?? "";
  const item = page.getByTestId("moderation-item").filter({ hasText: name });
  const scores = item.getByTestId("content-scores");
  const openQueue = async () => {
    await page.goto("/admin/moderation");
    await page.getByRole("tab", { name: /approved/ }).click();
  };
  // The classify step runs after the variants: reload until its scores are there (a preview asked for
  // before the variants exist answers 404, so problems are watched from then on).
  await expect(async () => {
    await openQueue();
    await expect(scores.getByRole("list")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const problems = watchForProblems(page);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await openQueue();
    // The upload page's default is "Auto": no purity chosen, and the model finds nothing to suggest
    // for a plain picture, so it stays SFW and the queue says nobody chose it.
    await expect(scores).toContainText("Purity sfw");
    await expect(scores).toContainText("not chosen");
    await expect(scores.getByRole("listitem")).toHaveText([
      /^porn \d+%$/,
      /^hentai/,
      /^sexy/,
      /^drawing/,
      /^neutral/,
    ]);
    await expectNoOverflow(page);
    await item.screenshot({ path: test.info().outputPath(`moderation-scores-${size.width}.png`) });
  }
  // Other specs' wallpapers in the queue may still lack a preview; this one's page must be clean.
  expect(
    problems.filter((problem) => !/\/media\/[0-9a-f-]+\/preview$/.test(problem) || problem.includes(id)),
  ).toEqual([]);
});
