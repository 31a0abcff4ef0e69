/** The search behind an uploader's page and its feed: one place, so the two always agree. */
export function uploaderQuery(username: string): string {
  return `uploader:${username}`;
}

export function uploaderFeedHref(username: string): string {
  return `/feed?${new URLSearchParams({ q: uploaderQuery(username) }).toString()}`;
}

export function uploaderHref(username: string): string {
  return `/users/${encodeURIComponent(username)}`;
}
