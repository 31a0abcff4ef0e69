import { tracked } from "@trpc/server";
import { AppError } from "@wallpaperdb/core/errors";
import type { EventBusNames } from "@wallpaperdb/events";
import { wallpaperProgressFeed } from "@wallpaperdb/pipeline/progress-feed";
import { requireViewableWallpaper } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { toTRPCError } from "../errors.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export function requireEventNames(events: EventBusNames | undefined): EventBusNames {
  if (!events) throw new AppError("dependency_unavailable", "Event stream settings are not configured.");
  return events;
}

export const progressRouter = createTRPCRouter({
  /**
   * Live processing progress of one wallpaper over SSE: the current step states first, then each
   * change until it is ready or failed. Every item is tracked, so httpSubscriptionLink reconnects
   * with `lastEventId` and the feed continues after the last change the client saw.
   * Visible like wallpaper.byId (`mayViewWallpaper`): a held or rejected wallpaper is not_found unless
   * its uploader or a curator subscribes, since even its existence is private. Approved ones are public
   * while they process, so anonymous uploaders follow their own uploads. Checked when the client
   * subscribes and again before each later change (one indexed lookup; a wallpaper makes about ten), so
   * one held or rejected mid-stream ends the feed with not_found at its next change.
   */
  wallpaper: publicProcedure
    .input(
      z
        .object({
          wallpaperId: z.uuid(),
          // Set by the client link on reconnect (the last tracked id), or by a script resuming.
          lastEventId: z.string().max(500).nullish(),
        })
        .strict(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const names = requireEventNames(ctx.events);
      try {
        // Runs on the subscriber's first read, like the feed, so the refusal is mapped below as well.
        await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
        const feed = wallpaperProgressFeed({ db: ctx.db, nats: ctx.nats, names }, input.wallpaperId, {
          lastEventId: input.lastEventId ?? null,
          ...(signal ? { signal } : {}),
        });
        let first = true;
        for await (const item of feed) {
          // The first item (the snapshot) follows the check above; every later change checks again.
          if (!first) await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
          first = false;
          yield tracked(item.id, item.data);
        }
      } catch (error) {
        // Errors thrown mid-stream skip the appErrors middleware; unmapped, a not_found would be an
        // INTERNAL_SERVER_ERROR, which the client link retries forever.
        throw error instanceof AppError ? toTRPCError(error) : error;
      }
    }),
});
