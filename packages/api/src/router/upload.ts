import { clientAddress, consumeRateLimit } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import { purities } from "@wallpaperdb/db/purity";
import {
  completeUpload,
  createUpload,
  findExistingBySha256,
  getUploadStatus,
  type IngestDeps,
  type Uploader,
} from "@wallpaperdb/ingest";
import { z } from "zod";
import type { TRPCContext } from "../trpc.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

function ingestDeps(ctx: TRPCContext): IngestDeps {
  if (!ctx.ingest) throw new AppError("dependency_unavailable", "Uploads are not configured on this server.");
  return { ...ctx.ingest, db: ctx.db, blobStore: ctx.blobStore, logger: ctx.logger };
}

/** Used when the host gives no auth services (tests); the web app passes UPLOAD_RATE_LIMIT_PER_MINUTE. */
const DEFAULT_UPLOADS_PER_MINUTE = 120;

/**
 * The one place that decides who may upload: any signed-in user (session or API key); anonymous callers
 * only when ALLOW_ANONYMOUS_UPLOADS is on (off by default). A signed-in user's uploads carry their id,
 * and ingest refuses completing or reading another account's upload.
 */
function mayUpload(ctx: TRPCContext, deps: IngestDeps): boolean {
  return ctx.user !== null || deps.settings.allowAnonymousUploads;
}

const uploaderProcedure = publicProcedure.use(({ ctx, next }) => {
  const deps = ingestDeps(ctx);
  if (!mayUpload(ctx, deps)) {
    throw new AppError("unauthorized", "Sign in to upload.");
  }
  const uploader: Uploader = ctx.user ? { id: ctx.user.id } : null;
  return next({ ctx: { ingestDeps: deps, uploader } });
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a lower-case hex SHA-256");
const uploadId = z.object({ uploadId: z.uuid() }).strict();

export const uploadRouter = createTRPCRouter({
  /** Lets the upload page ask for a sign-in before the drop instead of refusing each file after it. */
  settings: publicProcedure.query(({ ctx }) => ({ mayUpload: mayUpload(ctx, ingestDeps(ctx)) })),

  /** Which of these hashes are already wallpapers: the client skips sending those bytes. */
  check: uploaderProcedure
    .input(z.object({ sha256: z.array(sha256).min(1).max(500) }).strict())
    .query(async ({ ctx, input }) => ({
      existing: await findExistingBySha256(ctx.ingestDeps, input.sha256),
    })),

  create: uploaderProcedure
    .input(
      z
        .object({
          filename: z.string().min(1).max(255),
          size: z.number().int().positive(),
          type: z.string().max(255).optional(),
          /** the wallpaper's purity (sfw when left out) */
          purity: z.enum(purities).optional(),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      // Per account (per address for anonymous uploads), counted in PostgreSQL so every process shares it.
      const who = ctx.uploader ? `user:${ctx.uploader.id}` : `ip:${clientAddress(ctx.headers)}`;
      const limit = ctx.auth?.settings.limits.uploadCreatePerMinute ?? DEFAULT_UPLOADS_PER_MINUTE;
      const decision = await consumeRateLimit(ctx.db, `upload.create:${who}`, limit, 60_000);
      if (!decision.allowed) {
        throw new AppError(
          "rate_limited",
          `Too many uploads; try again in ${decision.retryAfterSeconds} s.`,
          {
            retryAfterSeconds: decision.retryAfterSeconds,
          },
        );
      }
      return createUpload(ctx.ingestDeps, input, ctx.uploader);
    }),

  complete: uploaderProcedure
    .input(uploadId)
    .mutation(({ ctx, input }) => completeUpload(ctx.ingestDeps, input.uploadId, ctx.uploader)),

  byId: uploaderProcedure
    .input(uploadId)
    .query(({ ctx, input }) => getUploadStatus(ctx.ingestDeps, input.uploadId, ctx.uploader)),
});
