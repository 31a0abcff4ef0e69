import { loadUploaderProfile } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

/** Public account pages (`/users/<username>`): who uploaded what. Their uploads are `uploader:` searches. */
export const userRouter = createTRPCRouter({
  byUsername: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(100) }).strict())
    .query(({ ctx, input }) => loadUploaderProfile(ctx.db, input.username)),
});
