import Link from "next/link";
import { AdminNavLink } from "~/components/admin/nav-link.tsx";
import { CollectionsNavLink } from "~/components/collections/nav-link.tsx";
import { GalleryIcon, HeartIcon, TagIcon, UploadIcon } from "./icons.tsx";
import { UserMenu } from "./user-menu.tsx";

/**
 * One row at every width: on a phone the links shrink to icons (each keeps its name in aria-label).
 * The session comes from the server (SessionBoundary in the root layout), so the Admin link and the
 * user menu are there in the first paint.
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand" aria-label="WallpaperDB home">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">WallpaperDB</span>
      </Link>
      <nav aria-label="Main" className="nav">
        <Link href="/" className="nav-link" aria-label="Gallery">
          <GalleryIcon />
          <span className="nav-label">Gallery</span>
        </Link>
        <Link href="/tags" className="nav-link" aria-label="Tags">
          <TagIcon />
          <span className="nav-label">Tags</span>
        </Link>
        <Link href="/favorites" className="nav-link" aria-label="Favorites">
          <HeartIcon />
          <span className="nav-label">Favorites</span>
        </Link>
        <CollectionsNavLink />
        <Link href="/upload" className="nav-link" aria-label="Upload">
          <UploadIcon />
          <span className="nav-label">Upload</span>
        </Link>
        <AdminNavLink />
      </nav>
      <UserMenu />
    </header>
  );
}
