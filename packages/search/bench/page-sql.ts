import type { Executor } from "@wallpaperdb/db";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { pageQuery } from "../src/postgres/postgres-backend.ts";
import { prepareSearch } from "../src/prepare.ts";
import { parseSearchQuery } from "../src/query/index.ts";
import type { ViewerScope } from "../src/viewer-scope.ts";

const dialect = new PgDialect();

/**
 * The PostgreSQL adapter's page query for a query string (and cursor), compiled to text + params, so
 * a bench can time the database round trip alone beside the same search through the API.
 */
export async function pageSql(
  db: Executor,
  q: string,
  cursor: string | null = null,
  scope?: ViewerScope,
): Promise<{ text: string; params: unknown[] }> {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(`bad query ${q}: ${JSON.stringify(parsed.errors)}`);
  const prepared = await prepareSearch(db, parsed.query, cursor, 2, scope);
  const compiled = dialect.sqlToQuery(pageQuery(prepared).query as SQL);
  return { text: compiled.sql, params: compiled.params };
}
