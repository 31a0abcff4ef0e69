import { createHash } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth/roles";
import type { Executor } from "@wallpaperdb/db";
import { utcDay } from "@wallpaperdb/search/query";
import { sql } from "drizzle-orm";
import { requireViewableWallpaper } from "./record.ts";

/**
 * Views are counted once per visitor per wallpaper per UTC day, and stored as one counter per
 * wallpaper per day (wallpaper_daily_stats), never a row per request. Who was already counted today is
 * a (day, visitor, wallpaper) mark; marks of past days are pruned by the popularity refresh.
 * Measured against a per-day Redis set (docs/architecture.md, "Popularity"): the mark costs about as
 * much as the SADD would, and it lives in the same statement as the counters, so a view is counted
 * exactly when it is marked, with no second store to run, secure and keep consistent.
 */

/** Who is looking: an account, or an anonymous browser known only by its address and user agent. */
export type Visitor =
  | { kind: "account"; accountId: string }
  | { kind: "anonymous"; address: string; userAgent: string };

/**
 * The stored key of a visitor on one day: a hash of the day, a server secret and the visitor, so no
 * address or account id is stored, and today's key cannot be linked to yesterday's.
 */
export function visitorKey(visitor: Visitor, day: string, secret: string): string {
  const who =
    visitor.kind === "account"
      ? `account\u0000${visitor.accountId}`
      : `anonymous\u0000${visitor.address}\u0000${visitor.userAgent}`;
  return createHash("sha256").update(`${secret}\u0000${day}\u0000${who}`).digest("base64url").slice(0, 22);
}

// Crawlers, link unfurlers and scripted fetches say so in their user agent; they are not people.
// (Headless browsers are not excluded: the end-to-end tests are people here.)
const NOT_A_PERSON =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|curl\/|wget\/|python-|node-fetch|undici|okhttp|go-http-client|java\//iu;

/** Whether a request's user agent and purpose headers describe a person looking, not a bot or a prefetch. */
export function isPersonViewing(headers: Headers): boolean {
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-moz") ?? ""}`;
  if (/prefetch|prerender/iu.test(purpose)) return false;
  const agent = headers.get("user-agent") ?? "";
  return agent.length > 0 && !NOT_A_PERSON.test(agent);
}

export type ViewOutcome = "counted" | "already_counted" | "not_counted";

/**
 * Counts that `visitor` was shown the wallpaper: the first time today marks it and adds one to today's
 * views and the all-time total, in one statement; any later time today changes nothing. Only wallpapers
 * the gallery shows are counted (an uploader looking at a held one is not popularity); one the caller may
 * not see is not_found, as everywhere.
 */
export async function countView(
  db: Executor,
  caller: Pick<Caller, "id" | "role"> | null,
  wallpaperId: string,
  visitor: string,
  now: Date = new Date(),
): Promise<ViewOutcome> {
  const record = await requireViewableWallpaper(db, wallpaperId, caller);
  if (!record.visible) return "not_counted";
  const day = utcDay(now);
  const [row] = await db.execute<{ counted: number }>(sql`
    with mark as (
      insert into wallpaper_view_marks (day, visitor, wallpaper_id)
      values (${day}::date, ${visitor}, ${wallpaperId}::uuid)
      on conflict do nothing
      returning 1
    ), daily as (
      insert into wallpaper_daily_stats (day, wallpaper_id, views)
      select ${day}::date, ${wallpaperId}::uuid, 1 from mark
      on conflict (day, wallpaper_id) do update set views = wallpaper_daily_stats.views + 1
      returning 1
    ), total as (
      insert into wallpaper_popularity (wallpaper_id, views)
      select ${wallpaperId}::uuid, 1 from mark
      on conflict (wallpaper_id) do update set views = wallpaper_popularity.views + 1
      returning 1
    )
    select (select count(*) from mark)::int as counted`);
  return (row?.counted ?? 0) > 0 ? "counted" : "already_counted";
}

export interface Popularity {
  views: number;
  favorites: number;
}

/** A wallpaper's all-time counters (zero before anyone looked). */
export async function loadPopularity(db: Executor, wallpaperId: string): Promise<Popularity> {
  const [row] = await db.execute<{ views: number; favorites: number }>(
    sql`select views::int as views, favorites from wallpaper_popularity where wallpaper_id = ${wallpaperId}::uuid`,
  );
  return { views: row?.views ?? 0, favorites: row?.favorites ?? 0 };
}
