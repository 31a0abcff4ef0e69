export {
  type Moderation,
  mayChangeWallpaper,
  mayViewPurity,
  mayViewWallpaper,
  type WallpaperAccess,
} from "./access.ts";
export {
  addToCollection,
  type CollectionPage,
  collectionPage,
  collectionPageQuery,
  moveInCollection,
  publicCollectionNewest,
  randomCollectionWallpaper,
  removeFromCollection,
} from "./collection-items.ts";
export { POSITION_GAP, positionBetween } from "./collection-order.ts";
export {
  type CollectionFields,
  type CollectionSummary,
  collectionNotFound,
  createCollection,
  deleteCollection,
  listMyCollections,
  listPublicCollections,
  MAX_COLLECTION_ITEMS,
  MAX_COLLECTIONS_PER_ACCOUNT,
  type MyCollection,
  mayViewCollection,
  requireViewableCollection,
  updateCollection,
} from "./collections.ts";
export { type DeletedAccount, deleteAccount, type UploadChoice, uploadChoices } from "./delete-account.ts";
export { type DeletedWallpaper, deleteWallpaper } from "./delete-wallpaper.ts";
export { type DuplicateGroup, type DuplicateMember, duplicateGroups } from "./duplicate-review.ts";
export {
  type BulkKeepOutcome,
  dismissDuplicateGroup,
  type KeepDecision,
  type KeepResult,
  keepDuplicate,
  keepDuplicatesInBulk,
} from "./duplicate-review-keep.ts";
export { defaultKeep, duplicateReason, groupFlags, groupVersion } from "./duplicate-review-rules.ts";
export {
  type FavoritePage,
  type FavoriteState,
  favoritedAmong,
  favoriteState,
  favoritesPageQuery,
  listFavorites,
  setFavorite,
} from "./favorites.ts";
export { variantUrl } from "./media-url.ts";
export { moderateWallpapers, moderationQueue, resolveDuplicate } from "./moderation.ts";
export {
  loadPalette,
  type PaletteEntry,
  requireWallpaperAnswer,
  type WallpaperAnswer,
} from "./palette.ts";
export {
  countView,
  isPersonViewing,
  loadPopularity,
  type Popularity,
  type ViewOutcome,
  type Visitor,
  visitorKey,
} from "./popularity.ts";
export {
  COVER_SIZE,
  listPublicCollectionsByUsername,
  type PublicCollection,
} from "./public-collections.ts";
export { setWallpaperPurity } from "./purity.ts";
export {
  assertMayChangeWallpaper,
  loadWallpaperRecord,
  requireViewableWallpaper,
  type WallpaperRecord,
  wallpaperNotFound,
} from "./record.ts";
export { getAccountSettings, updateAccountSettings } from "./settings.ts";
export * from "./settings-shape.ts";
export { loadUploaderProfile, requirePublicAccount, type UploaderProfile } from "./uploader.ts";
export { loadWallpaperView, type ViewVariant, type WallpaperView } from "./view.ts";
export { loadViewerScope } from "./viewer-scope.ts";
