import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "../apps/web/scripts/e2e-env.ts";
import { holdVariantsStep, type ProcessingHold } from "../apps/web/scripts/e2e-processing-hold.ts";

const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const steps = ["stored", "variants", "quality", "color", "ready"];

async function dropImage(page: Page, relative: string): Promise<string> {
  const name = relative.split("/").pop() ?? relative;
  const base64 = readFileSync(join(corpus, relative)).toString("base64");
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: "image/jpeg" }));
      return transfer;
    },
    { name, base64 },
  );
  const zone = page.getByTestId("dropzone");
  for (const type of ["dragenter", "dragover", "drop"]) await zone.dispatchEvent(type, { dataTransfer });
  return name;
}

/** Every state each step shows, recorded in the page so quick transitions are not missed. */
async function recordStepStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    const w = window as unknown as { stepStates: typeof seen; loadedOnce: boolean };
    w.stepStates = seen;
    w.loadedOnce = true;
    const record = () => {
      for (const item of document.querySelectorAll<HTMLElement>(
        "[data-testid=processing-progress] [data-step]",
      )) {
        const step = item.dataset.step ?? "";
        const list = seen[step] ?? [];
        if (list.at(-1) !== item.dataset.state) list.push(item.dataset.state ?? "");
        seen[step] = list;
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

test.describe("live processing progress", () => {
  let hold: ProcessingHold | undefined;
  test.afterEach(async () => {
    await hold?.close();
    hold = undefined;
  });

  test("steps appear live until ready with no reload, after the first SSE connection failed", async ({
    page,
  }, testInfo) => {
    const subscriptions: string[] = [];
    let aborted = false;
    // The first subscription request fails at the network level; EventSource must retry by itself.
    await page.route("**/api/trpc/progress.wallpaper**", async (route) => {
      subscriptions.push(route.request().url());
      if (aborted) return route.continue();
      aborted = true;
      return route.abort("connectionreset");
    });
    hold = await holdVariantsStep(e2eEnv.databaseUrl);
    await page.goto("/upload");
    await recordStepStates(page);
    const name = await dropImage(page, "nature/LadyBird.jpg");

    const row = page.locator(`[data-testid=upload-row][data-filename="${name}"]`);
    await expect(row).toHaveAttribute("data-state", "added", { timeout: 30_000 });
    const progress = row.getByTestId("processing-progress");
    const step = (name: string) => progress.locator(`[data-step="${name}"]`);

    // Live: the worker has started variants and is held before it can store them.
    await expect(step("variants")).toHaveAttribute("data-state", "running", { timeout: 15_000 });
    await expect(step("stored")).toHaveAttribute("data-state", "done");
    for (const waiting of ["quality", "color", "ready"]) {
      await expect(step(waiting)).toHaveAttribute("data-state", "pending");
    }
    await expect(progress).toHaveAttribute("data-status", "processing");
    await page.screenshot({ path: testInfo.outputPath("progress-running.png"), fullPage: true });

    await hold.release();
    await expect(progress).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    for (const name of steps) await expect(step(name)).toHaveAttribute("data-state", "done");
    await page.screenshot({ path: testInfo.outputPath("progress-ready.png"), fullPage: true });

    expect(subscriptions.length).toBeGreaterThanOrEqual(2);
    const state = await page.evaluate(() => {
      const w = window as unknown as { stepStates: Record<string, string[]>; loadedOnce?: boolean };
      return { seen: w.stepStates, loadedOnce: w.loadedOnce === true };
    });
    expect(state.loadedOnce).toBe(true); // the same page all along: no reload
    expect(state.seen.variants).toEqual(expect.arrayContaining(["running", "done"]));
    // Each step only moved forward and ended done: every change reached the page.
    for (const name of steps) expect(state.seen[name]?.at(-1), name).toBe("done");
    for (const name of ["quality", "color", "ready"]) expect(state.seen[name]?.[0], name).toBe("pending");
  });
});
