import { type Attributes, markSpanFailed, SpanKind, tracer, withSpan } from "@wallpaperdb/telemetry";
import type postgres from "postgres";
import type { StatementPolicy } from "./prepared-statements.ts";

// postgres.js has no OpenTelemetry instrumentation and drizzle's own tracing hook is compiled out, so
// the client drizzle is given is wrapped: drizzle runs every statement through `unsafe(text, params)`
// and every transaction through `begin` / `savepoint`, which is all this proxy intercepts. Raw tagged
// templates (`db.sql\`select 1\``, LISTEN) pass through untraced: they can be fragments of another
// query, which never run on their own.

const DB_ATTRIBUTES = { "db.system": "postgresql", "db.system.name": "postgresql" } as const;

export interface QuerySummary {
  /** SELECT, INSERT, UPDATE, DELETE, WITH, … (the first keyword). */
  operation: string;
  /** The first table the statement names, when it names one. */
  table?: string;
  /** `<operation> <table>`: what OpenTelemetry calls db.query.summary, and the span name. */
  summary: string;
}

const TABLE_PATTERNS: Record<string, RegExp> = {
  SELECT: /\bfrom\s+"?([\w.]+)"?/i,
  DELETE: /\bfrom\s+"?([\w.]+)"?/i,
  INSERT: /\binto\s+"?([\w.]+)"?/i,
  UPDATE: /^\s*update\s+"?([\w.]+)"?/i,
  WITH: /\bfrom\s+"?([\w.]+)"?/i,
};

const summaries = new Map<string, QuerySummary>();
const MAX_CACHED = 1_000;

/** Names a statement by its verb and first table; never looks at parameters (drizzle sends $1, $2…). */
export function summarizeQuery(text: string): QuerySummary {
  const cached = summaries.get(text);
  if (cached) return cached;
  const operation = (/^\s*([a-z]+)/i.exec(text)?.[1] ?? "QUERY").toUpperCase();
  const table = TABLE_PATTERNS[operation]?.exec(text)?.[1];
  const summary: QuerySummary = table
    ? { operation, table, summary: `${operation} ${table}` }
    : { operation, summary: operation };
  // Drizzle's statements are a small fixed set; the cap only guards against generated SQL.
  if (summaries.size >= MAX_CACHED) summaries.clear();
  summaries.set(text, summary);
  return summary;
}

type Query = ReturnType<postgres.Sql["unsafe"]>;

function traceQuery(query: Query, text: string): Query {
  const span = tracer().startSpan("postgresql", { kind: SpanKind.CLIENT, attributes: DB_ATTRIBUTES });
  // Off by default: the no-op span is not recording and nothing else is done.
  if (!span.isRecording()) return query;
  const { operation, table, summary } = summarizeQuery(text);
  span.updateName(summary);
  const attributes: Attributes = { "db.operation.name": operation, "db.query.summary": summary };
  if (table) attributes["db.collection.name"] = table;
  span.setAttributes(attributes);
  // Promise.prototype.then (not Query#then) listens without starting the query: postgres.js runs a
  // query when its caller first awaits it, and `.values()` may still be chained after this returns.
  Promise.prototype.then.call(
    query,
    (rows: { count?: number | null }) => {
      if (typeof rows?.count === "number") span.setAttribute("db.response.returned_rows", rows.count);
      span.end();
    },
    (error: unknown) => {
      markSpanFailed(span, error);
      span.end();
    },
  );
  return query;
}

type TransactionStarter = (...args: unknown[]) => Promise<unknown>;

function traceTransaction(
  start: TransactionStarter,
  name: string,
  args: unknown[],
  prepare: StatementPolicy | undefined,
): Promise<unknown> {
  const last = args.length - 1;
  const body = args[last];
  if (typeof body !== "function") return start(...args);
  const traced = [...args];
  traced[last] = (inner: postgres.Sql) => body(traceSql(inner, prepare));
  // The statements of the transaction become children of this span.
  return withSpan(name, { ...DB_ATTRIBUTES, "db.operation.name": name }, () => start(...traced), {
    kind: SpanKind.CLIENT,
  });
}

/**
 * The same client, with a CLIENT span per drizzle statement and per transaction/savepoint. With
 * `prepare`, the statements it picks run as prepared statements (see prepared-statements.ts); without
 * it, drizzle's own choice (unnamed) stands.
 */
export function traceSql<T extends postgres.Sql>(sql: T, prepare?: StatementPolicy): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      switch (property) {
        case "unsafe":
          return (text: string, params?: unknown[], options?: { prepare?: boolean }) => {
            const chosen = prepare?.(text) ? { ...options, prepare: true } : options;
            return traceQuery((value as (...a: unknown[]) => Query).call(target, text, params, chosen), text);
          };
        case "begin":
        case "savepoint":
          return (...args: unknown[]) =>
            traceTransaction(
              (...a) => (value as TransactionStarter).apply(target, a),
              property === "begin" ? "transaction" : "savepoint",
              args,
              prepare,
            );
        default:
          return value;
      }
    },
  });
}
