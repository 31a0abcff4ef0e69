import { clientAddress } from "@wallpaperdb/auth";
import { utcDay } from "@wallpaperdb/search";
import { countView, isPersonViewing, type Visitor, visitorKey } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

/**
 * Popularity: the wallpaper page reports that it was shown to a person. It is a mutation sent by the
 * page once it is on screen, not a count on render, so the viewer's prefetches of its neighbours (and
 * server renders nobody saw) never count; bots and browser prefetches are recognised by their headers.
 */
export const popularityRouter = createTRPCRouter({
  /** One view per visitor per wallpaper per UTC day; later calls that day answer `already_counted`. */
  view: publicProcedure
    .input(z.object({ wallpaperId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (!isPersonViewing(ctx.headers)) return { outcome: "not_counted" as const };
      const now = new Date();
      const visitor: Visitor = ctx.user
        ? { kind: "account", accountId: ctx.user.id }
        : {
            kind: "anonymous",
            address: clientAddress(ctx.headers),
            userAgent: ctx.headers.get("user-agent") ?? "",
          };
      const key = visitorKey(visitor, utcDay(now), ctx.auth?.settings.secret ?? "");
      return { outcome: await countView(ctx.db, ctx.user, input.wallpaperId, key, now) };
    }),
});
