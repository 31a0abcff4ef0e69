import { describe, expect, it } from "vitest";
import { pickColor } from "./filters.ts";

describe("pickColor", () => {
  it("replaces the colour filter with the clicked colour", () => {
    expect(pickColor([], "ff0000", false)).toEqual(["ff0000"]);
    expect(pickColor(["00ff00"], "ff0000", false)).toEqual(["ff0000"]);
    expect(pickColor(["00ff00", "0000ff"], "ff0000", false)).toEqual(["ff0000"]);
  });

  it("clears the filter when the only colour is clicked again", () => {
    expect(pickColor(["ff0000"], "ff0000", false)).toEqual([]);
  });

  it("adds or removes one colour when adding is asked for", () => {
    expect(pickColor(["00ff00"], "ff0000", true)).toEqual(["00ff00", "ff0000"]);
    expect(pickColor(["00ff00", "ff0000"], "ff0000", true)).toEqual(["00ff00"]);
  });
});
