import { describe, expect, it } from "vitest";
import { AppError, problemResponse, toProblem } from "./errors.ts";

describe("problem documents", () => {
  it("carries the stable code, status and details", async () => {
    const response = problemResponse(
      new AppError("too_large", "File is over 200 MB.", { limit: 200 }),
      "/api/x",
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "too_large",
      status: 413,
      limit: 200,
      instance: "/api/x",
    });
  });

  it("never leaks the message of an unexpected error", () => {
    const problem = toProblem(new Error("password=hunter2"));
    expect(problem.code).toBe("internal");
    expect(problem.detail).not.toContain("hunter2");
  });
});
