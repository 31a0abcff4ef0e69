import { describe, expect, it } from "vitest";
import { checkWebConfiguration } from "./config-check.ts";

describe("checkWebConfiguration", () => {
  it("passes the local defaults", () => {
    expect(checkWebConfiguration({})).toBeNull();
  });

  it("names every bad variable of every package at once", () => {
    const problem = checkWebConfiguration({
      PUBLIC_BASE_URL: "nope",
      NATS_URL: "http://nats:4222",
      MAX_UPLOAD_BYTES: "lots",
      SEARCH_BACKEND: "opensearch",
    });
    const variables = problem?.issues.map((issue) => issue.variable) ?? [];
    expect(variables).toEqual(
      expect.arrayContaining(["PUBLIC_BASE_URL", "NATS_URL", "MAX_UPLOAD_BYTES", "OPENSEARCH_URL"]),
    );
    // Once each, though both the web app and the blob store read PUBLIC_BASE_URL.
    expect(variables.filter((variable) => variable === "PUBLIC_BASE_URL")).toHaveLength(1);
    expect(problem?.message).toContain("NATS_URL: expected a URL starting with nats://");
  });
});
