import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import type { Database, Executor } from "@wallpaperdb/db";
import { auditLog, wallpaperClassifications, wallpaperNearDuplicates, wallpapers } from "@wallpaperdb/db";
import { enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { aliasedTable, and, asc, count, desc, eq, inArray, ne, not, or, sql } from "drizzle-orm";

import type { Moderation } from "./access.ts";

const card = {
  id: wallpapers.id,
  mediaType: wallpapers.mediaType,
  originalFilename: wallpapers.originalFilename,
  width: wallpapers.width,
  height: wallpapers.height,
  sizeBytes: wallpapers.sizeBytes,
  uploaderId: wallpapers.uploaderId,
  moderation: wallpapers.moderation,
  moderationReason: wallpapers.moderationReason,
  processedAt: wallpapers.processedAt,
  createdAt: wallpapers.createdAt,
  purity: wallpapers.purity,
  // Where the purity came from: a curator sees whether the model or a person set it.
  puritySource: wallpapers.puritySource,
  // The classify step's scores and suggestion (null until it ran), so a curator sees why.
  classification: {
    model: wallpaperClassifications.model,
    suggestedPurity: wallpaperClassifications.suggestedPurity,
    drawing: wallpaperClassifications.drawing,
    hentai: wallpaperClassifications.hentai,
    neutral: wallpaperClassifications.neutral,
    porn: wallpaperClassifications.porn,
    sexy: wallpaperClassifications.sexy,
  },
};

/** Open near-duplicate flags: a flag whose newer copy is already rejected needs no decision any more. */
const openFlag = and(not(wallpaperNearDuplicates.resolved), ne(wallpapers.moderation, "rejected"));

/**
 * The moderation queue: pending wallpapers oldest first (fair to uploaders), or the approved/rejected
 * ones newest first so a curator can revisit a decision; each with its purity, where that came from,
 * and the classify step's class scores and suggested purity. Open near-duplicate flags come along, oldest
 * first, a page at a time (`duplicatesOffset`, `duplicatesLimit`) with their total: an import can flag
 * hundreds.
 */
export async function moderationQueue(
  db: Database,
  query: {
    status: Moderation;
    limit: number;
    offset: number;
    duplicatesLimit?: number;
    duplicatesOffset?: number;
  },
) {
  const where = eq(wallpapers.moderation, query.status);
  const order = query.status === "pending" ? asc(wallpapers.createdAt) : desc(wallpapers.updatedAt);
  const original = aliasedTable(wallpapers, "original");
  const [items, totals, duplicates, duplicateTotals] = await Promise.all([
    db
      .select(card)
      .from(wallpapers)
      .leftJoin(wallpaperClassifications, eq(wallpaperClassifications.wallpaperId, wallpapers.id))
      .where(where)
      .orderBy(order, asc(wallpapers.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(wallpapers).where(where),
    db
      .select({
        wallpaperId: wallpaperNearDuplicates.wallpaperId,
        duplicateOf: wallpaperNearDuplicates.duplicateOf,
        distance: wallpaperNearDuplicates.distance,
        flaggedAt: wallpaperNearDuplicates.flaggedAt,
        filename: wallpapers.originalFilename,
        width: wallpapers.width,
        height: wallpapers.height,
        originalFilename: original.originalFilename,
        originalWidth: original.width,
        originalHeight: original.height,
      })
      .from(wallpaperNearDuplicates)
      .innerJoin(wallpapers, eq(wallpapers.id, wallpaperNearDuplicates.wallpaperId))
      .innerJoin(original, eq(original.id, wallpaperNearDuplicates.duplicateOf))
      .where(openFlag)
      .orderBy(
        asc(wallpaperNearDuplicates.flaggedAt),
        asc(wallpaperNearDuplicates.wallpaperId),
        asc(wallpaperNearDuplicates.duplicateOf),
      )
      .limit(query.duplicatesLimit ?? 100)
      .offset(query.duplicatesOffset ?? 0),
    db
      .select({ total: count() })
      .from(wallpaperNearDuplicates)
      .innerJoin(wallpapers, eq(wallpapers.id, wallpaperNearDuplicates.wallpaperId))
      .where(openFlag),
  ]);
  return {
    items,
    total: totals[0]?.total ?? 0,
    duplicates,
    duplicatesTotal: duplicateTotals[0]?.total ?? 0,
  };
}

async function record(
  tx: Executor,
  actor: Pick<Caller, "id">,
  action: string,
  ids: readonly string[],
  data: object,
) {
  if (ids.length === 0) return;
  await tx
    .insert(auditLog)
    .values(ids.map((id) => ({ actorId: actor.id, action, entityType: "wallpaper", entityId: id, data })));
}

async function assertAllExist(db: Executor, ids: readonly string[], changed: readonly string[]) {
  if (changed.length === ids.length) return;
  const found = await db
    .select({ id: wallpapers.id })
    .from(wallpapers)
    .where(inArray(wallpapers.id, [...ids]));
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new AppError("not_found", "Some wallpapers do not exist.", {
      reason: "wallpaper_not_found",
      missing,
    });
  }
}

/**
 * Sets the moderation state of several wallpapers at once and audits each change. Idempotent: a
 * wallpaper already in that state is left untouched (and not audited twice).
 */
export async function moderateWallpapers(
  db: Executor,
  input: { wallpaperIds: readonly string[]; decision: "approved" | "rejected"; reason?: string },
  actor: Pick<Caller, "id">,
): Promise<{ changed: string[] }> {
  const ids = [...new Set(input.wallpaperIds)];
  const reason = input.decision === "rejected" ? (input.reason?.trim() ?? "") : null;
  if (reason === "") {
    throw new AppError("bad_request", "Say why the wallpaper is rejected.", { reason: "reason_required" });
  }
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(wallpapers)
      .set({ moderation: input.decision, moderationReason: reason, updatedAt: sql`now()` })
      .where(
        and(
          inArray(wallpapers.id, ids),
          or(
            ne(wallpapers.moderation, input.decision),
            sql`${wallpapers.moderationReason} is distinct from ${reason}`,
          ),
        ),
      )
      .returning({ id: wallpapers.id });
    const changedIds = changed.map((row) => row.id);
    await assertAllExist(tx, ids, changedIds);
    await record(tx, actor, `wallpaper.${input.decision === "approved" ? "approve" : "reject"}`, changedIds, {
      reason,
    });
    // The search index adds approved wallpapers and drops rejected ones; unchanged ones need nothing.
    await enqueueWallpapersChanged(tx, changedIds, "moderation");
    return { changed: changedIds };
  });
}

