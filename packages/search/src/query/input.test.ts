import { describe, expect, it } from "vitest";
import { querySearchRequest, typedSearchRequest } from "./input.ts";

// The gallery pages through tRPC's infinite queries, which send `direction` beside the cursor.
describe("search requests as tRPC's infinite queries send them", () => {
  it("accept the forward direction and drop it, keeping the cursor", () => {
    expect(querySearchRequest.parse({ q: "cat", limit: 24, cursor: "c1", direction: "forward" })).toEqual({
      q: "cat",
      limit: 24,
      cursor: "c1",
    });
    const typed = typedSearchRequest.parse({ sort: "quality", direction: "forward" });
    expect(typed).not.toHaveProperty("direction");
    expect(typed.sort).toBe("quality");
  });

  it("refuse paging backward, which search cannot, and keys nobody defined", () => {
    expect(querySearchRequest.safeParse({ q: "", direction: "backward" }).success).toBe(false);
    expect(typedSearchRequest.safeParse({ direction: "backward" }).success).toBe(false);
    expect(querySearchRequest.safeParse({ q: "", page: 2 }).success).toBe(false);
  });
});
