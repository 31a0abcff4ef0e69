import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { type Account, signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { trpc } from "./support/trpc.ts";
import { expectNoOverflow } from "./upload-page.ts";

// Tag requests as Danbooru does them (issue #17): a member proposes an implication from a tag's page,
// a curator approves it in the admin queue, and the public list shows who proposed and who decided.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

// Names of this run only: a retried seed makes new ones, so no open request of an earlier attempt
// (a duplicate would be refused) and no count from it can get in the way.
const state = { run: "", member: null as Account | null };
const antecedentOf = (size: string) => `sunrise_${size}_${state.run}`;
const consequentOf = (size: string) => `morning_${size}_${state.run}`;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test("seed: a member account and two tags per size", async ({ page }) => {
  state.run = randomBytes(3).toString("hex");
  state.member = {
    name: `Treq Member ${state.run}`,
    email: `treq-member-${state.run}@example.test`,
    password: "a long enough passphrase",
  };
  await signIn(page);
  for (const size of sizes) {
    await trpc(page.request, "tag.create", { name: antecedentOf(size.name) }, "vocabulary");
    await trpc(page.request, "tag.create", { name: consequentOf(size.name) }, "vocabulary");
  }
  await page.context().clearCookies();
  await signUp(page, state.member);
});

async function requestCard(page: Page, antecedent: string) {
  return page.getByTestId("tag-request").filter({ hasText: antecedent });
}

for (const size of sizes) {
  test.describe(`tag requests at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a member proposes an implication, a curator approves it, the public list names both", async ({
      page,
    }) => {
      const problems = watchForProblems(page);
      const antecedent = antecedentOf(size.name);
      const consequent = consequentOf(size.name);
      const shot = (name: string) =>
        page.screenshot({ path: test.info().outputPath(`${size.name}-${name}.png`), fullPage: true });

      // A visitor is asked to sign in.
      await page.goto(`/tags/${antecedent}`);
      const panel = page.getByTestId("tag-request-panel");
      await expect(panel.getByRole("link", { name: "Sign in to propose" })).toBeVisible();

      // The member opens the form on the tag's page and picks the other tag from the autocomplete.
      if (!state.member) throw new Error("the seed made no member");
      await signIn(page, state.member);
      await page.goto(`/tags/${antecedent}`);
      await panel.getByRole("button", { name: "Propose an alias or implication" }).click();
      await expect(panel.getByRole("radio", { name: `${antecedent} implies another tag` })).toBeChecked();
      const box = panel.getByRole("combobox", { name: "Other tag" });
      await box.fill(consequent.slice(0, -2));
      await expect(panel.getByRole("option").filter({ hasText: consequent })).toBeVisible();
      await box.press("Enter");
      await expect(panel.getByTestId("tag-request-other")).toHaveText(consequent);
      await expect(panel.getByTestId("tag-request-preview")).toContainText(`${antecedent} → ${consequent}`);
      await panel.getByLabel("Why?").fill("Every sunrise is in the morning.");
      await shot("propose-form");
      await expectNoOverflow(page);
      await panel.getByRole("button", { name: "Send request" }).click();
      await expect(panel.getByTestId("tag-request-filed")).toBeVisible();

      // It is among the member's own requests, pending, with a Withdraw button.
      await panel.getByRole("link", { name: "See your requests" }).click();
      await expect(page).toHaveURL(/\/tags\/requests\?status=mine$/u);
      const mine = await requestCard(page, antecedent);
      await expect(mine.getByTestId("tag-request-status")).toHaveText("pending");
      await expect(mine.getByRole("button", { name: "Withdraw" })).toBeVisible();
      await shot("my-requests");
      await expectNoOverflow(page);

      // The curator approves it with a note in the admin queue.
      await page.context().clearCookies();
      await signIn(page);
      await page.goto("/admin");
      await page
        .getByRole("navigation", { name: "Admin" })
        .getByRole("link", { name: "Tag requests" })
        .click();
      await expect(page).toHaveURL(/\/admin\/tag-requests$/u);
      const queued = await requestCard(page, antecedent);
      await expect(queued).toContainText("Every sunrise is in the morning.");
      await queued.getByRole("textbox").fill("Sunrise happens in the morning.");
      await shot("admin-queue");
      await expectNoOverflow(page);
      await queued.getByRole("button", { name: "Approve" }).click();
      await expect(queued).toHaveCount(0);

      // The engine applied it: the tag's page lists the implication.
      await page.goto(`/tags/${antecedent}`);
      await expect(page.getByTestId("tag-implies")).toContainText(consequent);

      // A visitor reads who proposed and who decided, with the note.
      await page.context().clearCookies();
      await page.goto("/tags/requests?status=approved");
      const decided = await requestCard(page, antecedent);
      await expect(decided.getByTestId("tag-request-status")).toHaveText("approved");
      await expect(decided).toContainText("Proposed by @treq-member");
      await expect(decided.getByTestId("tag-request-decision")).toContainText("Approved by @");
      await expect(decided.getByTestId("tag-request-note")).toContainText("Sunrise happens in the morning.");
      await shot("public-list");
      await expectNoOverflow(page);
      expect(problems).toEqual([]);
    });

    test("a request the tag rules now refuse stays pending and the curator reads why", async ({ page }) => {
      if (!state.member) throw new Error("the seed made no member");
      const [from, to] = [`dawn_${size.name}_${state.run}`, `day_${size.name}_${state.run}`];
      await signIn(page);
      for (const name of [from, to]) await trpc(page.request, "tag.create", { name }, "vocabulary");
      await page.context().clearCookies();
      await signIn(page, state.member);
      const input = { kind: "implication", antecedent: from, consequent: to, reason: "Dawn is day." };
      await trpc(page.request, "tagRequest.propose", input, "mutation");
      // Meanwhile a curator links the two the other way round: approving would close a cycle.
      await page.context().clearCookies();
      await signIn(page);
      await trpc(page.request, "tag.implication.add", { antecedent: to, consequent: from }, "vocabulary");

      const problems = watchForProblems(page);
      await page.goto("/admin/tag-requests");
      const queued = await requestCard(page, from);
      await queued.getByRole("button", { name: "Approve" }).click();
      await expect(queued.getByTestId("tag-request-decide-error")).toContainText("cycle");
      await expect(queued.getByTestId("tag-request-status")).toHaveText("pending");
      await page.screenshot({ path: test.info().outputPath(`${size.name}-refused.png`), fullPage: true });
      await expectNoOverflow(page);
      await queued.getByRole("button", { name: "Reject" }).click();
      await expect(queued).toHaveCount(0);
      // The refused approval answered 409; nothing else may fail.
      expect(problems.filter((problem) => !problem.includes("tagRequest.approve"))).toEqual([]);
    });
  });
}
