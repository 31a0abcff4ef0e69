import { describe, expect, it } from "vitest";
import { moveItem } from "./move.ts";

describe("moveItem", () => {
  it("moves forwards and backwards, clamps at the ends, and keeps the array when nothing moves", () => {
    const items = ["a", "b", "c", "d"];
    expect(moveItem(items, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(items, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveItem(items, 1, 9)).toEqual(["a", "c", "d", "b"]);
    expect(moveItem(items, 0, -1)).toBe(items);
    expect(moveItem(items, 2, 2)).toBe(items);
  });
});
