import { describe, expect, it } from "vitest";
import {
  type ContentScores,
  PURITY_THRESHOLDS,
  purityAfterSuggestion,
  suggestPurity,
} from "./purity-suggestion.ts";

const neutral: ContentScores = { drawing: 0.05, hentai: 0.01, neutral: 0.9, porn: 0.02, sexy: 0.02 };
const scores = (over: Partial<ContentScores>): ContentScores => ({ ...neutral, ...over });

describe("suggestPurity", () => {
  it("calls a neutral picture or a drawing sfw", () => {
    expect(suggestPurity(neutral)).toBe("sfw");
    expect(suggestPurity(scores({ drawing: 0.95, neutral: 0.02 }))).toBe("sfw");
  });

  it("makes explicit classes nsfw at the limit, and sketchy below it", () => {
    expect(suggestPurity(scores({ porn: 0.9, hentai: 0.05 }))).toBe("nsfw");
    expect(suggestPurity(scores({ hentai: 0.97, porn: 0 }))).toBe("nsfw");
    expect(suggestPurity(scores({ porn: 0.6, hentai: 0.3499 }))).toBe("sketchy");
    expect(suggestPurity(scores({ porn: 0.85, hentai: 0 }))).toBe("sketchy");
  });

  it("calls the corpus's worst false alarms sfw (a yellow flower macro, wood grain)", () => {
    const flower = { drawing: 0.006, hentai: 0.035, neutral: 0.091, porn: 0.779, sexy: 0.089 };
    const wood = { drawing: 0, hentai: 0.001, neutral: 0.419, porn: 0.576, sexy: 0.004 };
    expect(suggestPurity(flower)).toBe("sfw");
    expect(suggestPurity(wood)).toBe("sfw");
  });

  it("never makes suggestive (sexy) alone more than sketchy", () => {
    expect(suggestPurity(scores({ sexy: PURITY_THRESHOLDS.sketchySexy }))).toBe("sketchy");
    expect(suggestPurity(scores({ sexy: 0.99, porn: 0, hentai: 0 }))).toBe("sketchy");
    expect(suggestPurity(scores({ sexy: 0.59 }))).toBe("sfw");
  });
});

describe("purityAfterSuggestion", () => {
  it("leaves the uploader's and a curator's purity alone", () => {
    for (const source of ["uploader", "curator"] as const) {
      expect(purityAfterSuggestion({ purity: "sfw", source }, "nsfw")).toBeNull();
      expect(purityAfterSuggestion({ purity: "nsfw", source }, "sfw")).toBeNull();
    }
  });

  it("applies a sketchy or nsfw suggestion to a purity nobody chose, and leaves sfw as the default", () => {
    expect(purityAfterSuggestion({ purity: "sfw", source: "default" }, "nsfw")).toEqual({
      purity: "nsfw",
      source: "model",
    });
    expect(purityAfterSuggestion({ purity: "sfw", source: "default" }, "sketchy")?.purity).toBe("sketchy");
    expect(purityAfterSuggestion({ purity: "sfw", source: "default" }, "sfw")).toBeNull();
  });

  it("follows the model's latest run where the model set it", () => {
    expect(purityAfterSuggestion({ purity: "nsfw", source: "model" }, "sfw")).toEqual({
      purity: "sfw",
      source: "model",
    });
    expect(purityAfterSuggestion({ purity: "nsfw", source: "model" }, "nsfw")).toBeNull();
  });
});
