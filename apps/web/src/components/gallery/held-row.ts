"use client";

import { type RefObject, useLayoutEffect } from "react";

/**
 * Holds back the last, partly filled row while more pages are coming, when it is below the screen.
 * Rows are justified: when the next page arrives, its first tiles join that row and every tile in it
 * widens, a layout shift if the row is in view by then (a short page, small tiles, a tall monitor, a
 * quick scroll). Hidden until then, the row is simply completed by the next page, and the grid only
 * ever grows downwards. A row already on screen when the page is laid out is left alone. Held tiles
 * stay loaded (select all, the viewer's walk); the grid's `::after` filler is dropped meanwhile, so the
 * row above them, now last, keeps its full justified width.
 */
export function useHeldLastRow(grid: RefObject<HTMLElement | null>, hold: boolean, layoutKey: string): void {
  useLayoutEffect(() => {
    const element = grid.current;
    if (!element) return;
    const apply = () => {
      const tiles = [...element.querySelectorAll<HTMLElement>(":scope > .gallery-tile")];
      for (const tile of tiles) delete tile.dataset.held;
      delete element.dataset.holding;
      if (!hold || tiles.length === 0) return;
      const lastTop = tiles.at(-1)?.offsetTop ?? 0;
      const lastRow = tiles.filter((tile) => tile.offsetTop === lastTop);
      // A page that is all one row shows that row: something must be on screen. A row already on
      // screen stays too: hiding it would itself be a change in view (its neighbours re-justify).
      if (lastRow.length === tiles.length) return;
      if ((lastRow[0]?.getBoundingClientRect().top ?? 0) < window.innerHeight) return;
      for (const tile of lastRow) tile.dataset.held = "true";
      element.dataset.holding = "true";
    };
    apply();
    // A new width makes new rows.
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      apply();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [grid, hold, layoutKey]);
}
