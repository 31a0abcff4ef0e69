import { randomInt } from "node:crypto";
import type { Client } from "@opensearch-project/opensearch";
import type { Logger } from "@wallpaperdb/core/logger";
import type { Executor } from "@wallpaperdb/db";
import type { SearchBackend, SearchPage } from "../backend.ts";
import { encodeCursor } from "../cursor.ts";
import { loadCards } from "../postgres/cards.ts";
import { findSimilar } from "../postgres/similar.ts";
import { emptyPage, prepareSearch } from "../prepare.ts";
import { MAX_SEED, type SearchInput, searchInput } from "../query/input.ts";
import type { ViewerScope } from "../viewer-scope.ts";
import { buildSearchBody } from "./build-query.ts";
import { loadDocuments } from "./documents.ts";
import { type WallpaperDocument, wallpaperIndexBody } from "./mapping.ts";

interface Hit {
  _id: string;
  sort?: unknown[];
}
interface SearchResponseBody {
  hits: { total?: { value: number; relation: "eq" | "gte" }; hits: Hit[] };
}

export interface OpenSearchOptions {
  client: Client;
  db: Executor;
  index: string;
  logger: Logger;
  /** "wait_for" in tests so a document is searchable as soon as index() returns */
  refresh?: "wait_for" | false;
}

export function bulkBody(index: string, documents: readonly WallpaperDocument[]): object[] {
  return documents.flatMap((document) => [{ index: { _index: index, _id: document.id } }, document]);
}

/**
 * OpenSearch finds and orders ids; cards, like everything else shown, come from PostgreSQL. Tag
 * aliases resolve in PostgreSQL before the query, and `similar` (a lookup around one wallpaper that
 * the pHash chunk and palette indexes answer directly) reads PostgreSQL too.
 */
export function createOpenSearchSearch(options: OpenSearchOptions): SearchBackend {
  const { client, db, index, logger } = options;
  const refresh = options.refresh ?? false;

  async function ensureIndex(): Promise<void> {
    const exists = await client.indices.exists({ index });
    if (!exists.body) await client.indices.create({ index, body: wallpaperIndexBody as never });
  }

  async function bulkIndex(documents: WallpaperDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const response = await client.bulk({ body: bulkBody(index, documents) as never, refresh });
    const body = response.body as { errors: boolean; items: unknown[] };
    if (body.errors)
      throw new Error(`OpenSearch bulk indexing failed for some of ${documents.length} documents`);
  }

  async function search(
    input: SearchInput,
    cursor?: string | null,
    scope?: ViewerScope,
  ): Promise<SearchPage> {
    const prepared = await prepareSearch(db, input, cursor, 2, scope);
    if (prepared.tags.impossible || prepared.purities.length === 0) return emptyPage(prepared);
    const response = await client.search({ index, body: buildSearchBody(prepared) as never });
    const body = response.body as unknown as SearchResponseBody;
    const hits = body.hits.hits;
    const page = hits.slice(0, input.limit);
    const last = page.at(-1);
    const seed = input.sort === "random" ? prepared.seed : null;
    const total = body.hits.total ?? { value: hits.length, relation: "eq" };
    return {
      items: await loadCards(
        db,
        page.map((hit) => hit._id),
      ),
      nextCursor:
        hits.length > input.limit && last?.sort
          ? encodeCursor(prepared.fingerprint, {
              keys: last.sort.map((value) => JSON.stringify(value)),
              seed,
            })
          : null,
      total: total.value,
      totalIsEstimate: total.relation === "gte",
      seed,
      unknownTags: prepared.tags.unknown,
    };
  }

  return {
    name: "opensearch",
    search,
    similar: (wallpaperId, limit, scope) => findSimilar(db, wallpaperId, limit, scope),
    async random(filters, seed, scope) {
      const page = await search(
        searchInput.parse({ ...filters, sort: "random", seed: seed ?? randomInt(MAX_SEED), limit: 1 }),
        null,
        scope,
      );
      return page.items[0] ?? null;
    },
    async index(wallpaperId) {
      await this.indexMany([wallpaperId]);
    },
    async indexMany(wallpaperIds) {
      if (wallpaperIds.length === 0) return;
      await ensureIndex();
      const documents = await loadDocuments(db, wallpaperIds);
      await bulkIndex(documents);
      const found = new Set(documents.map((document) => document.id));
      // Not visible (any more: rejected, deleted): make sure they are not findable either.
      await this.remove([...new Set(wallpaperIds)].filter((id) => !found.has(id)));
    },
    async remove(wallpaperIds) {
      if (wallpaperIds.length === 0) return;
      const body = wallpaperIds.map((id) => ({ delete: { _index: index, _id: id } }));
      const response = await client.bulk({ body: body as never, refresh });
      // A delete of a document the index never held answers 404: already the wanted state.
      const items = (response.body as { items: Array<{ delete?: { status: number; error?: unknown } }> })
        .items;
      const failed = items.filter((item) => item.delete?.error !== undefined && item.delete.status !== 404);
      if (failed.length > 0)
        throw new Error(`OpenSearch bulk removal failed for ${failed.length} of ${wallpaperIds.length}`);
    },
    async reindexAll() {
      // A fresh index each time, so documents of deleted or hidden wallpapers cannot linger.
      await client.indices.delete({ index, ignore_unavailable: true });
      await ensureIndex();
      let after: string | undefined;
      let count = 0;
      for (;;) {
        const batch = await loadDocuments(db, "all", after);
        if (batch.length === 0) break;
        await bulkIndex(batch);
        count += batch.length;
        after = batch.at(-1)?.id;
        logger.info({ indexed: count }, "search reindex progress");
      }
      await client.indices.refresh({ index });
      return count;
    },
    async close() {
      await client.close();
    },
  };
}
