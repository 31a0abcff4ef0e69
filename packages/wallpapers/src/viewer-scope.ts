import type { Caller } from "@wallpaperdb/auth/roles";
import { accountSettings, type Executor } from "@wallpaperdb/db";
import { type ViewerScope, visitorScope } from "@wallpaperdb/search";
import { eq } from "drizzle-orm";
import { withPublicPurity } from "./settings-shape.ts";

/**
 * What `caller` sees in lists (search, random, feeds, similar, uploader pages, collections): the
 * visitor's scope (sfw, nothing hidden) without an account, else the purities and the tag blacklist of
 * its settings. One primary-key read; every caller of the search backends passes the result on.
 * An API key is its owner, so feeds and `/api/random` fetched with a key apply that account's settings.
 */
export async function loadViewerScope(db: Executor, caller: Pick<Caller, "id"> | null): Promise<ViewerScope> {
  if (!caller) return visitorScope;
  const [row] = await db
    .select({ purities: accountSettings.purities, blacklist: accountSettings.blacklistTagIds })
    .from(accountSettings)
    .where(eq(accountSettings.userId, caller.id))
    .limit(1);
  if (!row) return visitorScope;
  return { purities: withPublicPurity(row.purities), blacklist: row.blacklist };
}
