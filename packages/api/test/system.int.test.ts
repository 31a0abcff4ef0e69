import { randomBytes } from "node:crypto";
import { eventFailures, wallpapers } from "@wallpaperdb/db";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { ensureConsumer } from "@wallpaperdb/events/provision";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { failStep, startStep } from "@wallpaperdb/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

let h: Harness;
let bus: TestBus;

beforeAll(async () => {
  h = await openHarness();
  bus = await createTestBus();
  h.deps = {
    ...h.deps,
    nats: bus.nc,
    events: bus.names,
    checkReadiness: async () => ({
      ok: false,
      checks: [
        { name: "blob_store", label: "Blob store", ok: false, latencyMs: 3, detail: "connection refused" },
      ],
    }),
  };
});
afterAll(async () => {
  await bus?.cleanup();
  await h?.close();
});

async function callerAs(role: "curator" | "admin") {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
  return createCaller({ ...ctx, user: { id: `system_${role}`, role, via: "session" } });
}

describe("system.overview", () => {
  it("shows readiness, outbox backlog, consumer lag and recent failures", async () => {
    const { db } = h.deps;
    // Two events no relay has published: the backlog, and how old the oldest is.
    await db.transaction(async (tx) => {
      await enqueueEvent(tx, "wallpaper.changed.v1", { wallpaperIds: [crypto.randomUUID()], change: "tags" });
      await enqueueEvent(tx, "wallpaper.changed.v1", { wallpaperIds: [crypto.randomUUID()], change: "tags" });
    });
    // A durable with three events waiting and no worker: its lag.
    await ensureConsumer(bus.jsm, bus.names, {
      durable: "pipeline-color",
      filterSubjects: [`${bus.names.namespace}.wallpaper.variants.ready.v1`],
      maxDeliver: 5,
    });
    for (const n of [1, 2, 3]) {
      await bus.js.publish(`${bus.names.namespace}.wallpaper.variants.ready.v1`, `{"n":${n}}`);
    }
    await db.insert(eventFailures).values({
      consumer: "pipeline-quality",
      subject: `${bus.names.namespace}.wallpaper.variants.ready.v1`,
      deliveries: 6,
      error: "analysis blob missing",
    });
    const [wallpaper] = await db
      .insert(wallpapers)
      .values({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image",
        mimeType: "image/png",
        originalKey: "originals/system",
        sizeBytes: 1,
        width: 1,
        height: 1,
      })
      .returning({ id: wallpapers.id });
    const wallpaperId = wallpaper?.id ?? "";
    await startStep(db, wallpaperId, "variants");
    await failStep(db, wallpaperId, "variants", "corrupt: premature end of JPEG", true);

    const overview = await (await callerAs("curator")).system.overview();

    expect(overview.readiness).toMatchObject({
      ok: true,
      value: { ok: false, checks: [{ name: "blob_store", detail: "connection refused" }] },
    });
    // The two changed events plus the failed wallpaper's seven progress events (5 pending, running, failed).
    expect(overview.outbox).toMatchObject({ ok: true, value: { backlog: 9 } });
    if (overview.outbox.ok) expect(overview.outbox.value.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(overview.consumers).toMatchObject({
      ok: true,
      value: [{ name: "pipeline-color", pending: 3, ackPending: 0, waitingPulls: 0 }],
    });
    expect(overview.failures).toMatchObject({
      ok: true,
      value: [{ consumer: "pipeline-quality", deliveries: 6, error: "analysis blob missing" }],
    });
    expect(overview.failedSteps).toMatchObject({
      ok: true,
      value: [{ wallpaperId, step: "variants", error: "corrupt: premature end of JPEG" }],
    });
  });

  it("keeps the rest of the page when NATS settings are missing", async () => {
    const ctx = await createTRPCContext({ headers: new Headers(), deps: { ...h.deps, events: undefined } });
    const overview = await createCaller({
      ...ctx,
      user: { id: "system_admin", role: "admin", via: "session" },
    }).system.overview();
    expect(overview.consumers).toMatchObject({ ok: false, error: expect.stringMatching(/not configured/) });
    expect(overview.outbox.ok).toBe(true);
  });
});
