import type { Executor } from "@wallpaperdb/db";
import { normalizeTagName, resolveTagNames } from "@wallpaperdb/tags";
import type { SearchFilters } from "./query/input.ts";

export interface ResolvedTags {
  all: number[];
  none: number[];
  any: number[][];
  unknown: string[];
  /** a required tag (or a whole OR group) is unknown: nothing can match */
  impossible: boolean;
}

/**
 * Tag names → canonical tag ids, through aliases, at execution time (both backends index tag ids,
 * so an alias added later applies to saved queries at once). Unknown excluded names are ignored.
 */
export async function resolveSearchTags(db: Executor, tags: SearchFilters["tags"]): Promise<ResolvedTags> {
  const names = [...tags.all, ...tags.none, ...tags.any.flat()];
  if (names.length === 0) return { all: [], none: [], any: [], unknown: [], impossible: false };
  const resolved = await resolveTagNames(db, names);
  const ids = (list: readonly string[]) => {
    const out: number[] = [];
    for (const name of list) {
      const id = resolved.byName.get(normalizeTagName(name));
      if (id !== undefined && !out.includes(id)) out.push(id);
    }
    return out;
  };
  const all = ids(tags.all);
  const any = tags.any.map(ids);
  const missingRequired = tags.all.some((name) => !resolved.byName.has(normalizeTagName(name)));
  return {
    all,
    none: ids(tags.none),
    any: any.filter((group) => group.length > 0),
    unknown: resolved.unknown,
    impossible: missingRequired || any.some((group) => group.length === 0),
  };
}
