import { AppError } from "@wallpaperdb/core/errors";

/**
 * The top list reads popularity kept in PostgreSQL (wallpaper_top_scores), which OpenSearch documents
 * do not carry: a backend without it refuses `sort:top` with this stable reason instead of quietly
 * answering another order.
 */
export function topListUnsupported(backend: string): AppError {
  return new AppError(
    "bad_request",
    `The top list (sort:top) is not available with the ${backend} search backend; use another order.`,
    { reason: "sort_not_supported", sort: "top" },
  );
}
