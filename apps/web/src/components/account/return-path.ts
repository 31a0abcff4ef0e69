const base = "http://return-path.invalid";

/**
 * Where sign-in and sign-up send the user afterwards: `?next=` only when it is a path on this site.
 * Anything that resolves to another origin (`//evil.example`, `/\evil.example`, `https://…`) is an
 * open redirect and is ignored, as are the auth pages themselves.
 */
export function safeReturnPath(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in or sign-up link that brings the user back to `path` afterwards. */
export function authHref(page: "/sign-in" | "/sign-up", path: string | null): string {
  return path ? `${page}?next=${encodeURIComponent(path)}` : page;
}
