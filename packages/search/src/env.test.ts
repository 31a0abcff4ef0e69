import { ConfigError } from "@wallpaperdb/core/env";
import { describe, expect, it } from "vitest";
import { loadSearchEnv } from "./env.ts";

describe("search env", () => {
  it("defaults to PostgreSQL", () => {
    expect(loadSearchEnv({})).toEqual({ SEARCH_BACKEND: "postgres", OPENSEARCH_INDEX: "wallpapers" });
  });

  it("needs OPENSEARCH_URL for the OpenSearch backend, and names the variable", () => {
    expect(() => loadSearchEnv({ SEARCH_BACKEND: "opensearch" })).toThrow(ConfigError);
    expect(() => loadSearchEnv({ SEARCH_BACKEND: "opensearch" })).toThrow(/OPENSEARCH_URL/);
    expect(
      loadSearchEnv({ SEARCH_BACKEND: "opensearch", OPENSEARCH_URL: "http://localhost:9200" }).OPENSEARCH_URL,
    ).toBe("http://localhost:9200");
    expect(() => loadSearchEnv({ SEARCH_BACKEND: "elastic" })).toThrow(/SEARCH_BACKEND/);
  });
});
