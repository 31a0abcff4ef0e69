import { expect, type Page, test } from "@playwright/test";
import { createWallpaperClient } from "@wallpaperdb/client";
import { e2eAdmin } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import {
  chooseFilesWithKeyboard,
  dragFilesOnto,
  expectNoOverflow,
  row,
  setUploadSpeed,
} from "./upload-page.ts";

// Upload that cannot lose work: sign in before the drop, a warning before leaving mid-transfer, drops
// anywhere on the page, and a queue that survives moving around the app.

const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/**
 * Opens /upload and starts one crawling upload (16 KB/s), chosen the way a person does (keyboard, file
 * chooser): that is also the user gesture browsers require before they show a leave-page warning.
 * Returns `finish`, which lifts the throttle so the transfer completes.
 */
async function startSlowUpload(page: Page, name: string): Promise<{ finish: () => Promise<unknown> }> {
  await page.goto("/upload");
  const cdp = await page.context().newCDPSession(page);
  await setUploadSpeed(cdp, 16 * 1024);
  const path = await uniqueJpeg(name);
  await chooseFilesWithKeyboard(page, path);
  await expect(row(page, name)).toHaveAttribute("data-state", "uploading", { timeout: 15_000 });
  return { finish: () => setUploadSpeed(cdp, -1) };
}

for (const size of sizes) {
  test.describe(`upload safety (${size.name})`, () => {
    test.use({ viewport: size.viewport });

    test("signed out, the page says up front whether uploads need an account, and sign-in comes back", async ({
      page,
      baseURL,
    }, testInfo) => {
      const problems = watchForProblems(page);
      const { mayUpload } = await createWallpaperClient({ baseUrl: baseURL ?? "" }).upload.settings.query();
      await page.goto("/upload");
      if (mayUpload) {
        // This run's server takes anonymous uploads (playwright.config.ts): the dropzone, no notice.
        await expect(page.getByTestId("dropzone")).toBeVisible();
        await expect(page.getByTestId("upload-sign-in")).toHaveCount(0);
      } else {
        await expect(page.getByTestId("dropzone")).toHaveCount(0);
        await expect(page.getByRole("heading", { name: "Sign in to upload" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toHaveAttribute(
          "href",
          "/sign-in?next=%2Fupload",
        );
      }
      await expectNoOverflow(page);
      await page.screenshot({ path: testInfo.outputPath(`upload-signed-out-${size.name}.png`) });

      // Sign-in and sign-up keep the way back; a foreign target is ignored (no open redirect).
      await page.goto("/sign-in?next=%2Fupload");
      await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
        "href",
        "/sign-up?next=%2Fupload",
      );
      await expectNoOverflow(page);
      await page.screenshot({ path: testInfo.outputPath(`sign-in-return-${size.name}.png`) });
      await page.getByLabel("Email").fill(e2eAdmin.email);
      await page.getByLabel("Password").fill(e2eAdmin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/upload$/);
      await expect(page.getByTestId("dropzone")).toBeVisible();
      await expect(page.getByTestId("user-menu-account")).toContainText(e2eAdmin.name);

      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
      await page.goto("/sign-in?next=%2F%2Fevil.example%2Fupload");
      await page.getByLabel("Email").fill(e2eAdmin.email);
      await page.getByLabel("Password").fill(e2eAdmin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/account$/);
      expect(problems).toEqual([]);
    });

    test("a drop outside the dropzone is taken, with the zone lit while files are dragged over the page", async ({
      page,
    }, testInfo) => {
      const problems = watchForProblems(page);
      await page.goto("/upload");
      const path = await uniqueJpeg(`outside-${size.name}.jpg`);
      const heading = page.getByRole("heading", { level: 1 });
      // Repeated until the page has hydrated and listens; a person cannot drag within a few milliseconds.
      await expect(async () => {
        await dragFilesOnto(heading, [path], false);
        await expect(page.getByTestId("dropzone")).toHaveClass(/dropzone-over/, { timeout: 500 });
      }).toPass();
      await page.screenshot({ path: testInfo.outputPath(`drag-over-page-${size.name}.png`) });

      await dragFilesOnto(heading, [path]);
      await expect(page).toHaveURL(/\/upload$/);
      await expect(page.getByTestId("dropzone")).not.toHaveClass(/dropzone-over/);
      const dropped = row(page, `outside-${size.name}.jpg`);
      await expect(dropped).toHaveAttribute("data-state", "added", { timeout: 30_000 });
      // Exactly once: the page-wide catcher does not add what the zone already took.
      await expect(page.getByTestId("upload-row")).toHaveCount(1);
      await expectNoOverflow(page);
      await page.screenshot({
        path: testInfo.outputPath(`dropped-outside-${size.name}.png`),
        fullPage: true,
      });
      expect(problems).toEqual([]);
    });

    test("leaving mid-transfer asks first; once the files are done it does not", async ({
      page,
    }, testInfo) => {
      const problems = watchForProblems(page);
      const name = `leave-${size.name}.jpg`;
      const upload = await startSlowUpload(page, name);

      const asked = page.waitForEvent("dialog");
      // Closing runs beforeunload like a tab close or a typed address; dismissing keeps the page.
      await page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe("beforeunload");
      await dialog.dismiss();
      expect(page.isClosed()).toBe(false);
      await expect(row(page, name)).toHaveAttribute("data-state", "uploading");
      await page.screenshot({ path: testInfo.outputPath(`leave-warning-kept-${size.name}.png`) });

      await upload.finish();
      await expect(row(page, name)).toHaveAttribute("data-state", "added", { timeout: 30_000 });
      const dialogs: string[] = [];
      page.on("dialog", (idle) => {
        dialogs.push(idle.type());
        void idle.accept();
      });
      await page.goto("/");
      await expect(page).toHaveURL(/\/$/);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    });

    test("the queue survives moving around the app: a tray elsewhere, the rows on return", async ({
      page,
    }, testInfo) => {
      const problems = watchForProblems(page);
      const name = `travel-${size.name}.jpg`;
      const upload = await startSlowUpload(page, name);

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
      await expect(page).toHaveURL(/\/$/);
      const tray = page.getByTestId("upload-tray");
      await expect(tray).toContainText("Uploading 1 file");
      await expectNoOverflow(page);
      await page.screenshot({ path: testInfo.outputPath(`tray-on-gallery-${size.name}.png`) });

      await tray.click();
      await expect(page).toHaveURL(/\/upload$/);
      await expect(row(page, name)).toHaveAttribute("data-state", /uploading|processing|added/);
      await expect(page.getByTestId("upload-summary")).not.toContainText("No files yet");
      await upload.finish();
      await expect(row(page, name)).toHaveAttribute("data-state", "added", { timeout: 30_000 });

      // Finished rows stay too, with no tray once nothing runs.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
      await expect(page.getByTestId("upload-tray")).toHaveCount(0);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
      await expect(row(page, name)).toHaveAttribute("data-state", "added");
      await page.screenshot({
        path: testInfo.outputPath(`queue-after-return-${size.name}.png`),
        fullPage: true,
      });
      expect(problems).toEqual([]);
    });
  });
}
