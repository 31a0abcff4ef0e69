import { describe, expect, it } from "vitest";
import { totalWithinPage } from "./total.ts";

describe("totalWithinPage", () => {
  it("raises a stale estimate to what the first page shows, plus one when there is more", () => {
    expect(
      totalWithinPage({ total: 1, estimate: true }, { firstPage: true, shown: 14, more: false }),
    ).toEqual({
      total: 14,
      estimate: false,
    });
    expect(totalWithinPage({ total: 1, estimate: true }, { firstPage: true, shown: 48, more: true })).toEqual(
      {
        total: 49,
        estimate: true,
      },
    );
  });

  it("keeps a total the page does not contradict", () => {
    const estimate = { total: 12_000, estimate: true };
    expect(totalWithinPage(estimate, { firstPage: true, shown: 48, more: true })).toBe(estimate);
    const exact = { total: 300, estimate: false };
    expect(totalWithinPage(exact, { firstPage: true, shown: 48, more: true })).toBe(exact);
  });

  it("leaves later pages alone: their offset is unknown to a keyset cursor", () => {
    const total = { total: 1, estimate: true };
    expect(totalWithinPage(total, { firstPage: false, shown: 48, more: false })).toBe(total);
  });
});
