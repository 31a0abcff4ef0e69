import { purities } from "@wallpaperdb/db/purity";
import type { PreparedSearch } from "../prepare.ts";
import type { ViewerScope } from "../viewer-scope.ts";

type Clause = Record<string, unknown>;

/** The OpenSearch form of postgres/viewer-scope.ts: documents carry `purity` and every tag id, implied included. */
export function viewerScopeClauses(prepared: Pick<PreparedSearch, "purities" | "scope">): {
  filter: Clause[];
  mustNot: Clause[];
} {
  return scopeClauses(prepared.purities, prepared.scope.blacklist);
}

export function scopeOnlyClauses(scope: ViewerScope): { filter: Clause[]; mustNot: Clause[] } {
  return scopeClauses(scope.purities, scope.blacklist);
}

function scopeClauses(shown: readonly string[], blacklist: readonly number[]) {
  const filter: Clause[] = [];
  const mustNot: Clause[] = [];
  if (shown.length === 0) filter.push({ match_none: {} });
  else if (shown.length < purities.length) filter.push({ terms: { purity: [...shown] } });
  if (blacklist.length > 0) mustNot.push({ terms: { tag_ids: [...blacklist] } });
  return { filter, mustNot };
}
