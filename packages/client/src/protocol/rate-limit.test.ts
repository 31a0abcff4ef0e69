import { describe, expect, it } from "vitest";
import { rateLimitOf, sleep } from "./rate-limit.ts";

describe("rateLimitOf", () => {
  it("reads the server's wait from a rate_limited error, and nothing from other errors", () => {
    const limited = { data: { code: "rate_limited", details: { retryAfterSeconds: 12 } } };
    expect(rateLimitOf(limited)).toEqual({ retryAfterSeconds: 12 });
    expect(rateLimitOf({ data: { code: "rate_limited" } })).toEqual({ retryAfterSeconds: 60 });
    expect(rateLimitOf({ data: { code: "unauthorized" } })).toBeNull();
    expect(rateLimitOf(new Error("fetch failed"))).toBeNull();
    expect(rateLimitOf(null)).toBeNull();
  });

  it("sleeps until aborted, then rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