/**
 * Settles a near-duplicate flag. "keep" says both wallpapers belong (different enough); "reject" rejects
 * the newer copy with a reason pointing at the original, and settles every other flag on it too.
 */
export async function resolveDuplicate(
  db: Database,
  input: { wallpaperId: string; duplicateOf: string; action: "keep" | "reject" },
  actor: Pick<Caller, "id">,
): Promise<{ resolved: number }> {
  return db.transaction(async (tx) => {
    const flag = and(
      eq(wallpaperNearDuplicates.wallpaperId, input.wallpaperId),
      eq(wallpaperNearDuplicates.duplicateOf, input.duplicateOf),
    );
    const [found] = await tx
      .select({ resolved: wallpaperNearDuplicates.resolved })
      .from(wallpaperNearDuplicates)
      .where(flag);
    if (!found) {
      throw new AppError("not_found", "No such near-duplicate flag.", {
        reason: "duplicate_flag_not_found",
        wallpaperId: input.wallpaperId,
        duplicateOf: input.duplicateOf,
      });
    }
    const scope =
      input.action === "reject" ? eq(wallpaperNearDuplicates.wallpaperId, input.wallpaperId) : flag;
    const resolved = await tx
      .update(wallpaperNearDuplicates)
      .set({ resolved: true })
      .where(and(scope, not(wallpaperNearDuplicates.resolved)))
      .returning({ wallpaperId: wallpaperNearDuplicates.wallpaperId });
    if (input.action === "reject") {
      const reason = `Duplicate of ${input.duplicateOf}`;
      await tx
        .update(wallpapers)
        .set({ moderation: "rejected", moderationReason: reason, updatedAt: sql`now()` })
        .where(eq(wallpapers.id, input.wallpaperId));
      await record(tx, actor, "wallpaper.reject", [input.wallpaperId], {
        reason,
        duplicateOf: input.duplicateOf,
      });
      await enqueueWallpapersChanged(tx, [input.wallpaperId], "moderation");
    } else {
      await record(tx, actor, "wallpaper.keep_duplicate", [input.wallpaperId], {
        duplicateOf: input.duplicateOf,
      });
    }
    return { resolved: resolved.length };
  });
}
