"use client";

import { TILE_SIZES, type TileSize } from "./tile-size.ts";
import { useTileSize } from "./tile-size-frame.tsx";

const names: Record<TileSize, { short: string; long: string }> = {
  small: { short: "S", long: "Small tiles" },
  medium: { short: "M", long: "Medium tiles" },
  large: { short: "L", long: "Large tiles" },
};

/** Three pressed-or-not buttons, applied at once (no history entry: a view preference, not a filter). */
export function TileSizeControl() {
  const { size, setSize } = useTileSize();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and borders into a one-row bar; role=group with a label is the same grouping.
    <div className="tile-size" role="group" aria-label="Tile size">
      {TILE_SIZES.map((option) => (
        <button
          key={option}
          type="button"
          className="tile-size-option"
          aria-pressed={size === option}
          aria-label={names[option].long}
          title={names[option].long}
          onClick={() => setSize(option)}
        >
          {names[option].short}
        </button>
      ))}
    </div>
  );
}
