import type { Caller } from "@wallpaperdb/auth";
import type { TagCategory } from "./categories.ts";

/** The processing workers (autotag, implication re-derivation): changes no account made. */
export const systemActor = { id: null } as const;

/**
 * Who a tag change is recorded against: a caller, or the system. Not a second caller type: the audit
 * log and `tag_source` also record changes nobody asked for (autotag), which have no id and no role.
 */
export type Actor = Pick<Caller, "id"> | typeof systemActor;

export type TagSource = "human" | "auto" | "implied";

export interface TagSummary {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
}
