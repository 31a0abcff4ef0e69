import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { type Account, e2eAdmin, signIn, signUp } from "./accounts.ts";
import { e2eEnv } from "./support/env.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { uploadThroughPage } from "./upload-page.ts";

// An uploader deletes their own wallpaper from its page: asked to confirm first, then the page, its
// media and (through the blob-cleanup worker) its files are gone. Nobody else is offered the button.
const uploader: Account = {
  name: "Dee Deleter",
  email: `dee-${Date.now()}@example.test`,
  password: "a long enough passphrase",
};

test.setTimeout(120_000);

test("an uploader deletes their wallpaper: confirm, then page, media and files are gone", async ({
  page,
  browser,
}) => {
  const path = await uniqueJpeg("mistake.jpg");

  await signUp(page, uploader);
  const id = (await uploadThroughPage(page, [path]))["mistake.jpg"] ?? "";
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await page.goto(`/wallpapers/${id}`);
  // Processed: the palette panel appears once the workers are done.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("wallpaper-palette")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const mediaUrl = (await page.getByTestId("download-original").getAttribute("href")) ?? "";
  expect(mediaUrl).not.toBe("");
  // The local blob store keeps a key's folders; what counts is the files in them.
  const variantsDir = join(e2eEnv.blobDir, "objects", "variants", id);
  const variantFiles = () => (existsSync(variantsDir) ? readdirSync(variantsDir) : []);
  expect(variantFiles()).toContain("thumb.avif");

  // A visitor who is not the uploader (nor a curator) is not offered the button.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/wallpapers/${id}`);
  await expect(visitor.getByTestId("wallpaper-title")).toBeVisible();
  await expect(visitor.getByTestId("wallpaper-delete")).toHaveCount(0);

  // Asked first; cancelling keeps it.
  const card = page.getByTestId("wallpaper-delete");
  await card.getByRole("button", { name: "Delete wallpaper…" }).click();
  await expect(card).toContainText("Delete this wallpaper for good?");
  await card.getByRole("button", { name: "Cancel" }).click();
  await card.getByRole("button", { name: "Delete wallpaper…" }).click();
  await card.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByTestId("wallpaper-deleted")).toContainText("Deleted.");

  expect((await page.goto(`/wallpapers/${id}`))?.status()).toBe(404);
  expect((await page.request.get(mediaUrl)).status()).toBe(404);
  await expect.poll(variantFiles, { timeout: 30_000 }).toEqual([]);
});

test("a curator deletes a rejected wallpaper from the moderation queue, after confirming", async ({
  page,
}) => {
  await signIn(page, e2eAdmin);
  const id = (await uploadThroughPage(page, [await uniqueJpeg("takedown.jpg")]))["takedown.jpg"] ?? "";
  await page.goto("/admin/moderation");
  await page.getByRole("tab", { name: /approved/ }).click();
  const approved = page.getByTestId("moderation-item").filter({ hasText: "takedown.jpg" });
  await approved.getByLabel("Rejection reason").fill("copyright claim");
  await approved.getByRole("button", { name: "Reject" }).click();
  await expect(approved).toHaveCount(0);

  await page.getByRole("tab", { name: /rejected/ }).click();
  const item = page.getByTestId("moderation-item").filter({ hasText: "takedown.jpg" });
  await item.getByRole("button", { name: "Delete for good…" }).click();
  await item.getByRole("button", { name: "Keep it" }).click();
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: "Delete for good…" }).click();
  await item.getByRole("button", { name: "Delete it and its files" }).click();
  await expect(item).toHaveCount(0);
  expect((await page.goto(`/wallpapers/${id}`))?.status()).toBe(404);
});
