export { type DeletedWallpaper, deleteWallpaper } from "./delete-wallpaper.ts";
export {
  type Actor,
  type ModerationStatus,
  moderateWallpapers,
  moderationQueue,
  resolveDuplicate,
} from "./moderation.ts";
