import type { CSSProperties, ReactNode } from "react";
import "./tags.css";

// Mirrors tagCategoryInfo in @wallpaperdb/tags; kept here so chips render without a round trip.
export const categoryColors: Record<string, string> = {
  general: "#0075f8",
  subject: "#00ab2c",
  style: "#c797ff",
  source: "#a800aa",
  artist: "#c00004",
  meta: "#fd9200",
};

export const categoryNames = Object.keys(categoryColors);

export function TagChip({
  name,
  category,
  count,
  source,
  children,
}: {
  name: string;
  category: string;
  count?: number;
  source?: string;
  children?: ReactNode;
}) {
  const style = { "--tag-color": categoryColors[category] ?? "#9299ab" } as CSSProperties;
  return (
    <span className={`tag-chip tag-source-${source ?? "human"}`} style={style} data-category={category}>
      <span className="tag-chip-name">{name}</span>
      {count === undefined ? null : <span className="tag-chip-count">{count}</span>}
      {children}
    </span>
  );
}
