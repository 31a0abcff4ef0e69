import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type StreamCutter, startStreamCutter } from "./stream-cutter.ts";
import { e2eEnv } from "./support/env.ts";
import { holdVariantsStep, type ProcessingHold } from "./support/processing-hold.ts";

const corpus = join(import.meta.dirname, "../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate");
const steps = ["stored", "variants", "quality", "color", "classify", "detect", "ready"];

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
    const doneOrder: string[] = [];
    const w = window as unknown as { stepStates: typeof seen; doneOrder: string[]; loadedOnce: boolean };
    w.stepStates = seen;
    w.doneOrder = doneOrder;
    w.loadedOnce = true;
    const record = () => {
      for (const item of document.querySelectorAll<HTMLElement>(
        "[data-testid=processing-progress] [data-step]",
      )) {
        const step = item.dataset.step ?? "";
        const list = seen[step] ?? [];
        if (list.at(-1) !== item.dataset.state) {
          list.push(item.dataset.state ?? "");
          if (item.dataset.state === "done") doneOrder.push(step);
        }
        seen[step] = list;
      }
    };
    record(); // what is already on screen (the wallpaper page renders its progress at once)
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
}

async function recordedStates(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as {
      stepStates: Record<string, string[]>;
      doneOrder: string[];
      loadedOnce?: boolean;
    };
    return { seen: w.stepStates, doneOrder: w.doneOrder, loadedOnce: w.loadedOnce === true };
  });
}

test.describe("live processing progress", () => {
  let hold: ProcessingHold | undefined;
  let cutter: StreamCutter | undefined;
  test.afterEach(async () => {
    await hold?.close();
    hold = undefined;
    await cutter?.close();
    cutter = undefined;
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
    for (const waiting of ["quality", "color", "classify", "ready"]) {
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
    for (const name of ["quality", "color", "classify", "ready"])
      expect(state.seen[name]?.[0], name).toBe("pending");
  });

  test("an open SSE stream cut mid-way resumes from the last event id without missing a step", async ({
    page,
  }) => {
    const proxy = await startStreamCutter(e2eEnv.webPort);
    cutter = proxy;
    const subscriptions: string[] = [];
    // Only the progress stream goes through the cutter; the page, uploads and mutations stay direct.
    await page.route("**/api/trpc/progress.wallpaper**", async (route) => {
      const request = route.request();
      subscriptions.push(request.url());
      const url = new URL(request.url());
      url.port = String(proxy.port);
      return route.continue({ url: url.toString() });
    });
    hold = await holdVariantsStep(e2eEnv.databaseUrl);
    await page.goto("/upload");
    await recordStepStates(page);
    const name = await dropImage(page, "nature/Wood.jpg");

    const row = page.locator(`[data-testid=upload-row][data-filename="${name}"]`);
    await expect(row).toHaveAttribute("data-state", "added", { timeout: 30_000 });
    const progress = row.getByTestId("processing-progress");
    const step = (name: string) => progress.locator(`[data-step="${name}"]`);
    await expect(step("variants")).toHaveAttribute("data-state", "running", { timeout: 15_000 });
    await expect.poll(() => proxy.liveStreams().length, { timeout: 10_000 }).toBeGreaterThan(0);

    // (a) The open stream really drops: the connection is reset while the pipeline is mid-way.
    await expect(progress).toHaveAttribute("data-connection", "pending");
    const [lastDelivered] = proxy.cut();
    expect(lastDelivered, "the cut stream had delivered a tracked event").toBeTruthy();
    await expect(progress, "the page noticed the drop").toHaveAttribute("data-connection", "connecting");
    // What the server received on the reconnect: EventSource's Last-Event-ID header (or tRPC's
    // lastEventId input when the link itself reconnects).
    const before = proxy.requests.length;
    const resumedWith = () => {
      for (const request of proxy.requests.slice(before)) {
        const inInput = /%22lastEventId%22%3A%22(.*?)%22/.exec(request.line)?.[1];
        const id = request.lastEventId ?? (inInput ? decodeURIComponent(inInput) : null);
        if (id) return id;
      }
      return undefined;
    };
    await expect
      .poll(resumedWith, {
        timeout: 20_000,
        message: `requests after the cut: ${JSON.stringify(proxy.requests)}`,
      })
      .toBeTruthy();
    expect(resumedWith(), "the reconnect resumes after the last event the page saw").toBe(lastDelivered);
    expect(subscriptions.length).toBeGreaterThanOrEqual(2);
    // Connected again, with nothing lost meanwhile: the page never showed anything else.
    await expect(progress).toHaveAttribute("data-connection", "pending", { timeout: 10_000 });
    await expect(step("variants")).toHaveAttribute("data-state", "running");
    const eventsAtCut = proxy.eventCount();

    // (b) Everything after the cut arrives over the resumed stream: every step, in order, none missing.
    await hold.release();
    await expect(progress).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    for (const name of steps) await expect(step(name)).toHaveAttribute("data-state", "done");
    // variants done, quality, color and classify running/done, ready: all over the resumed connection.
    expect(proxy.eventCount() - eventsAtCut).toBeGreaterThanOrEqual(3);
    const state = await recordedStates(page);
    expect(state.loadedOnce).toBe(true);
    expect(state.doneOrder[0]).toBe("stored");
    expect(state.doneOrder[1]).toBe("variants");
    expect(new Set(state.doneOrder.slice(2, 6))).toEqual(new Set(["quality", "color", "classify", "detect"]));
    expect(state.doneOrder.at(-1)).toBe("ready");
    expect(state.doneOrder).toHaveLength(steps.length);
    const rank = { pending: 0, running: 1, done: 2 } as Record<string, number>;
    for (const name of steps) {
      const ranks = (state.seen[name] ?? []).map((value) => rank[value] ?? -1);
      expect(ranks, `${name} only moved forward`).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks.at(-1), name).toBe(2);
    }
  });

  test("the wallpaper page shows the steps live, then its picture, with no reload", async ({ page }) => {
    hold = await holdVariantsStep(e2eEnv.databaseUrl);
    await page.goto("/upload");
    const name = await dropImage(page, "nature/YellowFlower.jpg");
    const row = page.locator(`[data-testid=upload-row][data-filename="${name}"]`);
    await expect(row).toHaveAttribute("data-state", "added", { timeout: 30_000 });
    const href = await row.locator('a[href^="/wallpapers/"]').first().getAttribute("href");
    expect(href).toMatch(/^\/wallpapers\/[0-9a-f-]{36}$/);
    await page.goto(href ?? "/");

    await recordStepStates(page);
    const processing = page.getByTestId("wallpaper-processing");
    const step = (name: string) => processing.locator(`[data-step="${name}"]`);
    await expect(step("variants")).toHaveAttribute("data-state", "running", { timeout: 15_000 });
    await expect(step("quality")).toHaveAttribute("data-state", "pending");
    await expect(page.getByTestId("wallpaper-stage").locator("img")).toHaveCount(0);

    await hold.release();
    // Ready: the page re-renders in place with the picture the variants step stored.
    await expect(processing).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId("wallpaper-stage").locator("img").first()).toBeVisible();
    const state = await recordedStates(page);
    expect(state.loadedOnce).toBe(true);
    expect(state.doneOrder[0]).toBe("stored");
    expect(state.doneOrder).toEqual(expect.arrayContaining(["variants", "quality", "color", "detect"]));
    expect(state.doneOrder.indexOf("variants")).toBeLessThan(state.doneOrder.indexOf("quality"));
  });
});
