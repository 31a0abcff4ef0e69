import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { chooseFilesWithKeyboard } from "./upload-page.ts";

const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const mimeByExtension: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
};

interface DropFile {
  name: string;
  mimeType: string;
  base64: string;
}

function corpusFile(relative: string): DropFile {
  const path = join(corpus, relative);
  return {
    name: basename(path),
    mimeType: mimeByExtension[extname(path)] ?? "application/octet-stream",
    base64: readFileSync(path).toString("base64"),
  };
}

function generatedFile(name: string, mimeType: string, text: string): DropFile {
  return { name, mimeType, base64: Buffer.from(text).toString("base64") };
}

/** A real drag-and-drop: the files travel in a DataTransfer through dragenter, dragover and drop. */
async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((payload) => {
    const transfer = new DataTransfer();
    for (const file of payload) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    return transfer;
  }, files);
  const zone = page.getByTestId("dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

/** Every state each row passes through, recorded in the page so fast transitions are not missed. */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { uploadStates: typeof seen }).uploadStates = seen;
    const record = () => {
      for (const row of document.querySelectorAll<HTMLElement>("[data-testid=upload-row]")) {
        const name = row.dataset.filename ?? "";
        const state = row.dataset.state ?? "";
        const list = seen[name] ?? [];
        if (list.at(-1) !== state) list.push(state);
        seen[name] = list;
      }
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
}

async function statesOf(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { uploadStates: Record<string, string[]> }).uploadStates);
}

function row(page: Page, name: string) {
  return page.locator(`[data-testid=upload-row][data-filename="${name}"]`);
}

test.describe("upload page", () => {
  test("dropping several real wallpapers shows each one hashing, uploading and then added", async ({
    page,
  }, testInfo) => {
    await page.goto("/upload");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add wallpapers");
    await recordStates(page);
    const files = ["nature/Dune.jpg", "abstract/Flow.png", "nature/Storm.jpg", "desktop/Stripes.png"].map(
      corpusFile,
    );
    await dropFiles(page, files);

    await expect(page.getByTestId("upload-row")).toHaveCount(4);
    for (const file of files) {
      await expect(row(page, file.name)).toHaveAttribute("data-state", "added", { timeout: 30_000 });
      await expect(row(page, file.name).getByTestId("upload-outcome")).toContainText("Added as wallpaper");
      await expect(row(page, file.name).locator("img")).toHaveAttribute("src", /^blob:/);
    }
    await expect(page.getByTestId("upload-summary")).toContainText("4 added · 0 duplicate · 0 rejected");
    await page.screenshot({ path: testInfo.outputPath("upload-added.png"), fullPage: true });

    const states = await statesOf(page);
    for (const file of files) {
      const seen = states[file.name] ?? [];
      expect(seen[0], file.name).toBe("queued");
      expect(seen, file.name).toEqual(expect.arrayContaining(["hashing", "checking", "uploading", "added"]));
      expect(seen.at(-1), file.name).toBe("added");
    }
  });

  test("dropping a file again answers duplicate at once, linking to the wallpaper page", async ({
    page,
  }, testInfo) => {
    const file = corpusFile("nature/TwoWings.jpg");
    await page.goto("/upload");
    await dropFiles(page, [file]);
    await expect(row(page, file.name)).toHaveAttribute("data-state", "added", { timeout: 30_000 });

    await page.reload();
    await recordStates(page);
    await dropFiles(page, [file]);
    // The tab remembers the finished first row across the reload; the drop is the second one.
    await expect(row(page, file.name)).toHaveCount(2);
    const again = row(page, file.name).last();
    await expect(again).toHaveAttribute("data-state", "duplicate", { timeout: 15_000 });
    // The hash pre-check found it: no bytes were sent, so the row never entered "uploading".
    expect((await statesOf(page))[file.name]).not.toContain("uploading");
    await page.screenshot({ path: testInfo.outputPath("upload-duplicate.png"), fullPage: true });

    await again.getByRole("link", { name: "an existing wallpaper" }).click();
    await expect(page).toHaveURL(/\/wallpapers\/[0-9a-f-]{36}$/);
    const facts = page.getByTestId("wallpaper-facts");
    await expect(facts).toContainText("TwoWings.jpg");
    await expect(facts).toContainText("image/jpeg");
    await expect(facts).toContainText(/\d+ × \d+/);
    await page.screenshot({ path: testInfo.outputPath("wallpaper-page.png"), fullPage: true });
  });

  test("files that are not wallpapers are rejected with the reason", async ({ page }, testInfo) => {
    await page.goto("/upload");
    const pdf = generatedFile(
      "brochure.pdf",
      "application/pdf",
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const html = generatedFile(
      "cat.jpg",
      "image/jpeg",
      "<!doctype html><html><body><script>alert(1)</script>",
    );
    const good = corpusFile("nature/GreenMeadow.jpg");
    await dropFiles(page, [pdf, html, good]);

    for (const name of [pdf.name, html.name]) {
      await expect(row(page, name)).toHaveAttribute("data-state", "rejected", { timeout: 15_000 });
      await expect(row(page, name).getByTestId("upload-outcome")).toContainText(/^Rejected: .{10,}/);
    }
    await expect(row(page, html.name).getByTestId("upload-outcome")).toContainText(/HTML/i);
    // Its preview could not decode either: the row falls back to the extension instead of a broken image.
    await expect(row(page, html.name).locator(".upload-thumb-empty")).toHaveText("jpg");
    await expect(row(page, good.name)).toHaveAttribute("data-state", "added", { timeout: 30_000 });
    await expect(page.getByTestId("upload-summary")).toContainText("1 added · 0 duplicate · 2 rejected");
    await page.screenshot({ path: testInfo.outputPath("upload-rejected.png"), fullPage: true });
  });

  test("the drop zone works from the keyboard, and a slow upload can be paused and resumed", async ({
    page,
  }, testInfo) => {
    await page.goto("/upload");
    // Throttle uploads so the transfer is still running when we press Pause.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });

    await chooseFilesWithKeyboard(page, join(corpus, "nature/Blinds.jpg"));

    const blinds = row(page, "Blinds.jpg");
    await expect(blinds).toHaveAttribute("data-state", "uploading", { timeout: 15_000 });
    await expect(blinds.locator(".upload-percent")).not.toHaveText("0%", { timeout: 15_000 });
    await expect(blinds.locator(".upload-speed")).toContainText("/s");
    await page.screenshot({ path: testInfo.outputPath("upload-progress.png"), fullPage: true });

    await blinds.getByRole("button", { name: /Pause/ }).click();
    await expect(blinds).toHaveAttribute("data-state", "paused");
    const pausedAt = await blinds.locator(".upload-percent").textContent();
    await page.waitForTimeout(1000);
    await expect(blinds.locator(".upload-percent")).toHaveText(pausedAt ?? "");
    await page.screenshot({ path: testInfo.outputPath("upload-paused.png"), fullPage: true });

    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await blinds.getByRole("button", { name: /Resume/ }).click();
    await expect(blinds).toHaveAttribute("data-state", "added", { timeout: 30_000 });
  });
});
