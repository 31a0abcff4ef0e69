import Link from "next/link";
import { AdminNavLink } from "~/components/admin/nav-link.tsx";
import { UserMenu } from "./user-menu.tsx";

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand" aria-label="WallpaperDB home">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">WallpaperDB</span>
      </Link>
      <nav aria-label="Main" className="nav">
        <Link href="/" className="nav-link">
          Gallery
        </Link>
        <Link href="/upload" className="nav-link">
          Upload
        </Link>
        <AdminNavLink />
      </nav>
      <UserMenu />
    </header>
  );
}
