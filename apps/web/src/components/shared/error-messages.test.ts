import { errorCodes } from "@wallpaperdb/core/errors";
import { queryErrorCodes } from "@wallpaperdb/search/query";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.ts";
import { errorMessages, queryErrorLabel, queryErrorLabels, unreachableMessage } from "./error-messages.ts";

function trpcError(message: string, data: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { data });
}

describe("human error messages", () => {
  it("has a sentence for every stable error code, and nothing for codes that do not exist", () => {
    expect(Object.keys(errorMessages).sort()).toEqual(Object.keys(errorCodes).sort());
    for (const message of Object.values(errorMessages)) expect(message).toMatch(/^[A-Z].*\.$/u);
  });

  it("has a label for every search query error code", () => {
    expect(Object.keys(queryErrorLabels).sort()).toEqual([...queryErrorCodes].sort());
    expect(queryErrorLabel("invalid_tag")).toBe("Not a tag name");
    expect(queryErrorLabel("from_a_newer_server")).toBe("Problem");
  });
});

describe("describeError", () => {
  it("keeps the domain's own sentence and the details that locate the problem", () => {
    const error = trpcError("Adding this link would make a cycle.", {
      code: "conflict",
      details: { path: ["cat", "animal", "cat"] },
    });
    expect(describeError(error)).toBe("Adding this link would make a cycle. — Path: cat → animal → cat");
  });

  it("never shows a bare code or a JSON dump", () => {
    expect(describeError(trpcError("invalid_tag", { code: "validation_failed" }))).toBe(
      errorMessages.validation_failed,
    );
    expect(describeError(trpcError('[{"code":"too_big","path":["q"]}]', { code: "bad_request" }))).toBe(
      errorMessages.bad_request,
    );
  });

  it("says what to do for generic failures, and when nothing answered", () => {
    expect(describeError(trpcError("INTERNAL_SERVER_ERROR", { code: "internal" }))).toBe(
      errorMessages.internal,
    );
    expect(describeError(trpcError("Sign in to do this.", { code: "rate_limited" }))).toBe(
      errorMessages.rate_limited,
    );
    const offline = Object.assign(new Error("Failed to fetch"), { cause: new TypeError("Failed to fetch") });
    expect(describeError(offline)).toBe(unreachableMessage);
  });
});
