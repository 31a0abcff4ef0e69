/** What a handler reports. Throwing counts as a retryable failure. */
export type HandlerResult =
  | { status: "done" }
  | { status: "skipped"; reason: string }
  | { status: "failed"; reason: string; retryable: boolean };

/** What happened to one delivery, before deciding what to tell JetStream. */
export type DeliveryAttempt =
  | { kind: "handled"; result: HandlerResult }
  | { kind: "threw"; error: unknown }
  | { kind: "invalid"; error: string }
  | { kind: "interrupted" }
  // Delivered more often than maxDeliver: earlier deliveries timed out or their worker died.
  | { kind: "exhausted" };

export type Outcome =
  | { action: "ack" }
  | { action: "nak"; delayMs: number; reason: string }
  | { action: "term"; reason: string };

export interface RetryPolicy {
  maxDeliver: number;
  backoffMs: readonly number[];
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 5000, 30_000, 120_000];

/** Delay before the next delivery after delivery number `deliveryCount` (1-based) failed. */
export function backoffDelay(deliveryCount: number, backoffMs: readonly number[]): number {
  if (backoffMs.length === 0) return 0;
  const index = Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1;
  return backoffMs[index] ?? 0;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** The one place that maps a delivery's result to ack, nak-with-delay or term. */
export function decideOutcome(attempt: DeliveryAttempt, deliveryCount: number, policy: RetryPolicy): Outcome {
  switch (attempt.kind) {
    case "handled":
      switch (attempt.result.status) {
        case "done":
        case "skipped":
          return { action: "ack" };
        case "failed":
          if (!attempt.result.retryable) return { action: "term", reason: attempt.result.reason };
          return retryOrGiveUp(attempt.result.reason, deliveryCount, policy);
        default:
          return assertNever(attempt.result);
      }
    case "threw":
      return retryOrGiveUp(describeError(attempt.error), deliveryCount, policy);
    case "invalid":
      return { action: "term", reason: `invalid event: ${attempt.error}` };
    case "interrupted":
      // Shutting down is not the event's fault: hand it to another worker now, without a delay.
      return { action: "nak", delayMs: 0, reason: "worker shutting down" };
    case "exhausted":
      return { action: "term", reason: `no result after ${deliveryCount} deliveries (timed out or crashed)` };
    default:
      return assertNever(attempt);
  }
}

function retryOrGiveUp(reason: string, deliveryCount: number, policy: RetryPolicy): Outcome {
  if (deliveryCount >= policy.maxDeliver) {
    return { action: "term", reason: `gave up after ${deliveryCount} deliveries: ${reason}` };
  }
  return { action: "nak", delayMs: backoffDelay(deliveryCount, policy.backoffMs), reason };
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
