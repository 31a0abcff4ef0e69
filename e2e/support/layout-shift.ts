import type { Page } from "@playwright/test";

// Layout shifts as the CLS definition counts them (not within 500 ms of input), from the page's first
// paint on, with what moved: one recorder for every spec that asserts a page holds still.

export interface ShiftSource {
  /** `tag.class.class` of the moved element; `null` for a pseudo-element or a node since removed. */
  node: string | null;
  from: { x: number; y: number; width: number; height: number };
  to: { x: number; y: number; width: number; height: number };
}

export interface Shift {
  value: number;
  /** ms since navigation start */
  at: number;
  /** gallery tiles in the document when it happened, and how far the page was scrolled */
  tiles: number;
  scrollY: number;
  sources: ShiftSource[];
}

interface Recorder {
  shifts: Shift[];
  /** width of the first tile in the first frame that had one, before any script ran on the page */
  firstTileWidth?: number;
}

/** Starts recording on every document the page opens from now on (call before `goto`). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Entry = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    const recorder: Recorder = { shifts: [] };
    (window as unknown as { __layoutShifts: Recorder }).__layoutShifts = recorder;
    const name = (node: Node | null) =>
      node instanceof Element ? [node.tagName.toLowerCase(), ...node.classList].join(".") : null;
    const rect = (r: DOMRectReadOnly) => ({
      x: Math.round(r.x),
      y: Math.round(r.y),
      width: Math.round(r.width),
      height: Math.round(r.height),
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (entry.hadRecentInput) continue;
        recorder.shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          tiles: document.querySelectorAll("[data-testid=gallery-tile]").length,
          scrollY: Math.round(window.scrollY),
          sources: entry.sources.map((source) => ({
            node: name(source.node),
            from: rect(source.previousRect),
            to: rect(source.currentRect),
          })),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
    const firstFrame = () => {
      const tile = document.querySelector("[data-testid=gallery-tile]");
      if (tile) recorder.firstTileWidth = tile.getBoundingClientRect().width;
      else requestAnimationFrame(firstFrame);
    };
    requestAnimationFrame(firstFrame);
  });
}

/** The shifts recorded so far on the page's current document. */
export async function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { __layoutShifts: Recorder }).__layoutShifts.shifts);
}

/** Counts from here on: what loading the page moved is left to the specs about loading. */
export async function resetLayoutShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __layoutShifts: Recorder }).__layoutShifts.shifts = [];
  });
}

export async function firstTileWidth(page: Page): Promise<number | undefined> {
  return page.evaluate(
    () => (window as unknown as { __layoutShifts: Recorder }).__layoutShifts.firstTileWidth,
  );
}

/** The sum of the shifts (all of them, or those `which` keeps): the page's CLS when all are summed. */
export function shiftTotal(shifts: readonly Shift[], which: (shift: Shift) => boolean = () => true): number {
  return shifts.filter(which).reduce((sum, shift) => sum + shift.value, 0);
}

/** One line per shift naming what moved, for a failure message or a test annotation. */
export function describeShifts(shifts: readonly Shift[]): string {
  const box = (r: ShiftSource["from"]) => `${r.x},${r.y} ${r.width}x${r.height}`;
  return shifts
    .map(
      (shift) =>
        `${shift.value.toFixed(4)} at ${shift.at} ms (${shift.tiles} tiles, scrollY ${shift.scrollY}): ${shift.sources
          .map(
            (source) =>
              `${source.node ?? "(pseudo-element or removed)"} ${box(source.from)} → ${box(source.to)}`,
          )
          .join("; ")}`,
    )
    .join("\n");
}
