import type { Purity } from "@wallpaperdb/db/purity";
/** One document per visible wallpaper. Tags are canonical ids (aliases resolve before the query). */
export type WallpaperDocument = {
  id: string;
  media_type: "image" | "video";
  width: number;
  height: number;
  /** ISO timestamp with microseconds: date_nanos keeps the same order (and ties) as PostgreSQL */
  created_at: string;
  aspect_name: string | null;
  orientation: string | null;
  quality_score: number | null;
  /** signed 64-bit, as a string so JSON does not round it */
  phash: string | null;
  tag_ids: number[];
  /** `wallpapers.color_names`: the named colours by the one colour rule, as the colour step stored them */
  color_names: string[];
  /** the uploader's account id (`uploader:`), null once the account is gone */
  uploader_id: string | null;
  purity: Purity;
  colors: { l: number; a: number; b: number; fraction: number }[];
};

export const wallpaperIndexBody = {
  settings: { number_of_shards: 1, refresh_interval: "1s" },
  mappings: {
    dynamic: "strict",
    properties: {
      id: { type: "keyword" },
      media_type: { type: "keyword" },
      width: { type: "integer" },
      height: { type: "integer" },
      created_at: { type: "date_nanos" },
      aspect_name: { type: "keyword" },
      orientation: { type: "keyword" },
      quality_score: { type: "float" },
      phash: { type: "long" },
      tag_ids: { type: "long" },
      color_names: { type: "keyword" },
      uploader_id: { type: "keyword" },
      purity: { type: "keyword" },
      colors: {
        type: "nested",
        properties: {
          l: { type: "float" },
          a: { type: "float" },
          b: { type: "float" },
          fraction: { type: "float" },
        },
      },
    },
  },
} as const;
