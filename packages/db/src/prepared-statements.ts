/**
 * Decides which drizzle statements postgres.js prepares. Drizzle sends every statement unnamed, and for
 * an unnamed statement with parameters postgres.js first asks the server to describe it, then binds it:
 * two round trips, and a parse and plan on the server, per query. A prepared statement is described
 * once per connection and afterwards costs one round trip.
 *
 * postgres.js keeps a connection's prepared statements until the connection closes, so the set of texts
 * is capped: the first `limit` distinct texts are prepared (a worker's statements are a small fixed set,
 * and the hot ones come first), later ones run unnamed as before. That bounds what generated SQL (IN
 * lists of varying length) can leave behind on each connection, on both sides.
 */
export type StatementPolicy = (text: string) => boolean;

export const DEFAULT_PREPARED_LIMIT = 256;

export function preparedStatementPolicy(limit = DEFAULT_PREPARED_LIMIT): StatementPolicy {
  const prepared = new Set<string>();
  return (text) => {
    if (prepared.has(text)) return true;
    if (prepared.size >= limit) return false;
    prepared.add(text);
    return true;
  };
}
