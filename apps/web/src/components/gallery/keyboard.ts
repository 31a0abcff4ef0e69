import type { KeyboardEvent } from "react";

/**
 * Arrow keys move focus through the grid by geometry, so it works for justified rows whose lengths
 * differ: left/right step through the order, up/down go to the tile in the previous/next row whose
 * center is closest horizontally. Enter follows the link (native behaviour of the focused anchor).
 */
export function moveGridFocus(
  event: KeyboardEvent<HTMLElement>,
  container: HTMLElement | null,
  index: number,
): void {
  if (!container) return;
  const tiles = [...container.querySelectorAll<HTMLElement>("[data-testid=gallery-tile]")];
  const current = tiles[index];
  if (!current) return;
  let target: HTMLElement | undefined;
  if (event.key === "ArrowRight") target = tiles[index + 1];
  else if (event.key === "ArrowLeft") target = tiles[index - 1];
  else if (event.key === "Home") target = tiles[0];
  else if (event.key === "End") target = tiles.at(-1);
  else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    const box = current.getBoundingClientRect();
    const center = box.left + box.width / 2;
    const down = event.key === "ArrowDown";
    const candidates = tiles
      .map((tile) => ({ tile, box: tile.getBoundingClientRect() }))
      .filter(({ box: b }) =>
        down ? b.top > box.top + box.height / 2 : b.bottom < box.bottom - box.height / 2,
      );
    if (candidates.length > 0) {
      const rowTop = down
        ? Math.min(...candidates.map((c) => c.box.top))
        : Math.max(...candidates.map((c) => c.box.top));
      const row = candidates.filter((c) => Math.abs(c.box.top - rowTop) < 4);
      row.sort(
        (a, b) =>
          Math.abs(a.box.left + a.box.width / 2 - center) - Math.abs(b.box.left + b.box.width / 2 - center),
      );
      target = row[0]?.tile;
    }
  } else return;
  event.preventDefault();
  target?.focus();
  target?.scrollIntoView({ block: "nearest" });
}
