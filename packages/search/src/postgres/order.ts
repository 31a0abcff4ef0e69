import { type SQL, sql } from "drizzle-orm";
import type { ColorTarget } from "../color-match.ts";
import type { SortOrder } from "../query/input.ts";
import type { ResolvedTags } from "../resolve-tags.ts";
import {
  RANDOM_MODULUS,
  RANDOM_MULTIPLIER,
  RELEVANCE_COLOR_WEIGHT,
  RELEVANCE_TAG_WEIGHT,
} from "../sort-keys.ts";
import { colorCoverageSql, matchedOptionalTagsSql } from "./filters.ts";
import { topOrder } from "./top.ts";

export interface OrderSpec {
  /** key expressions selected as text (k0, k1...), the last one always the id */
  keys: SQL[];
  /** how a cursor's text keys are cast back */
  casts: string[];
  descending: boolean;
  /** extra WHERE needed for the order (e.g. a pHash to compare) */
  extraWhere: SQL | null;
}

export interface OrderContext {
  sort: SortOrder;
  seed: number;
  tags: ResolvedTags;
  colors: ColorTarget[];
  similarPhash: bigint | null;
}

/**
 * Each order is a keyset over (key, id): newest and quality walk their partial btree indexes; random,
 * relevance and similar compute a key per matching row (the filters narrow them first).
 */
export function orderSpec(context: OrderContext): OrderSpec {
  switch (context.sort) {
    case "newest":
      return {
        keys: [sql`w.created_at`, sql`w.id`],
        casts: ["timestamptz", "uuid"],
        descending: true,
        extraWhere: null,
      };
    case "quality":
      return {
        keys: [sql`f.quality_score`, sql`f.wallpaper_id`],
        casts: ["real", "uuid"],
        descending: true,
        extraWhere: sql`f.quality_score is not null`,
      };
    case "random": {
      const hash = sql`((('x' || substr(w.id::text, 1, 8))::bit(32)::bigint & 2147483647) # ${context.seed}::bigint)`;
      const mixed = sql`((${hash} * ${RANDOM_MULTIPLIER}::bigint) % ${RANDOM_MODULUS}::bigint)`;
      return {
        keys: [sql`(${mixed} # (${mixed} >> 13))`, sql`w.id`],
        casts: ["bigint", "uuid"],
        descending: false,
        extraWhere: null,
      };
    }
    case "relevance": {
      const score = sql`(${matchedOptionalTagsSql(context.tags)} * ${RELEVANCE_TAG_WEIGHT}::bigint
        + round((${colorCoverageSql(context.colors)}) * 1000)::bigint * ${RELEVANCE_COLOR_WEIGHT}::bigint
        + round(coalesce(f.quality_score, 0)::numeric * 100)::bigint)`;
      return { keys: [score, sql`w.id`], casts: ["bigint", "uuid"], descending: true, extraWhere: null };
    }
    case "similar": {
      const target = (context.similarPhash ?? 0n).toString();
      return {
        keys: [sql`bit_count((f.phash # ${target}::bigint)::bit(64))::int`, sql`w.id`],
        casts: ["int", "uuid"],
        descending: false,
        extraWhere: sql`f.phash is not null`,
      };
    }
    case "top":
      return { ...topOrder, keys: [...topOrder.keys], casts: [...topOrder.casts] };
  }
}

export function keysetCondition(spec: OrderSpec, values: string[]): SQL {
  const left = sql.join(spec.keys, sql`, `);
  const right = sql.join(
    values.map((value, i) => sql`${value}::${sql.raw(spec.casts[i] ?? "text")}`),
    sql`, `,
  );
  return spec.descending ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
}

export function orderByClause(spec: OrderSpec): SQL {
  // NULLS LAST both ways, as drizzle writes the indexes ("desc" alone means NULLS FIRST and would not match them).
  const direction = sql.raw(spec.descending ? "desc nulls last" : "asc nulls last");
  return sql.join(
    spec.keys.map((key) => sql`${key} ${direction}`),
    sql`, `,
  );
}
