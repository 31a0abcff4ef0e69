import { createHash } from "node:crypto";
import { type ApiDeps, createCaller, createTRPCContext } from "@wallpaperdb/api";
import { createApiKey } from "@wallpaperdb/auth";
import { createLogger } from "@wallpaperdb/core/logger";
import { tags, users, wallpapers, wallpaperTags } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { createPostgresSearch } from "@wallpaperdb/search";
import { makeFixture } from "@wallpaperdb/search/testing/fixture";
import { seedFixture } from "@wallpaperdb/search/testing/seed";
import parser from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedResponse } from "./respond.ts";
import { FEED_SIZE, searchFeedSource } from "./search-feed.ts";

const origin = "https://wallpapers.example";
const hostile = `<b>&amp;]]></b>`;
let database: TestDatabase;
let deps: ApiDeps;
let hostileId = "";

beforeAll(async () => {
  database = await createTestDatabase("wpdb_feed");
  // The feed only reads: no NATS or blob store is touched on this path.
  deps = {
    db: database.db,
    sql: database.sql,
    search: createPostgresSearch(database.db),
    logger: createLogger("feed-test", "silent"),
  } as unknown as ApiDeps;
  await seedFixture(database.db, makeFixture(120));
  // A tag whose name is markup (tag names may hold < > & ; /): it must reach the feed as text.
  const [tag] = await database.db.insert(tags).values({ name: hostile }).returning({ id: tags.id });
  const [newest] = await database.db.execute<{ id: string }>(
    "select id::text from wallpapers where processed_at is not null and moderation = 'approved' order by created_at desc, id desc limit 1",
  );
  hostileId = newest?.id ?? "";
  await database.db
    .insert(wallpaperTags)
    .values({ wallpaperId: hostileId, tagId: tag?.id ?? 0, source: "human" });
});
afterAll(async () => {
  await database?.drop();
});

async function feed(query: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${origin}/feed${query}`, { headers });
  const ctx = await createTRPCContext({ headers: request.headers, deps });
  const source = await searchFeedSource(new URL(request.url).searchParams, createCaller(ctx), origin);
  return feedResponse(request, source, origin);
}

type Entry = { id: string; title: string; updated: string; link: { "@_rel": string; "@_href": string }[] };

function parseAtom(xml: string) {
  // A real XML parser: a document that is not well-formed fails here, not in a reader.
  expect(parser.validate(xml)).toBe(true);
  const doc = parser.parse(xml, {
    ignoreAttributes: false,
    arrayMode: (name: string) => name === "entry" || name === "link",
  });
  return doc.feed as {
    "@_xmlns": string;
    id: string;
    title: string;
    updated: string;
    link: { "@_rel": string; "@_href": string; "@_type": string }[];
    entry?: Entry[];
  };
}

describe("the Atom feed of a gallery search", () => {
  it("is valid Atom 1.0: newest first, absolute links, a preview and the wallpaper page per entry", async () => {
    const response = await feed("?ratio=16x9&sort=quality");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const atom = parseAtom(await response.text());
    expect(atom["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    // sort=quality is the gallery's, not the feed's: a feed is newest first, and its self URL says so.
    expect(atom.link).toContainEqual(
      expect.objectContaining({ "@_rel": "self", "@_href": `${origin}/feed?ratio=16x9` }),
    );
    expect(atom.link).toContainEqual(
      expect.objectContaining({ "@_rel": "alternate", "@_href": `${origin}/?ratio=16x9` }),
    );
    const entries = atom.entry ?? [];
    const expected = await deps.search.search(
      (await import("@wallpaperdb/search")).searchInput.parse({ ratios: ["16:9"], limit: FEED_SIZE }),
    );
    expect(entries.map((e) => e.id)).toEqual(expected.items.map((card) => `urn:uuid:${card.id}`));
    expect(entries.length).toBeGreaterThan(3);
    const times = entries.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(atom.updated).toBe(entries[0]?.updated);
    for (const e of entries) {
      const id = e.id.replace("urn:uuid:", "");
      expect(e.link).toContainEqual(
        expect.objectContaining({ "@_rel": "alternate", "@_href": `${origin}/wallpapers/${id}` }),
      );
      expect(e.link).toContainEqual(
        expect.objectContaining({
          "@_rel": "enclosure",
          "@_href": expect.stringMatching(new RegExp(`^${origin}/media/${id}/`)),
        }),
      );
    }
  });

  it("carries hostile text as text, in the title and nowhere as markup", async () => {
    const response = await feed(`?tags=${encodeURIComponent(hostile)}`);
    const xml = await response.text();
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("]]>");
    const atom = parseAtom(xml);
    expect(parser.parse(xml).feed.title).toContain("&#60;b&#62;");
    const decoded = atom.title.replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n)));
    expect(decoded).toBe(`WallpaperDB: ${hostile}`);
    expect((atom.entry ?? []).map((e) => e.id)).toEqual([`urn:uuid:${hostileId}`]);
  });

  it("answers 304 to a reader that has it (ETag or Last-Modified), and a new body when it changed", async () => {
    const first = await feed("?orientation=landscape");
    const etag = first.headers.get("etag") ?? "";
    const lastModified = first.headers.get("last-modified") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/u);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await feed("?orientation=landscape", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await feed("?orientation=landscape", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await feed("?orientation=landscape", { "if-none-match": '"other"' })).status).toBe(200);
    // Another search is another document.
    expect((await feed("?orientation=portrait", { "if-none-match": etag })).status).toBe(200);

    // A new wallpaper in the search changes the feed: the old ETag no longer matches.
    const before = (await feed("")).headers.get("etag") ?? "";
    expect((await feed("", { "if-none-match": before })).status).toBe(304);
    await database.db.insert(wallpapers).values({
      sha256: createHash("sha256").update("feed-new").digest("hex"),
      mediaType: "image",
      mimeType: "image/jpeg",
      originalKey: "originals/feed-new",
      sizeBytes: 1,
      width: 3840,
      height: 2160,
      processedAt: new Date(),
      createdAt: new Date(Date.now() + 1000),
    });
    const changed = await feed("", { "if-none-match": before });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(before);
  });

  it("is cached privately when a reader sends credentials, and refuses a bad query with its errors", async () => {
    await database.db.insert(users).values({ id: "feed-reader", name: "Reader", email: "r@example.test" });
    const { key } = await createApiKey(database.db, "feed-reader", "reader");
    const withKey = await feed("", { authorization: `Bearer ${key}` });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get("cache-control")).toBe("private, max-age=60");
    expect(withKey.headers.get("vary")).toBe("Cookie, Authorization");
    await expect(feed("?q=atleast:huge")).rejects.toMatchObject({ code: "validation_failed" });
  });
});
