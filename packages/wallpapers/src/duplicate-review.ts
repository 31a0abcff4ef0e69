import {
  type Executor,
  users,
  wallpaperFacts,
  wallpaperNearDuplicates,
  wallpaperPopularity,
  wallpapers,
} from "@wallpaperdb/db";
import { aliasedTable, and, eq, inArray, ne, not, sql } from "drizzle-orm";
import { defaultKeep, type FlagEdge, groupFlags, groupVersion } from "./duplicate-review-rules.ts";

// The duplicate review screen's groups (issue 16). Decisions on a group are duplicate-review-keep.ts.

/**
 * Open flags for the review: not resolved, and neither side rejected (a rejected copy needs no
 * decision; a flag against a rejected original would only offer to keep a rejected wallpaper).
 */
export async function openFlagEdges(db: Executor, among?: readonly string[]): Promise<FlagEdge[]> {
  const copy = aliasedTable(wallpapers, "copy");
  const original = aliasedTable(wallpapers, "original");
  const scope = among
    ? [
        inArray(wallpaperNearDuplicates.wallpaperId, [...among]),
        inArray(wallpaperNearDuplicates.duplicateOf, [...among]),
      ]
    : [];
  return db
    .select({
      wallpaperId: wallpaperNearDuplicates.wallpaperId,
      duplicateOf: wallpaperNearDuplicates.duplicateOf,
      flaggedAt: wallpaperNearDuplicates.flaggedAt,
    })
    .from(wallpaperNearDuplicates)
    .innerJoin(copy, eq(copy.id, wallpaperNearDuplicates.wallpaperId))
    .innerJoin(original, eq(original.id, wallpaperNearDuplicates.duplicateOf))
    .where(
      and(
        not(wallpaperNearDuplicates.resolved),
        ne(copy.moderation, "rejected"),
        ne(original.moderation, "rejected"),
        ...scope,
      ),
    );
}

/** What the review shows of one member, side by side with the others. */
async function memberFacts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: wallpapers.id,
      originalFilename: wallpapers.originalFilename,
      mediaType: wallpapers.mediaType,
      mimeType: wallpapers.mimeType,
      width: wallpapers.width,
      height: wallpapers.height,
      sizeBytes: wallpapers.sizeBytes,
      moderation: wallpapers.moderation,
      purity: wallpapers.purity,
      createdAt: wallpapers.createdAt,
      updatedAt: wallpapers.updatedAt,
      qualityScore: wallpaperFacts.qualityScore,
      uploaderName: users.name,
      uploaderUsername: users.username,
      favorites: sql<number>`coalesce(${wallpaperPopularity.favorites}, 0)::int`,
      tagCount: sql<number>`(select count(distinct wt.tag_id)::int from wallpaper_tags wt where wt.wallpaper_id = ${wallpapers.id})`,
      humanTagCount: sql<number>`(select count(*)::int from wallpaper_tags wt where wt.wallpaper_id = ${wallpapers.id} and wt.source = 'human')`,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .leftJoin(users, eq(users.id, wallpapers.uploaderId))
    .leftJoin(wallpaperPopularity, eq(wallpaperPopularity.wallpaperId, wallpapers.id))
    .where(inArray(wallpapers.id, [...ids]));
}

export type DuplicateMember = Awaited<ReturnType<typeof memberFacts>>[number];

export interface DuplicateGroup {
  /** Sorted member ids; with `version`, what a decision on the group sends back. */
  ids: string[];
  version: string;
  newestFlag: Date;
  flags: number;
  defaultKeepId: string;
  /** The default choice first, then largest to smallest. */
  members: DuplicateMember[];
}

/**
 * One page of near-duplicate groups, newest first, with the number of groups. The open flags are read
 * as id pairs and grouped in memory (`groupFlags`): a few thousand open flags take milliseconds, and
 * connected components have no page-able SQL form short of a recursive query per page.
 */
export async function duplicateGroups(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ groups: DuplicateGroup[]; total: number; openFlags: number }> {
  const edges = await openFlagEdges(db);
  const all = groupFlags(edges);
  const shown = all.slice(page.offset, page.offset + page.limit);
  const facts = new Map(
    (
      await memberFacts(
        db,
        shown.flatMap((g) => g.ids),
      )
    ).map((m) => [m.id, m]),
  );
  const groups = shown.map((group) => {
    const members = group.ids.flatMap((id) => facts.get(id) ?? []);
    const keep = defaultKeep(members) ?? group.ids[0] ?? "";
    members.sort(
      (a, b) =>
        Number(b.id === keep) - Number(a.id === keep) ||
        b.width * b.height - a.width * a.height ||
        a.id.localeCompare(b.id),
    );
    return { ...group, version: groupVersion(members), defaultKeepId: keep, members };
  });
  return { groups, total: all.length, openFlags: edges.length };
}
