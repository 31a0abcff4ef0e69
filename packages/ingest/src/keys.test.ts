import { describe, expect, it } from "vitest";
import { originalKeyFor, sha256FromOriginalKey } from "./keys.ts";

const sha = "ab".repeat(32);

describe("original keys", () => {
  it("are derived from the content hash only", () => {
    expect(originalKeyFor(sha)).toBe(`originals/ab/${sha}`);
    expect(sha256FromOriginalKey(originalKeyFor(sha))).toBe(sha);
  });

  it("refuse anything that is not a lower-case hex digest", () => {
    expect(() => originalKeyFor("../etc/passwd")).toThrow();
    expect(() => originalKeyFor(sha.toUpperCase())).toThrow();
  });

  it("do not recognise keys outside the layout", () => {
    expect(sha256FromOriginalKey(`originals/cd/${sha}`)).toBeNull();
    expect(sha256FromOriginalKey(`variants/ab/${sha}`)).toBeNull();
  });
});
