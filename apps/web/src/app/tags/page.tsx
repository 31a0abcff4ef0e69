import type { Metadata } from "next";
import { TAG_INDEX_PAGE_SIZE, tagIndexParams } from "~/components/tag-pages/index-params.ts";
import { TagIndex } from "~/components/tag-pages/tag-index.tsx";
import { caller } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tags" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TagIndexPage({ searchParams }: { searchParams: SearchParams }) {
  const params = tagIndexParams(await searchParams);
  const found = await caller.tagPage.index({
    category: params.category ?? undefined,
    sort: params.sort,
    query: params.q || undefined,
    limit: TAG_INDEX_PAGE_SIZE,
    offset: (params.page - 1) * TAG_INDEX_PAGE_SIZE,
  });
  return <TagIndex params={params} items={found.items} total={found.total} pageSize={TAG_INDEX_PAGE_SIZE} />;
}
