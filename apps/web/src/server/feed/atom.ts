/**
 * Atom 1.0 (RFC 4287) from wallpaper cards: pure, so any source of cards makes a feed. A search
 * (search-feed.ts) is one source; a public collection is another: it hands its cards, its title and
 * its own URLs to `atomFeed` and answers with `feedResponse` (respond.ts), nothing else to write.
 */

/** The least a feed entry needs from a card (search's `WallpaperCard` has all of it). */
export interface FeedCard {
  id: string;
  mediaType: "image" | "video";
  width: number;
  height: number;
  aspectName: string | null;
  createdAt: Date;
  variants: readonly { kind: string; format: string; url: string }[];
}

export interface FeedSource {
  /** People read it: "Search: cat -dog", "Collection: Forests" (escaped here, whatever it holds). */
  title: string;
  /** Absolute URL of this feed (rel="self"; also its id, so one URL is one feed). */
  selfUrl: string;
  /** Absolute URL of the page the feed follows (the gallery search, the collection page). */
  pageUrl: string;
  /** Newest first; `updated` of the feed is the newest entry's time. */
  cards: readonly FeedCard[];
}

/** Escapes text for XML element content and attribute values (quotes included). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR; lone surrogates). */
function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu, (c) =>
    c.length === 2 ? c : "",
  );
}

const text = (value: string) => escapeXml(xmlSafe(value));

/** The newest entry's time, or the epoch for an empty feed (it has never changed). */
export function feedUpdated(cards: readonly FeedCard[]): Date {
  let newest = 0;
  for (const card of cards) newest = Math.max(newest, card.createdAt.getTime());
  return new Date(newest);
}

/**
 * The picture a reader shows: the preview as JPEG (every reader decodes it; the media route renders a
 * JPEG on its first request and keeps it), at its stored, versioned URL when there is one.
 */
export function previewPath(card: FeedCard): string {
  for (const kind of ["preview", "medium", "thumb"]) {
    const stored = card.variants.find((v) => v.kind === kind && v.format === "jpeg");
    if (stored) return stored.url;
    if (card.variants.some((v) => v.kind === kind)) return `/media/${card.id}/${kind}.jpeg`;
  }
  return `/media/${card.id}/thumb.jpeg`;
}

function entryTitle(card: FeedCard): string {
  const kind = card.mediaType === "video" ? "Video wallpaper" : "Wallpaper";
  return `${kind} ${card.width}×${card.height}${card.aspectName ? ` (${card.aspectName})` : ""}`;
}

function entry(card: FeedCard, origin: string): string {
  const page = `${origin}/wallpapers/${card.id}`;
  const preview = `${origin}${previewPath(card)}`;
  const title = entryTitle(card);
  // The content is HTML carried as escaped text (type="html"): escaped once for HTML, once for XML.
  const html = `<p><a href="${escapeXml(page)}"><img src="${escapeXml(preview)}" alt="${escapeXml(title)}"></a></p>`;
  const when = card.createdAt.toISOString();
  return `  <entry>
    <id>urn:uuid:${card.id}</id>
    <title>${text(title)}</title>
    <updated>${when}</updated>
    <published>${when}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>
    <link rel="enclosure" type="image/jpeg" href="${escapeXml(preview)}"/>
    <content type="html">${escapeXml(html)}</content>
  </entry>`;
}

/** The whole document. `origin` is PUBLIC_BASE_URL without a trailing slash: every URL is absolute. */
export function atomFeed(source: FeedSource, origin: string): string {
  const updated = feedUpdated(source.cards).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(source.selfUrl)}</id>
  <title>${text(source.title)}</title>
  <updated>${updated}</updated>
  <author><name>WallpaperDB</name></author>
  <generator>WallpaperDB</generator>
  <link rel="self" type="application/atom+xml" href="${escapeXml(source.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(source.pageUrl)}"/>
${source.cards.map((card) => entry(card, origin)).join("\n")}
</feed>
`;
}
