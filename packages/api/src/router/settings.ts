import { getAccountSettings, settingsPatch, updateAccountSettings } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

/**
 * An account's own settings (purities shown, tag blacklist, gallery defaults, tile size), stored on the
 * server so they follow the account to every device, feed and wallpaper changer. The caller's own only:
 * a session or its API key acts as its owner.
 */
export const settingsRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => getAccountSettings(ctx.db, ctx.user)),
  /** Saves the fields given (null clears an optional one) and answers the settings as stored. */
  update: protectedProcedure
    .input(settingsPatch)
    .mutation(({ ctx, input }) => updateAccountSettings(ctx.db, ctx.user, input)),
});
