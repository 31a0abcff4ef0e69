import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { preparedStatementPolicy } from "./prepared-statements.ts";
import * as schema from "./schema/index.ts";
import { traceSql } from "./traced-sql.ts";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle or the database itself: domain functions accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DbHandle {
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * The only place in the project that opens PostgreSQL connections. Drizzle gets a traced client (a span
 * per statement and transaction, nothing when telemetry is off); `sql` is the plain client for LISTEN
 * and probes.
 */
export interface DbOptions {
  max?: number;
  applicationName?: string;
  /**
   * Run drizzle's statements as prepared statements (one round trip each instead of two, no re-parse).
   * For processes with a fixed set of hot statements (the workers); off by default, and off behind a
   * transaction-mode PgBouncer unless it is >= 1.21 with max_prepared_statements set.
   */
  preparedStatements?: boolean;
}

export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "wallpaperdb" },
  });
  return {
    db: drizzle({
      client: traceSql(sql, options.preparedStatements ? preparedStatementPolicy() : undefined),
      schema,
    }),
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}
