import { createHash } from "node:crypto";
import { atomFeed, type FeedSource, feedUpdated } from "./atom.ts";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** HTTP dates have whole seconds; a comparison must too. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  // If-None-Match wins when both are sent (RFC 9110 13.2.2).
  if (ifNoneMatch !== null) {
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//u, ""))
      .some((tag) => tag === etag || tag === "*");
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return Number.isFinite(since) && seconds(lastModified) <= Math.floor(since / 1000);
}

/**
 * Answers a feed: the Atom document with a strong ETag (its bytes' hash) and Last-Modified (its newest
 * entry), or 304 when the reader already has it. A feed read with credentials (a cookie or an API key:
 * its results may depend on who asks) is cached privately; an anonymous one by shared caches too.
 */
export function feedResponse(request: Request, source: FeedSource, origin: string): Response {
  const body = atomFeed(source, origin);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const lastModified = feedUpdated(source.cards);
  const personal = request.headers.has("cookie") || request.headers.has("authorization");
  const headers = new Headers({
    etag,
    "last-modified": lastModified.toUTCString(),
    "cache-control": personal ? "private, max-age=60" : "public, max-age=300",
    vary: "Cookie, Authorization",
  });
  if (notModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
  headers.set("content-type", ATOM_CONTENT_TYPE);
  return new Response(body, { status: 200, headers });
}
