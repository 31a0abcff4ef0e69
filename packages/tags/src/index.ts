// Side-effect free: the tag vocabulary's rules and the functions that apply them to an Executor.
export { addAlias, listAliases, removeAlias } from "./aliases.ts";
export { type AutocompleteHit, autocompleteQuery, autocompleteTags } from "./autocomplete.ts";
export { type TagCategory, tagCategories, tagCategoryInfo } from "./categories.ts";
export {
  type DidYouMeanHit,
  didYouMean,
  didYouMeanAll,
  didYouMeanName,
  didYouMeanQuery,
  MAX_DID_YOU_MEAN,
} from "./did-you-mean.ts";
export { type TagRuleReason, tagRuleError } from "./errors.ts";
export {
  type AutoTagInput,
  aspectTagName,
  autoTagNames,
  colorTagName,
  type FactKind,
  factTagKind,
  isFactTagName,
} from "./fact-tags.ts";
export { checkNewImplication, type Edge, findPath, impliedBy } from "./graph.ts";
export { type HistoryEntry, type HistoryTarget, revertTagChange, tagHistory } from "./history.ts";
export { addImplication, listImplications, removeImplication } from "./implications.ts";
export { getTagByName, type ListTagsInput, listTags } from "./list.ts";
export { linkedTagNames, type MarkupInline, type MarkupParagraph, parseTagMarkup } from "./markup.ts";
export { type MergePreview, mergeTags, previewMerge } from "./merge.ts";
export {
  MAX_TAG_NAME_LENGTH,
  normalizePrefix,
  normalizeTagName,
  normalizeTagNameResult,
} from "./normalize.ts";
export {
  RELATED_SAMPLE,
  type RelatedTag,
  type RelatedTags,
  relatedTags,
  relatedTagsQuery,
} from "./related.ts";
export { type ProposeInput, proposeTagRequest, withdrawTagRequest } from "./requests.ts";
export { type Decision, decideTagRequest } from "./requests-decide.ts";
export { type TagRequestReason, tagRequestError } from "./requests-errors.ts";
export {
  type ListTagRequestsInput,
  listTagRequests,
  type RequestPerson,
  type TagRequestView,
} from "./requests-list.ts";
export {
  MAX_REQUEST_NOTE_LENGTH,
  MAX_REQUEST_REASON_LENGTH,
  type TagRequestKind,
  type TagRequestStatus,
} from "./requests-rules.ts";
export { ensureTags, type ResolvedNames, resolveTagNames } from "./resolve.ts";
export { type SuggestOptions, suggestTags, type TagSuggestion } from "./suggest.ts";
export {
  CO_OCCURRENCE_SAMPLE,
  coOccurrenceQuery,
  flaggedDuplicatesQuery,
  neighbourTagsQuery,
} from "./suggest-evidence.ts";
export type {
  NeighbourMatch,
  SimilarNeighbour,
  SuggestionReason,
} from "./suggest-reasons.ts";
export { createTag, getTagById, renameTag, type TagRow, updateTag } from "./tag-crud.ts";
export { detachWallpaperTags, MAX_TAGS_PER_WALLPAPER, type WallpaperTagDiff } from "./tag-engine.ts";
export { loadTagPage, type TagPage, type TagRef } from "./tag-page.ts";
export { type Actor, systemActor, type TagSource, type TagSummary } from "./types.ts";
export {
  type BulkTarget,
  bulkTag,
  getWallpaperTags,
  MAX_BULK_WALLPAPERS,
  type SetTagsResult,
  setAutoTags,
  setTags,
  type WallpaperTag,
  wallpaperTagVersion,
} from "./wallpaper-tags.ts";
