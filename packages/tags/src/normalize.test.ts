import { AppError } from "@wallpaperdb/core/errors";
import { describe, expect, it } from "vitest";
import { normalizePrefix, normalizeTagName, normalizeTagNameResult } from "./normalize.ts";

describe("normalizeTagName", () => {
  it("folds case, unicode width and whitespace into the canonical form", () => {
    expect(normalizeTagName("  Blue   Sky ")).toBe("blue_sky");
    expect(normalizeTagName("Ｍｏｕｎｔａｉｎ")).toBe("mountain");
    expect(normalizeTagName("night__city")).toBe("night_city");
    expect(normalizeTagName("Café")).toBe(normalizeTagName("Cafe\u0301"));
    expect(normalizeTagName("4K")).toBe("4k");
  });

  it("rejects names that break the query syntax or are empty", () => {
    const problem = (raw: string) => {
      const result = normalizeTagNameResult(raw);
      return result.ok ? null : result.problem;
    };
    expect(problem("   ")).toBe("empty");
    expect(problem("___")).toBe("empty");
    expect(problem("a".repeat(101))).toBe("too_long");
    expect(problem("star*")).toBe("reserved_character");
    expect(problem("a,b")).toBe("reserved_character");
    expect(problem("-negated")).toBe("reserved_prefix");
    expect(problem("~either")).toBe("reserved_prefix");
    expect(problem("bell\u0007")).toBe("control_character");
    expect(problem("zero\u200bwidth")).toBe("control_character");
    expect(problem("!!!")).toBe("only_punctuation");
    expect(problem("a-b~c")).toBeNull();
  });

  it("throws validation_failed with the reason and problem", () => {
    try {
      normalizeTagName("-x");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "validation_failed",
        details: { reason: "invalid_tag_name", problem: "reserved_prefix" },
      });
    }
  });

  it("keeps a typed prefix usable for autocomplete", () => {
    expect(normalizePrefix("Blue S")).toBe("blue_s");
    expect(normalizePrefix("-moun")).toBe("moun");
  });
});
