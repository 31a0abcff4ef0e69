import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import type { EventEnvelope, EventType, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import type { MediaLimits } from "@wallpaperdb/media";
import type { SearchBackend } from "@wallpaperdb/search";
import type { BlobStore } from "@wallpaperdb/storage";
import { handleProcessedAutotag } from "./handlers/autotag.ts";
import { handleDeletedBlobCleanup } from "./handlers/blob-cleanup.ts";
import { handleVariantsReadyClassify } from "./handlers/classify.ts";
import { handleVariantsReadyColor } from "./handlers/color.ts";
import { handleVariantsReadyDetect } from "./handlers/detect.ts";
import { handleChangedIndexSearch, handleProcessedIndexSearch } from "./handlers/index-search.ts";
import { handleUploadedPoster } from "./handlers/poster.ts";
import { handleVariantsReadyQuality } from "./handlers/quality.ts";
import { handlePosterReadyVariants, handleUploadedVariants } from "./handlers/variants.ts";
import { PIPELINE_MAX_DELIVER } from "./pipeline/run-step.ts";

/** What every handler may use; main.ts builds it once. */
export interface HandlerDeps {
  db: Database;
  workerId: string;
  blobStore: BlobStore;
  mediaLimits: MediaLimits;
  logger: Logger;
  /** The search index SEARCH_BACKEND selects; with PostgreSQL the index handlers have nothing to do. */
  search: SearchBackend;
  /** Images in flight per process for the decode-heavy steps: about one per core (sharp uses 1 thread each). */
  imageConcurrency: number;
  /** Pictures the detect step takes at once per process (PIPELINE_DETECT_CONCURRENCY; 1 when unset). */
  detectConcurrency?: number;
}

export interface ConsumerComponent<T extends EventType = EventType> {
  /** Durable consumer name: every process running this component shares its work. */
  durable: string;
  types: T[];
  concurrency?: number | ((deps: HandlerDeps) => number);
  maxDeliver?: number;
  handle(deps: HandlerDeps, event: EventEnvelope<T>, ctx: HandlerContext): Promise<HandlerResult>;
}

function component<T extends EventType>(definition: ConsumerComponent<T>): ConsumerComponent<T> {
  return definition;
}

/** Event consumers by component name (the names WORKERS selects). */
export const consumerComponents = {
  // The processing pipeline. nats-server 2.9 allows one filter subject per consumer, so the variants
  // step has one durable for images (uploaded) and one for videos (poster ready).
  poster: component({
    durable: "pipeline-poster",
    types: ["wallpaper.uploaded.v1"],
    concurrency: (deps) => deps.imageConcurrency,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleUploadedPoster,
  }),
  variants: component({
    durable: "pipeline-variants",
    types: ["wallpaper.uploaded.v1"],
    concurrency: (deps) => deps.imageConcurrency,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleUploadedVariants,
  }),
  "variants-video": component({
    durable: "pipeline-variants-video",
    types: ["wallpaper.poster.ready.v1"],
    concurrency: (deps) => deps.imageConcurrency,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handlePosterReadyVariants,
  }),
  // Both read the small analysis blob: cheap, so more in flight.
  quality: component({
    durable: "pipeline-quality",
    types: ["wallpaper.variants.ready.v1"],
    concurrency: 4,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleVariantsReadyQuality,
  }),
  color: component({
    durable: "pipeline-color",
    types: ["wallpaper.variants.ready.v1"],
    concurrency: 4,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleVariantsReadyColor,
  }),
  // The nsfwjs model on WASM: loaded once per process (~250 MiB resident), one image at a time.
  classify: component({
    durable: "pipeline-classify",
    types: ["wallpaper.variants.ready.v1"],
    concurrency: 1,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleVariantsReadyClassify,
  }),
  // Objects, people and faces by a model loaded once per process, on first use (@wallpaperdb/vision);
  // its own component so it can run on machines of its own. The model runs one picture at a time.
  detect: component({
    durable: "pipeline-detect",
    types: ["wallpaper.variants.ready.v1"],
    concurrency: (deps) => deps.detectConcurrency ?? 1,
    maxDeliver: PIPELINE_MAX_DELIVER,
    handle: handleVariantsReadyDetect,
  }),
  // Search index (OpenSearch); a no-op ack with the PostgreSQL backend.
  "index-search": component({
    durable: "search-index",
    types: ["wallpaper.processed.v1"],
    handle: handleProcessedIndexSearch,
  }),
  // Tag edits and moderation decisions (one filter subject per consumer on nats-server 2.9).
  "index-search-changes": component({
    durable: "search-index-changes",
    types: ["wallpaper.changed.v1"],
    handle: handleChangedIndexSearch,
  }),
  // Auto-derived tags from the processed facts (replaces only the `auto` rows: idempotent).
  autotag: component({
    durable: "autotag",
    types: ["wallpaper.processed.v1"],
    handle: handleProcessedAutotag,
  }),
  // A deleted wallpaper's files (its rows are already gone).
  "blob-cleanup": component({
    durable: "blob-cleanup",
    types: ["wallpaper.deleted.v1"],
    handle: handleDeletedBlobCleanup,
  }),
  // generator:components (turbo gen worker adds entries above this line)
};

export type ConsumerComponentName = keyof typeof consumerComponents;

/**
 * `relay` publishes the outbox, `reconcile` repairs drift and `popularity` recomputes the top lists
 * periodically (one process at a time, by an advisory lock); they are components so processes can run
 * relay-only or consumers-only.
 */
export const componentNames = [
  "relay",
  "reconcile",
  "popularity",
  ...Object.keys(consumerComponents),
] as readonly string[];

export function isConsumerComponent(name: string): name is ConsumerComponentName {
  return Object.hasOwn(consumerComponents, name);
}

/** Parses WORKERS; unknown names stop start-up with the list of valid ones. */
export function selectComponents(spec: string | undefined): string[] {
  const requested = (spec ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (requested.length === 0) return [...componentNames];
  const unknown = requested.filter((name) => !componentNames.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `WORKERS names unknown component(s): ${unknown.join(", ")}. Valid components: ${componentNames.join(", ")}`,
    );
  }
  return [...new Set(requested)];
}
