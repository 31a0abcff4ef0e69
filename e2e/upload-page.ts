import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type CDPSession, expect, type Locator, type Page } from "@playwright/test";

/** A real drag of files from disk: dragenter and dragover on `target`, then (unless `drop` is false) drop. */
export async function dragFilesOnto(target: Locator, paths: string[], drop = true) {
  const payload = paths.map((path) => ({
    name: basename(path),
    mimeType: path.endsWith(".png") ? "image/png" : "image/jpeg",
    base64: readFileSync(path).toString("base64"),
  }));
  const transfer = await target.page().evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const file of items) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    return data;
  }, payload);
  for (const type of drop ? ["dragenter", "dragover", "drop"] : ["dragenter", "dragover"])
    await target.dispatchEvent(type, { dataTransfer: transfer });
  return payload;
}

/** Drops files on the upload page (signed in or not) and returns wallpaper ids by file name. */
export async function uploadThroughPage(page: Page, paths: string[]): Promise<Record<string, string>> {
  await page.goto("/upload");
  const payload = await dragFilesOnto(page.getByTestId("dropzone"), paths);
  const found: Record<string, string> = {};
  for (const file of payload) {
    const row = page.locator(`[data-testid=upload-row][data-filename="${file.name}"]`);
    await expect(row).toHaveAttribute("data-state", "added", { timeout: 60_000 });
    const href = (await row.getByRole("link", { name: "wallpaper", exact: true }).getAttribute("href")) ?? "";
    found[file.name] = href.replace(/^\/wallpapers\//, "");
  }
  return found;
}

export async function expectNoOverflow(page: Page): Promise<void> {
  // Against the layout viewport (clientWidth), not innerWidth: on a phone (isMobile) Chromium zooms out
  // to show content that is too wide, and innerWidth grows with it, so the overflow would measure 0.
  const width = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(width, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

/** Throttles what the page sends (bytes per second, -1 for no limit) through Chromium's network emulation. */
export function setUploadSpeed(cdp: CDPSession, bytesPerSecond: number) {
  return cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/** The queue row of one file, on the upload page. */
export function row(page: Page, name: string) {
  return page.locator(`[data-testid=upload-row][data-filename="${name}"]`);
}

/**
 * Files chosen the way a person does with a keyboard: focus the drop zone, press Enter, pick in the file
 * chooser (the user gesture browsers require before a leave-page warning). Waits for the zone to be
 * hydrated first: before that, Enter does nothing and no chooser ever opens.
 */
export async function chooseFilesWithKeyboard(page: Page, paths: string | string[]): Promise<void> {
  const zone = page.getByRole("button", { name: /Add wallpapers/ });
  await expect(zone).toHaveAttribute("data-ready", "true");
  // Under load, Chromium sometimes shows no chooser for the first Enter of a long-lived browser (seen in
  // full runs only; the retry always passed): press again after a few seconds, as a person would.
  await expect(async () => {
    await zone.focus();
    const chooser = page.waitForEvent("filechooser", { timeout: 5_000 });
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(paths);
  }).toPass({ timeout: 45_000 });
}
