import { type Executor, tags } from "@wallpaperdb/db";
import { inArray } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { getTagByName } from "./list.ts";
import { linkedTagNames, parseTagMarkup } from "./markup.ts";
import { type RelatedTags, relatedTags } from "./related.ts";
import { resolveTagNames } from "./resolve.ts";

export interface TagRef {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
}

export interface TagPage {
  id: number;
  name: string;
  category: TagCategory;
  description: string | null;
  wallpaperCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** The alias the page was asked for, when it was one: the page redirects to `name`. */
  resolvedFromAlias: string | null;
  aliases: string[];
  implies: TagRef[];
  impliedBy: TagRef[];
  /**
   * Every tag the description links to (`[[name]]`, normalized), with the canonical name it resolves to
   * (an alias links straight to its tag), or null when no such tag exists (shown as a missing link).
   */
  descriptionLinks: Record<string, string | null>;
  related: RelatedTags;
}

/**
 * What the public tag page shows about a tag, found by its name or one of its aliases; null when neither
 * exists (the caller then offers `didYouMean`). The wallpapers come from the search backend, in the
 * viewer's scope, so they are the router's part.
 */
export async function loadTagPage(executor: Executor, rawName: string): Promise<TagPage | null> {
  const tag = await getTagByName(executor, rawName);
  if (!tag) return null;
  const linkIds = [...tag.implies, ...tag.impliedBy].map((link) => link.id);
  const names = linkedTagNames(parseTagMarkup(tag.description ?? ""));
  const [refs, resolved, related] = await Promise.all([
    linkIds.length === 0
      ? Promise.resolve([])
      : executor
          .select({
            id: tags.id,
            name: tags.name,
            category: tags.category,
            wallpaperCount: tags.wallpaperCount,
          })
          .from(tags)
          .where(inArray(tags.id, linkIds)),
    resolveTagNames(executor, names),
    relatedTags(executor, tag.id),
  ]);
  const refOf = new Map(refs.map((ref) => [ref.id, ref]));
  const byCount = (a: TagRef, b: TagRef) =>
    b.wallpaperCount - a.wallpaperCount || a.name.localeCompare(b.name);
  const toRefs = (links: { id: number }[]) => links.flatMap((link) => refOf.get(link.id) ?? []).sort(byCount);
  const canonicalOf = new Map<number, string>();
  const idsToName = await namesOf(executor, [...new Set(resolved.byName.values())]);
  for (const [id, name] of idsToName) canonicalOf.set(id, name);
  const descriptionLinks: Record<string, string | null> = {};
  for (const name of names) {
    const id = resolved.byName.get(name);
    descriptionLinks[name] = id === undefined ? null : (canonicalOf.get(id) ?? null);
  }
  return {
    id: tag.id,
    name: tag.name,
    category: tag.category,
    description: tag.description,
    wallpaperCount: tag.wallpaperCount,
    createdAt: tag.createdAt,
    updatedAt: tag.updatedAt,
    resolvedFromAlias: tag.resolvedFromAlias,
    aliases: [...tag.aliases].sort(),
    implies: toRefs(tag.implies),
    impliedBy: toRefs(tag.impliedBy),
    descriptionLinks,
    related,
  };
}

async function namesOf(executor: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const found = await executor
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(inArray(tags.id, ids));
  return new Map(found.map((row) => [row.id, row.name]));
}
