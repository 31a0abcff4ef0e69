import { describe, expect, it } from "vitest";
import { parseRequestFilter, REQUESTS_PAGE_SIZE, requestListInput } from "./labels.ts";

describe("tag request list filters", () => {
  it("reads a known filter from the address and falls back to all", () => {
    expect(parseRequestFilter("pending")).toBe("pending");
    expect(parseRequestFilter("mine")).toBe("mine");
    expect(parseRequestFilter("PENDING")).toBe("all");
    expect(parseRequestFilter(["pending"])).toBe("all");
    expect(parseRequestFilter(undefined)).toBe("all");
  });

  it("asks the list for a status only when the filter is one", () => {
    expect(requestListInput("all", 1)).toEqual({ limit: REQUESTS_PAGE_SIZE, offset: 0 });
    expect(requestListInput("mine", 2)).toEqual({ limit: REQUESTS_PAGE_SIZE, offset: REQUESTS_PAGE_SIZE });
    expect(requestListInput("rejected", 3)).toEqual({
      status: "rejected",
      limit: REQUESTS_PAGE_SIZE,
      offset: 2 * REQUESTS_PAGE_SIZE,
    });
  });
});
