import { AppError } from "@wallpaperdb/core/errors";
import { MAX_PAGE_SIZE } from "@wallpaperdb/search/query";
import { wallhavenCollection, wallhavenSettings } from "./account-shapes.ts";
import { badParameter } from "./errors.ts";
import { listingItems } from "./facts.ts";
import { pageByNumber } from "./paging.ts";
import type { WallhavenCall } from "./request.ts";
import { WALLHAVEN_PER_PAGE } from "./search-params.ts";
import { pageMeta } from "./shapes.ts";

/** GET /api/v1/settings: the API key owner's settings (`settings.get`; 401 without a key). */
export async function wallhavenSettingsOf(call: WallhavenCall) {
  return { data: wallhavenSettings(await call.caller.settings.get()) };
}

/** GET /api/v1/collections: the key owner's collections; /collections/<username>: that account's public ones. */
export async function wallhavenCollections(call: WallhavenCall, username: string | null) {
  const rows =
    username === null
      ? await call.caller.collection.mine({})
      : await call.caller.collection.listPublicByUser({ username });
  return { data: rows.map(wallhavenCollection) };
}

const MAX_COLLECTION_PAGE = 200;

function collectionNotFound(id: string): AppError {
  return new AppError("not_found", "No such collection.", {
    reason: "collection_not_found",
    collectionId: id,
  });
}

/**
 * GET /api/v1/collections/<username>/<id>: the wallpapers of one collection in its order, 24 a page
 * (`collection.byId` and `collection.items`: a private one only with its owner's key). The collection
 * must belong to <username>, as its wallhaven URL says.
 */
export async function wallhavenCollectionItems(
  call: WallhavenCall,
  username: string,
  id: string,
  origin: string,
) {
  if (!/^[0-9a-f-]{36}$/iu.test(id)) throw collectionNotFound(id);
  const summary = await call.caller.collection.byId({ collectionId: id.toLowerCase() });
  const owner = summary.own
    ? (await call.caller.account.me())?.username
    : (await call.caller.collection.listPublicByUser({ username })).some((row) => row.id === summary.id)
      ? username
      : null;
  if (owner?.toLowerCase() !== username.toLowerCase()) throw collectionNotFound(id);
  const pageText = call.params.get("page") ?? "1";
  const page = Number(pageText);
  if (!/^\d{1,4}$/u.test(pageText) || page < 1 || page > MAX_COLLECTION_PAGE) {
    throw badParameter("page", `page is a whole number from 1 to ${MAX_COLLECTION_PAGE}.`);
  }
  const { page: found } = await pageByNumber(
    (limit, cursor) => call.caller.collection.items({ collectionId: summary.id, cursor, limit }),
    (page - 1) * WALLHAVEN_PER_PAGE,
    WALLHAVEN_PER_PAGE,
    MAX_PAGE_SIZE,
  );
  const items = found?.items ?? [];
  return {
    data: await listingItems(call.ctx.db, items, origin),
    meta: pageMeta(page, WALLHAVEN_PER_PAGE, summary.itemCount),
  };
}
