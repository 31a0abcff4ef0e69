export function SiteFooter() {
  return (
    <footer className="site-footer">
      <span>WallpaperDB</span>
      <span className="muted">
        Health: <a href="/api/health">/api/health</a> · Readiness: <a href="/api/ready">/api/ready</a>
      </span>
    </footer>
  );
}
