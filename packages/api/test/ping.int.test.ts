import { TRPCError } from "@trpc/server";
import { AppError } from "@wallpaperdb/core/errors";
import { outbox, pings } from "@wallpaperdb/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await openHarness();
});

afterAll(async () => {
  await harness.close();
});

async function caller() {
  return createCaller(await createTRPCContext({ headers: new Headers(), deps: harness.deps }));
}

async function counts() {
  const pingRows = await harness.deps.db.select().from(pings);
  const outboxRows = await harness.deps.db.select().from(outbox);
  return { pingRows, outboxRows };
}

describe("ping", () => {
  it("send writes one ping row and one system.ping.v1 outbox row that names it", async () => {
    const before = await counts();
    const api = await caller();
    const { pingId } = await api.ping.send({ message: "hello pipeline" });
    const after = await counts();
    expect(after.pingRows.length - before.pingRows.length).toBe(1);
    expect(after.outboxRows.length - before.outboxRows.length).toBe(1);
    const event = after.outboxRows.find((row) => !before.outboxRows.some((old) => old.id === row.id));
    expect(event?.type).toBe("system.ping.v1");
    expect(event?.payload).toEqual({ pingId, message: "hello pipeline" });
    expect(event?.publishedAt).toBeNull();
  });

  it("writes neither row when the enqueue fails inside the transaction", async () => {
    // A real failure from PostgreSQL itself: a trigger that rejects every outbox insert.
    await harness.deps.sql.unsafe(`
      create function reject_outbox() returns trigger language plpgsql as
        $$ begin raise exception 'outbox unavailable for this test'; end $$;
      create trigger reject_outbox before insert on outbox for each row execute function reject_outbox();
    `);
    try {
      const before = await counts();
      const api = await caller();
      const failure = await api.ping.send({ message: "doomed" }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TRPCError);
      expect((failure as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
      const after = await counts();
      expect(after.pingRows.length).toBe(before.pingRows.length);
      expect(after.outboxRows.length).toBe(before.outboxRows.length);
      expect(after.pingRows.some((row) => row.message === "doomed")).toBe(false);
    } finally {
      await harness.deps.sql.unsafe("drop trigger reject_outbox on outbox; drop function reject_outbox();");
    }
  });

  it("byId reports pending, then delivered with latency and worker once a pong is recorded", async () => {
    const api = await caller();
    const { pingId } = await api.ping.send({ message: "status check" });
    const pending = await api.ping.byId({ pingId });
    expect(pending).toMatchObject({ pingId, status: "pending", pongedBy: null, latencyMs: null });

    await harness.deps.sql`
      update pings set ponged_at = created_at + interval '42 milliseconds', ponged_by = 'worker-test'
      where id = ${pingId}`;
    const delivered = await api.ping.byId({ pingId });
    expect(delivered).toMatchObject({ status: "delivered", pongedBy: "worker-test", latencyMs: 42 });
  });

  it("byId of an unknown ping is NOT_FOUND with the stable code not_found", async () => {
    const api = await caller();
    const failure = await api.ping
      .byId({ pingId: "00000000-0000-4000-8000-000000000000" })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TRPCError);
    const error = failure as TRPCError;
    expect(error.code).toBe("NOT_FOUND");
    expect(error.cause).toBeInstanceOf(AppError);
    expect((error.cause as AppError).code).toBe("not_found");
  });

  it("rejects unknown input keys and empty messages", async () => {
    const api = await caller();
    // @ts-expect-error extra keys are refused at runtime too (.strict()).
    await expect(api.ping.send({ message: "hi", extra: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.ping.send({ message: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
