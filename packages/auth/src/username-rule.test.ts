import { describe, expect, it } from "vitest";
import { isValidUsername, usernameFromName } from "./username-rule.ts";

describe("handles", () => {
  it("derives a URL-safe handle from any display name", () => {
    expect(usernameFromName("Ada Lovelace")).toBe("ada-lovelace");
    expect(usernameFromName("  --Zoë & Co.--  ")).toBe("zo-co");
    expect(usernameFromName("é")).toBe("user");
    expect(usernameFromName("X")).toBe("userx");
    expect(usernameFromName("A very long display name with many words")).toBe("a-very-long-display-name");
    for (const name of ["Ada Lovelace", "é", "X", "<script>", "a".repeat(200), "日本語"]) {
      expect(isValidUsername(usernameFromName(name)), name).toBe(true);
    }
  });

  it("accepts only lower-case letters, digits, - and _, 2 to 30, not starting with - or _", () => {
    for (const ok of ["ab", "ada-lovelace", "a_1", "9lives", "a".repeat(30)])
      expect(isValidUsername(ok), ok).toBe(true);
    for (const bad of ["a", "Ada", "-ada", "_ada", "ada lovelace", "a/b", "a".repeat(31), "ada%2f", ""]) {
      expect(isValidUsername(bad), bad).toBe(false);
    }
  });
});
