import { describe, expect, it } from "vitest";
import { LOAD_AHEAD, neighboursOf, swipeDirection } from "./neighbours.ts";

const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];

describe("walking a search", () => {
  it("finds the previous and next wallpaper in the loaded order", () => {
    expect(neighboursOf(ids, "c")).toMatchObject({ index: 2, previous: "b", next: "d", nearEnd: false });
  });

  it("has no previous at the start and no next at the end of what is loaded", () => {
    expect(neighboursOf(ids, "a")).toMatchObject({ previous: null, next: "b" });
    expect(neighboursOf(ids, "h")).toMatchObject({ previous: "g", next: null, nearEnd: true });
  });

  it(`asks for the next page ${LOAD_AHEAD} wallpapers before the end`, () => {
    expect(neighboursOf(ids, ids[ids.length - 1 - LOAD_AHEAD] ?? "")?.nearEnd).toBe(true);
    expect(neighboursOf(ids, ids[ids.length - 2 - LOAD_AHEAD] ?? "")?.nearEnd).toBe(false);
  });

  it("is null for a wallpaper that is not in the search", () => {
    expect(neighboursOf(ids, "z")).toBeNull();
    expect(neighboursOf([], "a")).toBeNull();
  });
});

describe("swipes", () => {
  it("a sideways stroke goes next (leftwards) or previous (rightwards)", () => {
    expect(swipeDirection(-120, 10)).toBe("next");
    expect(swipeDirection(120, -20)).toBe("previous");
  });

  it("a short or mostly vertical stroke is no swipe (a tap, scrolling)", () => {
    expect(swipeDirection(-30, 0)).toBeNull();
    expect(swipeDirection(-120, 100)).toBeNull();
  });
});
