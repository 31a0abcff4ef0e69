export {
  EMBEDDING_DIMENSIONS,
  EMBEDDING_VERSION,
  embeddingDistance,
  embeddingSignHash,
  projectEmbedding,
} from "./embedding.ts";
export {
  CLASSIFIER_MODEL,
  type Classification,
  classifierModel,
  classifyPixels,
  type RgbPixels,
} from "./model.ts";
export {
  type ContentClass,
  type ContentScores,
  contentClasses,
  PURITY_THRESHOLDS,
  purityAfterSuggestion,
  suggestPurity,
} from "./purity-suggestion.ts";
