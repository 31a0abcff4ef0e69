import { TRPCError } from "@trpc/server";
import { canCurate } from "@wallpaperdb/auth/roles";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readTileSize } from "~/components/gallery/tile-size.ts";
import { GalleryFrame } from "~/components/gallery/tile-size-frame.tsx";
import { tagPageHref } from "~/components/tag-pages/links.ts";
import { TagPageContent } from "~/components/tag-pages/tag-page.tsx";
import { UnknownTag } from "~/components/tag-pages/unknown-tag.tsx";
import { TagRequestPanel } from "~/components/tag-requests/propose-form.tsx";
import { caller } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

function detailsOf(error: unknown): { suggestions?: unknown } {
  const cause = error instanceof TRPCError ? (error.cause as { details?: { suggestions?: unknown } }) : null;
  return cause?.details ?? {};
}

/** The segment as typed; a malformed escape (`/tags/%E0`) is kept as it is rather than failing the page. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The page's data, or the close names when the name is no tag or alias; one lookup for metadata and page. */
const load = cache(async (raw: string) => {
  const name = decodeSegment(raw);
  try {
    return { found: await caller.tagPage.byName({ name: name.slice(0, 200) }), name } as const;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      const { suggestions } = detailsOf(error);
      return {
        found: null,
        name,
        suggestions: Array.isArray(suggestions) ? suggestions.map(String) : [],
      } as const;
    }
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await load((await params).name);
  if (!page.found) return { title: "No such tag", robots: { index: false } };
  return {
    title: `${page.found.name} · Tags`,
    description: page.found.description?.slice(0, 160) ?? `Wallpapers tagged ${page.found.name}.`,
  };
}

export default async function TagRoute({ params }: { params: Params }) {
  const page = await load((await params).name);
  if (!page.found) return <UnknownTag name={page.name} suggestions={page.suggestions} />;
  // An alias, or a name written another way (Snowy Peak), has one address: the canonical name's.
  if (page.found.name !== page.name) redirect(tagPageHref(page.found.name));
  const [me, store] = await Promise.all([caller.account.me(), cookies()]);
  return (
    <GalleryFrame initial={readTileSize(store)}>
      <TagPageContent tag={page.found} mayCurate={me !== null && canCurate(me.role)} />
      <TagRequestPanel tag={page.found.name} signedIn={me !== null} />
    </GalleryFrame>
  );
}
