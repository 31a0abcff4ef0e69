"use client";

import { useState } from "react";
import { pickColor } from "./filters.ts";

export interface Swatch {
  name: string;
  hex: string;
}

interface Props {
  swatches: Swatch[];
  colors: string[];
  onChange(colors: string[]): void;
}

/**
 * One colour per click, as on wallhaven. Requiring several colours at once is explicit (shift-click, or
 * "+ add colour" first), and the selection says in words that every chosen colour must appear.
 */
export function ColorSwatches({ swatches, colors, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const nameOf = (hex: string) => swatches.find((s) => s.hex.replace("#", "") === hex)?.name ?? `#${hex}`;
  return (
    <fieldset className="filter-swatches">
      <legend className="filter-label">Colour</legend>
      <div className="swatch-row">
        {swatches.map((swatch) => {
          const hex = swatch.hex.replace("#", "");
          return (
            <button
              key={hex}
              type="button"
              className="swatch"
              data-testid="color-swatch"
              data-hex={hex}
              aria-pressed={colors.includes(hex)}
              aria-label={`Color ${swatch.name}`}
              title={`${swatch.name} (shift-click to add it to the colours)`}
              style={{ background: swatch.hex }}
              onClick={(event) => {
                onChange(pickColor(colors, hex, adding || event.shiftKey));
                setAdding(false);
              }}
            />
          );
        })}
        {colors.length > 0 ? (
          <button
            type="button"
            className="button button-ghost swatch-add"
            aria-pressed={adding}
            onClick={() => setAdding(!adding)}
          >
            + add colour
          </button>
        ) : null}
      </div>
      <p className="filter-hint muted" data-testid="color-rule" aria-live="polite">
        {adding
          ? "Pick a colour to add: wallpapers must contain every chosen colour."
          : colors.length > 1
            ? `Wallpapers containing all of: ${colors.map(nameOf).join(" and ")}.`
            : colors.length === 1
              ? `Wallpapers containing ${nameOf(colors[0] ?? "")}. Shift-click or “+ add colour” to require another too.`
              : "Click a colour to find wallpapers that contain it."}
      </p>
    </fieldset>
  );
}
