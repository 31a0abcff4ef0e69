import { describe, expect, it } from "vitest";
import { authHref, safeReturnPath } from "./return-path.ts";

describe("safeReturnPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnPath("/upload")).toBe("/upload");
    expect(safeReturnPath("/?q=tag%3Anature#top")).toBe("/?q=tag%3Anature#top");
    expect(safeReturnPath(["/upload", "/account"])).toBe("/upload");
  });

  it("refuses anything that would leave the site", () => {
    for (const value of [
      "https://evil.example/upload",
      "//evil.example/upload",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "upload",
      "",
      undefined,
    ]) {
      expect(safeReturnPath(value), String(value)).toBeNull();
    }
  });

  it("does not loop back to the auth pages", () => {
    expect(safeReturnPath("/sign-in?next=/upload")).toBeNull();
    expect(safeReturnPath("/sign-up")).toBeNull();
  });
});

describe("authHref", () => {
  it("carries the return path through the query", () => {
    expect(authHref("/sign-in", "/upload")).toBe("/sign-in?next=%2Fupload");
    expect(authHref("/sign-up", null)).toBe("/sign-up");
  });
});
