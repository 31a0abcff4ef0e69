import { type TagCategory, tagCategories, tagCategoryInfo } from "@wallpaperdb/tags/categories";
import type { CSSProperties, ReactNode } from "react";
import "./tags.css";

/** The categories in their display order; the names and colours live once in @wallpaperdb/tags. */
export const categoryNames: readonly string[] = tagCategories;

function categoryColor(category: string): string {
  return (tagCategories as readonly string[]).includes(category)
    ? tagCategoryInfo[category as TagCategory].color
    : "#9299ab";
}

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
  const style = { "--tag-color": categoryColor(category) } as CSSProperties;
  return (
    <span className={`tag-chip tag-source-${source ?? "human"}`} style={style} data-category={category}>
      <span className="tag-chip-name">{name}</span>
      {count === undefined ? null : <span className="tag-chip-count">{count}</span>}
      {children}
    </span>
  );
}
