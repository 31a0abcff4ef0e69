export const tagCategories = ["general", "subject", "style", "source", "artist", "meta"] as const;
export type TagCategory = (typeof tagCategories)[number];

/** What the UI shows for each category: one color per category, as on Danbooru. */
export const tagCategoryInfo: Record<TagCategory, { label: string; color: string; description: string }> = {
  general: { label: "General", color: "#0075f8", description: "What is in the picture." },
  subject: { label: "Subject", color: "#00ab2c", description: "Named places, characters, objects." },
  style: { label: "Style", color: "#c797ff", description: "Art style, technique, mood." },
  source: { label: "Source", color: "#a800aa", description: "Game, film, series or collection." },
  artist: { label: "Artist", color: "#c00004", description: "Who made it." },
  meta: { label: "Meta", color: "#fd9200", description: "Facts about the file: resolution, ratio, video." },
};
