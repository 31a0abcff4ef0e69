import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { AdminNavLink } from "~/components/admin/nav-link.tsx";
import { getQueryClient, trpc } from "~/trpc/server.tsx";
import { GalleryIcon, UploadIcon } from "./icons.tsx";
import { UserMenu } from "./user-menu.tsx";

/**
 * One row at every width: on a phone the links shrink to icons (their names stay for screen readers).
 * The session is read on the server, so the Admin link and the user menu are in the first paint and
 * nothing moves when the page becomes interactive.
 */
export async function SiteHeader() {
  const client = getQueryClient();
  const me = trpc.account.me.queryOptions();
  await client.prefetchQuery(me);
  // Only the session: the page hydrates its own queries, and the two share this request's cache.
  const session = dehydrate(client, {
    shouldDehydrateQuery: (query) =>
      query.state.status === "success" &&
      query === client.getQueryCache().find({ queryKey: me.queryKey, exact: true }),
  });
  return (
    <header className="site-header">
      <Link href="/" className="brand" aria-label="WallpaperDB home">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">WallpaperDB</span>
      </Link>
      <HydrationBoundary state={session}>
        <nav aria-label="Main" className="nav">
          <Link href="/" className="nav-link">
            <GalleryIcon />
            <span className="nav-label">Gallery</span>
          </Link>
          <Link href="/upload" className="nav-link">
            <UploadIcon />
            <span className="nav-label">Upload</span>
          </Link>
          <AdminNavLink />
        </nav>
        <UserMenu />
      </HydrationBoundary>
    </header>
  );
}
