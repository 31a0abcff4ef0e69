import { describe, expect, it } from "vitest";
import { InvalidBlobKeyError } from "./errors.ts";
import { assertValidBlobKey, assertValidBlobPrefix, MAX_BLOB_KEY_LENGTH } from "./keys.ts";

describe("assertValidBlobKey", () => {
  it.each([
    "a",
    "originals/ab/cd/abcdef.jpg",
    "variants/1920x1080/x_y-z.webp",
    ".hidden-but-harmless",
    "a..b/c",
    "x".repeat(MAX_BLOB_KEY_LENGTH),
  ])("accepts %s", (key) => {
    expect(() => assertValidBlobKey(key)).not.toThrow();
  });

  it.each([
    ["", /empty/],
    ["/etc/passwd", /relative/],
    ["a/../../etc/passwd", /".." segment/],
    ["..", /".." segment/],
    ["a/./b", /"\." segment/],
    ["a\\b", /backslash/],
    ["a//b", /empty path segment/],
    ["a/", /empty path segment/],
    ["a\u0000b", /control/],
    ["line\nbreak", /control/],
    ["del\u007f", /control/],
    ["space here", /only A-Z/],
    ["percent%2e%2e", /only A-Z/],
    ["ünïcode", /only A-Z/],
    ["x".repeat(MAX_BLOB_KEY_LENGTH + 1), /longer than 512/],
  ])("rejects %j", (key, reason) => {
    let caught: unknown;
    try {
      assertValidBlobKey(key);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidBlobKeyError);
    expect((caught as InvalidBlobKeyError).code).toBe("invalid_blob_key");
    expect((caught as Error).message).toMatch(reason);
  });
});

describe("assertValidBlobPrefix", () => {
  it("accepts the empty prefix, folder prefixes and partial names", () => {
    for (const prefix of ["", "originals/", "originals/ab", "a"]) {
      expect(() => assertValidBlobPrefix(prefix)).not.toThrow();
    }
  });

  it("rejects traversal and absolute prefixes", () => {
    for (const prefix of ["../", "/abs/", "a/../"]) {
      expect(() => assertValidBlobPrefix(prefix)).toThrow(InvalidBlobKeyError);
    }
  });
});
