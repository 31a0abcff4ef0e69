import Link from "next/link";

// Developer endpoints (/api/health, /api/ready) are listed on the admin system page, not here.
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <span>WallpaperDB</span>
      <span className="muted">Every wallpaper stored once, found by tag, colour and resolution.</span>
      <Link href="/developers/api">HTTP API</Link>
    </footer>
  );
}
