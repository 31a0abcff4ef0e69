// Side-effect free: the tag vocabulary's rules and the functions that apply them to an Executor.
export { addAlias, listAliases, removeAlias } from "./aliases.ts";
export { autocompleteQuery, autocompleteTags, type AutocompleteHit } from "./autocomplete.ts";
export { tagCategories, tagCategoryInfo, type TagCategory } from "./categories.ts";
export { tagRuleError, type TagRuleReason } from "./errors.ts";
export { checkNewImplication, type Edge, findPath, impliedBy } from "./graph.ts";
export { type HistoryEntry, type HistoryTarget, revertTagChange, tagHistory } from "./history.ts";
export { addImplication, listImplications, removeImplication } from "./implications.ts";
export { getTagByName, listTags, type ListTagsInput } from "./list.ts";
export { mergeTags, type MergePreview, previewMerge } from "./merge.ts";
export { MAX_TAG_NAME_LENGTH, normalizePrefix, normalizeTagName, normalizeTagNameResult } from "./normalize.ts";
export { ensureTags, type ResolvedNames, resolveTagNames } from "./resolve.ts";
export { suggestTags, type SuggestionReason, type TagSuggestion } from "./suggest.ts";
export { createTag, getTagById, renameTag, type TagRow, updateTag } from "./tag-crud.ts";
export type { WallpaperTagDiff } from "./tag-engine.ts";
export { type Actor, systemActor, type TagSource, type TagSummary } from "./types.ts";
export {
  type BulkTarget,
  bulkTag,
  findWallpapersByTagList,
  getWallpaperTags,
  MAX_BULK_WALLPAPERS,
  setAutoTags,
  setTags,
  type SetTagsResult,
  type WallpaperTag,
  wallpaperTagVersion,
} from "./wallpaper-tags.ts";
