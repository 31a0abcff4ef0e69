import { describe, expect, it } from "vitest";
import { backoffDelay, decideOutcome } from "./outcome.ts";

const policy = { maxDeliver: 4, backoffMs: [100, 500, 2000] };

describe("backoffDelay", () => {
  it("uses the delay for the delivery that just failed", () => {
    expect(backoffDelay(1, policy.backoffMs)).toBe(100);
    expect(backoffDelay(2, policy.backoffMs)).toBe(500);
    expect(backoffDelay(3, policy.backoffMs)).toBe(2000);
  });

  it("keeps the last delay once the list runs out", () => {
    expect(backoffDelay(9, policy.backoffMs)).toBe(2000);
  });

  it("retries at once without a backoff list", () => {
    expect(backoffDelay(2, [])).toBe(0);
  });
});

describe("decideOutcome", () => {
  it("acks done and skipped results", () => {
    expect(decideOutcome({ kind: "handled", result: { status: "done" } }, 1, policy)).toEqual({
      action: "ack",
    });
    expect(
      decideOutcome({ kind: "handled", result: { status: "skipped", reason: "seen" } }, 4, policy),
    ).toEqual({
      action: "ack",
    });
  });

  it("naks a thrown error with the backoff of its delivery", () => {
    const outcome = decideOutcome({ kind: "threw", error: new Error("db busy") }, 2, policy);
    expect(outcome).toMatchObject({ action: "nak", delayMs: 500 });
    expect(outcome.action === "nak" && outcome.reason).toContain("db busy");
  });

  it("naks a retryable failure", () => {
    const attempt = {
      kind: "handled",
      result: { status: "failed", reason: "busy", retryable: true },
    } as const;
    expect(decideOutcome(attempt, 1, policy)).toEqual({ action: "nak", delayMs: 100, reason: "busy" });
  });

  it("terms a retryable failure on the last allowed delivery", () => {
    const outcome = decideOutcome({ kind: "threw", error: new Error("still broken") }, 4, policy);
    expect(outcome.action).toBe("term");
    expect(outcome.action === "term" && outcome.reason).toMatch(/gave up after 4 deliveries.*still broken/s);
  });

  it("terms a non-retryable failure on the first delivery", () => {
    const attempt = {
      kind: "handled",
      result: { status: "failed", reason: "corrupt", retryable: false },
    } as const;
    expect(decideOutcome(attempt, 1, policy)).toEqual({ action: "term", reason: "corrupt" });
  });

  it("terms an invalid payload without retrying", () => {
    expect(decideOutcome({ kind: "invalid", error: "pingId: bad uuid" }, 1, policy)).toEqual({
      action: "term",
      reason: "invalid event: pingId: bad uuid",
    });
  });

  it("terms a delivery past the limit that never produced a result", () => {
    expect(decideOutcome({ kind: "exhausted" }, 5, policy).action).toBe("term");
  });

  it("hands interrupted work back immediately", () => {
    expect(decideOutcome({ kind: "interrupted" }, 1, policy)).toEqual({
      action: "nak",
      delayMs: 0,
      reason: "worker shutting down",
    });
  });
});
