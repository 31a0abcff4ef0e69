import Link from "next/link";

// Sections land in later issues; showing them now tells visitors what the product will become.
const upcoming = ["Gallery", "Admin"] as const;

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand" aria-label="WallpaperDB home">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">WallpaperDB</span>
      </Link>
      <nav aria-label="Main" className="nav">
        <Link href="/upload" className="nav-link">
          Upload
        </Link>
        {upcoming.map((label) => (
          <span key={label} className="nav-item" aria-disabled="true" title={`${label} is coming soon`}>
            {label}
            <span className="soon">soon</span>
          </span>
        ))}
      </nav>
    </header>
  );
}
