import { describe, expect, it } from "vitest";
import { pageByNumber } from "./paging.ts";

/** A keyset list of `size` numbers whose cursor is the last position, recording the limits asked. */
function list(size: number) {
  const limits: number[] = [];
  const fetchPage = async (limit: number, cursor: string | null) => {
    limits.push(limit);
    const start = cursor === null ? 0 : Number(cursor);
    const items = Array.from({ length: Math.max(0, Math.min(limit, size - start)) }, (_, i) => start + i);
    const end = start + items.length;
    return { items, nextCursor: end < size ? String(end) : null, total: size };
  };
  return { fetchPage, limits };
}

describe("pageByNumber", () => {
  it("reaches page N through big steps and fetches exactly that page", async () => {
    const { fetchPage, limits } = list(500);
    const { first, page } = await pageByNumber(fetchPage, 9 * 24, 24, 100);
    expect(page?.items).toEqual(Array.from({ length: 24 }, (_, i) => 216 + i));
    expect(limits).toEqual([100, 100, 16, 24]);
    expect(first?.total).toBe(500);
  });

  it("answers the first page in one call", async () => {
    const { fetchPage, limits } = list(10);
    const { first, page } = await pageByNumber(fetchPage, 0, 24, 100);
    expect(page?.items).toHaveLength(10);
    expect(first).toBe(page);
    expect(limits).toEqual([24]);
  });

  it("has no page past the end of the list", async () => {
    const { fetchPage } = list(30);
    expect((await pageByNumber(fetchPage, 48, 24, 100)).page).toBeNull();
    expect((await pageByNumber(fetchPage, 24, 24, 100)).page?.items).toHaveLength(6);
  });
});
