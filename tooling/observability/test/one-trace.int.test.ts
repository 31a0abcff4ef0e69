import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { users, wallpapers } from "@wallpaperdb/db";
import { runConsumer } from "@wallpaperdb/events/consumer";
import { startOutboxRelay } from "@wallpaperdb/events/relay";
import { withSpan } from "@wallpaperdb/telemetry";
import { shutdownTelemetry, startTelemetry } from "@wallpaperdb/telemetry/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStack, type Stack } from "./harness.ts";

const spans = new InMemorySpanExporter();
let stack: Stack;

beforeAll(async () => {
  // Before any connection opens, as a process entry point would do it.
  startTelemetry({
    serviceName: "observability-test",
    traceExporter: spans,
    env: { OTEL_SDK_DISABLED: false, OTEL_METRIC_EXPORT_INTERVAL: 60_000 },
  });
  stack = await openStack();
});

afterAll(async () => {
  await stack?.close();
  await shutdownTelemetry();
});

const parentId = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const byName = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);

/** A curator account and one wallpaper, written straight to the database (no spans worth asserting). */
async function curatorAndWallpaper() {
  const curator = { id: "obs_curator", role: "curator" as const };
  await stack.database.db.insert(users).values({ ...curator, name: "Obs", email: "obs@example.test" });
  const [row] = await stack.database.db
    .insert(wallpapers)
    .values({
      sha256: "0".repeat(64),
      mediaType: "image",
      mimeType: "image/png",
      originalKey: "originals/obs",
      sizeBytes: 1,
      width: 1,
      height: 1,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper row");
  return { curator, wallpaperId: row.id };
}

describe("one tag edit is one trace", () => {
  it("links the tRPC procedure, the relay publish, the consumer and the handler step by the propagated context", async () => {
    const { bus, database, logger } = stack;
    const { curator, wallpaperId } = await curatorAndWallpaper();
    let handled: (wallpaperId: string) => void = () => {};
    const handledEvent = new Promise<string>((resolve) => {
      handled = resolve;
    });
    const consumer = await runConsumer({
      js: bus.js,
      jsm: bus.jsm,
      db: database,
      names: bus.names,
      durable: "obs-trace",
      types: ["wallpaper.changed.v1"],
      logger,
      handler: (event) =>
        withSpan("step index", { "wallpaperdb.step": "index" }, async () => {
          logger.info({ wallpaperIds: event.data.wallpaperIds }, "handler step ran");
          handled(event.data.wallpaperIds[0] ?? "");
          return { status: "done" } as const;
        }),
    });
    const relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 200 });
    try {
      const api = await stack.api(curator);
      await api.wallpaper.setTags({ wallpaperId, add: ["traced"] });
      expect(await handledEvent).toBe(wallpaperId);
    } finally {
      await relay.stop();
      await consumer.stop();
    }

    const [procedure] = byName("trpc.wallpaper.setTags");
    const [send] = byName(`send ${bus.names.namespace}.wallpaper.changed.v1`);
    const [process] = byName("process wallpaper.changed.v1");
    const [step] = byName("step index");
    // The outbox row carries the context of the span that wrote it: the procedure's transaction.
    const transaction = spans
      .getFinishedSpans()
      .find(
        (span) =>
          span.name === "transaction" && send !== undefined && span.spanContext().spanId === parentId(send),
      );
    if (!procedure || !send || !process || !step || !transaction) {
      throw new Error(
        `missing spans; got ${spans
          .getFinishedSpans()
          .map((s) => s.name)
          .join(", ")}`,
      );
    }
    const traceId = procedure.spanContext().traceId;
    for (const span of [send, process, step]) expect(span.spanContext().traceId).toBe(traceId);
    expect(parentId(procedure)).toBeUndefined();
    expect(parentId(transaction)).toBe(procedure.spanContext().spanId);
    expect(parentId(send)).toBe(transaction.spanContext().spanId);
    expect(parentId(process)).toBe(send.spanContext().spanId);
    expect(parentId(step)).toBe(process.spanContext().spanId);

    expect(procedure.kind).toBe(SpanKind.SERVER);
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(process.kind).toBe(SpanKind.CONSUMER);
    expect(send.attributes).toMatchObject({
      "messaging.system": "nats",
      "messaging.operation.type": "send",
      "messaging.destination.name": `${bus.names.namespace}.wallpaper.changed.v1`,
    });
    expect(process.attributes).toMatchObject({
      "messaging.operation.type": "process",
      "messaging.consumer.group.name": "obs-trace",
      "wallpaperdb.event.action": "ack",
    });

    // The handler's log line names the step span, so logs and traces lead to each other.
    const line = stack.logLines.find((entry) => entry.msg === "handler step ran");
    expect(line).toMatchObject({ trace_id: traceId, span_id: step.spanContext().spanId });
  });

  it("marks a failing procedure's span as an error with its stable code", async () => {
    const api = await stack.api();
    await expect(
      api.wallpaper.byId({ wallpaperId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow();
    const [span] = byName("trpc.wallpaper.byId");
    expect(span?.status).toMatchObject({ code: SpanStatusCode.ERROR, message: "not_found" });
    expect(span?.attributes["rpc.response.status_code"]).toBe("NOT_FOUND");
  });

  it("writes no trace ids in log lines outside a span", () => {
    stack.logger.info("outside any span");
    const line = stack.logLines.find((entry) => entry.msg === "outside any span");
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty("trace_id");
  });
});
