import type { TagCategory } from "./categories.ts";

/** Who makes a change: a signed-in user, or the system (processing) when id is null. */
export interface Actor {
  id: string | null;
}

export const systemActor: Actor = { id: null };

export type TagSource = "human" | "auto" | "implied";

export interface TagSummary {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
}
