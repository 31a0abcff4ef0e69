import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

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
