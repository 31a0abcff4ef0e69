import { copyFileSync, utimesSync } from "node:fs";
import { expect, type Locator, type Page, type Request, test } from "@playwright/test";
import { largeJpeg, paddedJpeg } from "./large-image.ts";
import { watchForProblems } from "./support/problems.ts";
import { chooseFilesWithKeyboard, expectNoOverflow, row, setUploadSpeed } from "./upload-page.ts";

// Upload that cannot lose work, with files large enough to be in flight for seconds: moving around
// the app keeps both transfers running, and a reload keeps the rows and resumes the bytes.

const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const MB = 1024 * 1024;

/** The percentage a row's progress bar shows (0 before it has one). */
async function percentOf(rowLocator: Locator): Promise<number> {
  const value = await rowLocator
    .locator("progress")
    .getAttribute("value", { timeout: 1000 })
    .catch(() => null);
  return Number(value ?? 0);
}

/** Every tus request the page sends from now on, in order. */
function recordTus(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/uploads")) requests.push(request);
  });
  return requests;
}

function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

test.describe("large uploads while moving around (desktop)", () => {
  test.use({ viewport: sizes[0].viewport });

  test("two large uploads keep their rows and progress through the gallery and another page, then finish", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const problems = watchForProblems(page);
    const files = [await largeJpeg("travel-large-a.jpg"), await largeJpeg("travel-large-b.jpg")];
    await page.goto("/upload");
    const cdp = await page.context().newCDPSession(page);
    // 3 MB/s shared by both: ~16 s for the pair, long enough to travel while both are in flight.
    await setUploadSpeed(cdp, 3 * MB);
    await page.getByTestId("file-input").setInputFiles(files.map((file) => file.path));
    const rows = [row(page, "travel-large-a.jpg"), row(page, "travel-large-b.jpg")];
    for (const each of rows) {
      await expect(each).toHaveAttribute("data-state", "uploading", { timeout: 30_000 });
      await expect.poll(() => percentOf(each), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    const before = await Promise.all(rows.map(percentOf));
    // Gone after a full page load: proves the trip below is client-side navigation only.
    await page.evaluate(() => Object.assign(window, { stayedInApp: true }));

    await mainNav(page).getByRole("link", { name: "Gallery" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("upload-tray")).toContainText("Uploading 2 files");
    await page.screenshot({ path: testInfo.outputPath("large-pair-tray-gallery.png") });
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByTestId("upload-tray")).toContainText("Uploading 2 files");
    await expectNoOverflow(page);
    await mainNav(page).getByRole("link", { name: "Upload" }).click();
    await expect(page).toHaveURL(/\/upload$/);

    expect(await page.evaluate(() => "stayedInApp" in window)).toBe(true);
    await expect(page.getByTestId("upload-row")).toHaveCount(2);
    const after = await Promise.all(rows.map(percentOf));
    testInfo.annotations.push({ type: "progress", description: `before ${before} after ${after}` });
    for (const [index, each] of rows.entries()) {
      await expect(each).toHaveAttribute("data-state", "uploading");
      expect(after[index], "a row's progress never goes back").toBeGreaterThanOrEqual(before[index] ?? 0);
      expect(after[index], "still in flight on return").toBeLessThan(100);
    }
    await page.screenshot({ path: testInfo.outputPath("large-pair-back.png"), fullPage: true });

    await setUploadSpeed(cdp, -1);
    for (const each of rows) await expect(each).toHaveAttribute("data-state", "added", { timeout: 60_000 });
    expect(problems).toEqual([]);
  });
});

test.describe("reload, then another file under the same name (desktop)", () => {
  test.use({ viewport: sizes[0].viewport });

  test("a file with the same name, size and date but other bytes is not resumed into the old upload", async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    page.on("dialog", (dialog) => void dialog.accept());
    const name = "same-name.jpg";
    const first = await paddedJpeg(name, 400_000);
    const other = await paddedJpeg(name, 400_000);
    // A whole millisecond: the browser's lastModified drops the file system's finer fraction.
    const date = new Date(1_700_000_000_000);
    utimesSync(first, date, date);
    await page.goto("/upload");
    const cdp = await page.context().newCDPSession(page);
    await setUploadSpeed(cdp, 32 * 1024);
    await chooseFilesWithKeyboard(page, first);
    const uploadRow = row(page, name);
    await expect.poll(() => percentOf(uploadRow), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.reload();
    await expect(uploadRow).toHaveAttribute("data-state", "interrupted");

    // Other bytes at the same path, with the same size and modification time: only the hash can tell.
    copyFileSync(other, first);
    utimesSync(first, date, date);
    const tus = recordTus(page);
    await page.getByTestId("file-input").setInputFiles(first);
    await expect(page.getByTestId("upload-row")).toHaveCount(1);
    await expect
      .poll(() => tus.some((request) => request.method() === "PATCH"), { timeout: 30_000 })
      .toBe(true);
    await setUploadSpeed(cdp, -1);
    expect(tus.map((request) => request.method()).slice(0, 2)).toEqual(["POST", "PATCH"]);
    const firstPatch = tus.find((request) => request.method() === "PATCH");
    expect((await firstPatch?.allHeaders())?.["upload-offset"]).toBe("0");
    await expect(uploadRow).toHaveAttribute("data-state", "added", { timeout: 30_000 });
    expect(problems).toEqual([]);
  });
});

for (const size of sizes) {
  test.describe(`reload mid-transfer (${size.name})`, () => {
    test.use({ viewport: size.viewport });

    test("a reload keeps the row, and choosing the file again resumes at the server's offset", async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      const problems = watchForProblems(page);
      // A reload with a transfer running asks first (upload-safety.spec.ts); here the person confirms.
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      const name = `reload-${size.name}.jpg`;
      const file = await largeJpeg(name);
      await page.goto("/upload");
      const cdp = await page.context().newCDPSession(page);
      await setUploadSpeed(cdp, 2 * MB);
      // Chosen the way a person does (keyboard, file chooser): the gesture that arms the leave warning.
      await chooseFilesWithKeyboard(page, file.path);
      const uploadRow = row(page, name);
      await expect.poll(() => percentOf(uploadRow), { timeout: 45_000 }).toBeGreaterThan(30);
      const sentBefore = await percentOf(uploadRow);

      await page.reload();
      expect(dialogs).toEqual(["beforeunload"]);
      await expect(uploadRow).toHaveAttribute("data-state", "interrupted");
      await expect(uploadRow).toContainText("Interrupted: choose or drop the file again to resume.");
      await expect(page.getByTestId("upload-summary")).toContainText("1 interrupted");
      await expectNoOverflow(page);
      await page.screenshot({
        path: testInfo.outputPath(`reload-interrupted-${size.name}.png`),
        fullPage: true,
      });

      // The tray says so on other pages too, and leads back.
      await mainNav(page).getByRole("link", { name: "Gallery" }).click();
      const tray = page.getByTestId("upload-tray");
      await expect(tray).toContainText("1 upload interrupted");
      await expectNoOverflow(page);
      await page.screenshot({ path: testInfo.outputPath(`reload-tray-${size.name}.png`) });
      await tray.click();
      await expect(page).toHaveURL(/\/upload$/);

      const tus = recordTus(page);
      await setUploadSpeed(cdp, 2 * MB);
      if (size.name === "desktop") {
        // The row's own button.
        const chosen = page.waitForEvent("filechooser");
        await uploadRow.getByRole("button", { name: /Choose file/ }).click();
        await (await chosen).setFiles(file.path);
      } else {
        // The page's chooser: the same name, size and date find the waiting row instead of adding one.
        await page.getByTestId("file-input").setInputFiles(file.path);
      }
      await expect(page.getByTestId("upload-row")).toHaveCount(1);
      await expect
        .poll(() => tus.some((request) => request.method() === "PATCH"), { timeout: 30_000 })
        .toBe(true);
      await setUploadSpeed(cdp, -1);
      const firstPatch = tus.find((request) => request.method() === "PATCH");
      const offset = Number((await firstPatch?.allHeaders())?.["upload-offset"] ?? "0");
      testInfo.annotations.push({
        type: "resume",
        description: `${file.size} bytes; ${sentBefore}% sent before the reload; resumed at ${offset} (${Math.round((offset / file.size) * 100)}%)`,
      });
      expect(offset, "the first PATCH after the reload resumes, not restarts").toBeGreaterThan(0);
      // It goes on from (nearly) where the page was: what was seen sent had reached the server.
      expect(offset / file.size).toBeGreaterThanOrEqual((0.8 * sentBefore) / 100);
      // The server is asked where to go on (HEAD), and no second upload is created (POST).
      expect(tus.map((request) => request.method()).filter((method) => method !== "PATCH")).toEqual(["HEAD"]);
      await expect(uploadRow).toHaveAttribute("data-state", "added", { timeout: 60_000 });

      // Finished rows are remembered by the tab too, until dismissed.
      await page.reload();
      await expect(uploadRow).toHaveAttribute("data-state", "added");
      await expect(page.getByTestId("upload-summary")).toContainText("1 added");
      await page.screenshot({
        path: testInfo.outputPath(`reload-finished-${size.name}.png`),
        fullPage: true,
      });
      await uploadRow.getByRole("button", { name: `Dismiss ${name}` }).click();
      await expect(page.getByTestId("upload-row")).toHaveCount(0);
      await page.reload();
      await expect(page.getByTestId("upload-summary")).toContainText("No files yet");
      expect(problems).toEqual([]);
    });
  });
}
