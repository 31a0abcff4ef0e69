import type { TestDatabase } from "@wallpaperdb/db/testing";
import { pageSql } from "@wallpaperdb/search/bench/page-sql";
import { loadViewerScope } from "@wallpaperdb/wallpapers";
import { sql } from "drizzle-orm";
import { type ApiDeps, createCaller, createTRPCContext } from "../src/index.ts";
import type { Case } from "./search.ts";

const BLACKLIST_SIZE = 20;

/**
 * "blacklist of 20 tags": an account that opted in to every purity and blacklisted 20 tags (the most
 * used after the 20 the other cases query, so the hidden share is large), browsing the newest page and
 * a tag, through tRPC (which also reads its settings) beside the raw page SQL with the same scope.
 */
export async function blacklistCase(
  database: TestDatabase,
  deps: ApiDeps,
  queried: readonly string[],
): Promise<Case> {
  const account = { id: "bench-blacklist", role: "user" as const };
  await database.db.execute(sql`insert into users (id, name, username, email)
    values (${account.id}, 'Bench', 'bench-blacklist', 'bench-blacklist@example.test') on conflict do nothing`);
  const hidden = await database.db.execute<{ name: string }>(
    sql`select name from tags order by wallpaper_count desc offset 20 limit ${BLACKLIST_SIZE}`,
  );
  const caller = createCaller({
    ...(await createTRPCContext({ headers: new Headers(), deps })),
    user: { ...account, via: "session" },
  });
  await caller.settings.update({ purities: ["sketchy", "nsfw"], blacklist: hidden.map((row) => row.name) });
  const scope = await loadViewerScope(database.db, account);
  const q = (i: number) => (i % 2 === 0 ? "" : (queried[i % queried.length] ?? ""));
  return {
    name: `blacklist of ${scope.blacklist.length} tags`,
    kind: "gallery",
    trpc: (i) => caller.wallpaper.search({ q: q(i) }),
    raw: (i) => pageSql(database.db, q(i), null, scope),
  };
}
