/** What the hot path needs of a public variant: where the bytes are and their content hash. */
export interface CachedVariant {
  storageKey: string;
  contentHash: string;
}

export interface VariantCache {
  get(key: string): CachedVariant | undefined;
  set(key: string, value: CachedVariant): void;
  /** Drops every entry of a wallpaper at once (e.g. right after a moderation decision in this process). */
  forget(wallpaperId: string): void;
}

export interface VariantCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * A small in-process cache of "this versioned variant URL is public and its bytes are at key K". The
 * URL is content-addressed, so an entry can only go stale through visibility (a rejection) or the row
 * going away, and TTL bounds that: the browsers and CDNs in front already keep these URLs for a year
 * (`immutable`), so a second of server-side staleness changes nothing they would not already show.
 * Only positive answers are kept: an approval is seen on the very next request. Keys start with the
 * wallpaper id and a slash (see `variantCacheKey`), which is what `forget` relies on.
 */
export function createVariantCache(options: VariantCacheOptions): VariantCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: CachedVariant; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + options.ttlMs });
      // Map keeps insertion order: the first key is the oldest write.
      if (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    forget(wallpaperId) {
      for (const key of entries.keys()) if (key.startsWith(`${wallpaperId}/`)) entries.delete(key);
    },
  };
}

export function variantCacheKey(id: string, kind: string, format: string, version: string): string {
  return `${id}/${kind}.${format}?v=${version}`;
}

/**
 * The process-wide cache the media route uses unless its deps bring their own (tests use a fake clock
 * or `null` for none). One second: at gallery load a page asks for dozens of variants at once and a
 * busy one for hundreds per second, each a PostgreSQL round trip without it.
 */
export const sharedVariantCache: VariantCache = createVariantCache({ ttlMs: 1_000, maxEntries: 10_000 });

/** For the moderation code in the web process: makes a decision visible to the media route at once. */
export function forgetCachedMedia(wallpaperId: string): void {
  sharedVariantCache.forget(wallpaperId);
}
