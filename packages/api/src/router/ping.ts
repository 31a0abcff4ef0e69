import { AppError } from "@wallpaperdb/core/errors";
import { pings } from "@wallpaperdb/db";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export type PingStatus = "pending" | "delivered";

export const pingRouter = createTRPCRouter({
  /** Writes the ping and its event in one transaction: either both exist or neither does. */
  send: publicProcedure
    .input(z.object({ message: z.string().trim().min(1).max(200) }).strict())
    .mutation(async ({ ctx, input }) => {
      const pingId = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(pings).values({ message: input.message }).returning({ id: pings.id });
        if (!row) throw new AppError("internal", "The ping could not be recorded.");
        await enqueueEvent(tx, "system.ping.v1", { pingId: row.id, message: input.message });
        return row.id;
      });
      ctx.logger.debug({ pingId }, "ping enqueued");
      return { pingId };
    }),

  byId: publicProcedure.input(z.object({ pingId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(pings).where(eq(pings.id, input.pingId)).limit(1);
    if (!row) throw new AppError("not_found", "No ping with that id.", { pingId: input.pingId });
    const status: PingStatus = row.pongedAt ? "delivered" : "pending";
    return {
      pingId: row.id,
      message: row.message,
      status,
      createdAt: row.createdAt,
      pongedAt: row.pongedAt,
      pongedBy: row.pongedBy,
      latencyMs: row.pongedAt ? row.pongedAt.getTime() - row.createdAt.getTime() : null,
    };
  }),
});
