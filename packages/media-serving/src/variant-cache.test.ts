import { describe, expect, it } from "vitest";
import { createVariantCache, variantCacheKey } from "./variant-cache.ts";

const entry = (hash: string) => ({ storageKey: `variants/${hash}`, contentHash: hash });

describe("variant cache", () => {
  it("expires entries after the TTL and drops the oldest write beyond maxEntries", () => {
    let clock = 0;
    const cache = createVariantCache({ ttlMs: 100, maxEntries: 2, now: () => clock });
    cache.set("a/thumb.webp?v=1", entry("1"));
    cache.set("b/thumb.webp?v=2", entry("2"));
    cache.set("c/thumb.webp?v=3", entry("3"));
    expect(cache.get("a/thumb.webp?v=1")).toBeUndefined();
    expect(cache.get("b/thumb.webp?v=2")).toEqual(entry("2"));
    clock = 100;
    expect(cache.get("c/thumb.webp?v=3")).toBeUndefined();
  });

  it("forgets every entry of one wallpaper and only that one", () => {
    const cache = createVariantCache({ ttlMs: 1_000, maxEntries: 10 });
    const id = "00000000-0000-4000-8000-000000000001";
    const other = "00000000-0000-4000-8000-000000000011";
    cache.set(variantCacheKey(id, "thumb", "webp", "h1"), entry("h1"));
    cache.set(variantCacheKey(id, "preview", "jpeg", "h2"), entry("h2"));
    cache.set(variantCacheKey(other, "thumb", "webp", "h3"), entry("h3"));
    cache.forget(id);
    expect(cache.get(variantCacheKey(id, "thumb", "webp", "h1"))).toBeUndefined();
    expect(cache.get(variantCacheKey(id, "preview", "jpeg", "h2"))).toBeUndefined();
    expect(cache.get(variantCacheKey(other, "thumb", "webp", "h3"))).toEqual(entry("h3"));
  });
});
