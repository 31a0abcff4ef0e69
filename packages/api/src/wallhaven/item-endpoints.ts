import { AppError } from "@wallpaperdb/core/errors";
import { loadCards } from "@wallpaperdb/search";
import { getTagById } from "@wallpaperdb/tags";
import { listingItems, tagFacts } from "./facts.ts";
import type { WallhavenCall } from "./request.ts";
import { wallhavenTag } from "./shapes.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function noWallpaper(id: string): AppError {
  return new AppError("not_found", "No wallpaper with that id.", {
    reason: "wallpaper_not_found",
    wallpaperId: id,
  });
}

/**
 * GET /api/v1/w/<id>: `wallpaper.view` (the page's rule: a visitor never sees a non-sfw wallpaper, which
 * is 404 here where wallhaven answers 401), with the listing fields, its tags and its uploader.
 */
export async function wallhavenWallpaper(call: WallhavenCall, id: string, origin: string) {
  if (!UUID.test(id)) throw noWallpaper(id);
  const view = await call.caller.wallpaper.view({ wallpaperId: id.toLowerCase() });
  const [card] = await loadCards(call.ctx.db, [view.id]);
  if (!card) throw noWallpaper(id);
  const [item] = await listingItems(call.ctx.db, [card], origin);
  const facts = await tagFacts(
    call.ctx.db,
    view.tags.map((tag) => tag.tagId),
  );
  return {
    data: {
      ...item,
      // WallpaperDB accounts have no avatar or group; the keys are kept for clients that read them.
      uploader: view.uploader
        ? {
            username: view.uploader.username,
            group: "User",
            avatar: { "200px": "", "128px": "", "32px": "", "20px": "" },
          }
        : null,
      tags: view.tags.map((tag) =>
        wallhavenTag({
          id: tag.tagId,
          name: tag.name,
          category: tag.category,
          aliases: facts.get(tag.tagId)?.aliases ?? [],
          createdAt: facts.get(tag.tagId)?.createdAt ?? view.createdAt,
        }),
      ),
    },
  };
}

/** GET /api/v1/tag/<id>: tags are public, ids are WallpaperDB's own integer tag ids. */
export async function wallhavenTagById(call: WallhavenCall, id: string) {
  const tagId = Number(id);
  if (!/^\d{1,9}$/u.test(id))
    throw new AppError("not_found", "No tag with that id.", { reason: "tag_not_found" });
  const tag = await getTagById(call.ctx.db, tagId);
  const facts = await tagFacts(call.ctx.db, [tagId]);
  return { data: wallhavenTag({ ...tag, aliases: facts.get(tagId)?.aliases ?? [] }) };
}
