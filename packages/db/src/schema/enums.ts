import { pgEnum } from "drizzle-orm/pg-core";
import { purities, puritySources } from "./purity.ts";

export const userRole = pgEnum("user_role", ["user", "curator", "admin"]);
export const uploadState = pgEnum("upload_state", [
  "initiated",
  "receiving",
  "received",
  "committed",
  "rejected",
  "expired",
]);
export const mediaType = pgEnum("media_type", ["image", "video"]);
export const moderationStatus = pgEnum("moderation_status", ["pending", "approved", "rejected"]);
export const stepState = pgEnum("step_state", ["pending", "running", "done", "failed", "skipped"]);
export const tagCategory = pgEnum("tag_category", [
  "general",
  "subject",
  "style",
  "source",
  "artist",
  "meta",
]);
export const tagSource = pgEnum("tag_source", ["human", "auto", "implied"]);
export const wallpaperPurity = pgEnum("wallpaper_purity", purities);
export const puritySource = pgEnum("purity_source", puritySources);
