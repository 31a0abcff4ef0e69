import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Caller } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createTRPCContext } from "../src/index.ts";
import {
  adminProcedure,
  createCallerFactory,
  createTRPCRouter,
  curatorProcedure,
  protectedProcedure,
  publicProcedure,
} from "../src/trpc.ts";
import { type Harness, openHarness } from "./harness.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await openHarness();
});

afterAll(async () => {
  await harness.close();
});

// The procedures that will use these builders arrive with accounts; this router exercises them now.
const guarded = createTRPCRouter({
  member: protectedProcedure.query(({ ctx }) => ctx.user.id),
  curator: curatorProcedure.query(({ ctx }) => ctx.user.role),
  admin: adminProcedure.query(({ ctx }) => ctx.user.role),
  explode: publicProcedure.query(() => {
    throw new Error("connection to 10.0.0.7 refused: password=hunter2");
  }),
  teapot: publicProcedure.query(() => {
    throw new AppError("conflict", "Already exists.", { existingId: "abc" });
  }),
});
const createGuardedCaller = createCallerFactory(guarded);

async function guardedCaller(user: Caller | null) {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createGuardedCaller({ ...ctx, user });
}

/** Sends a request through the same fetch adapter the web app mounts, and returns the error JSON. */
async function callOverHttp(router: typeof appRouter | typeof guarded, path: string, input?: unknown) {
  const query =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://test.local/api/trpc/${path}${query}`),
    router,
    createContext: () => createTRPCContext({ headers: new Headers(), deps: harness.deps }),
  });
  const body = (await response.json()) as { error: Parameters<typeof superjson.deserialize>[0] };
  const error = superjson.deserialize<{ message: string; data: Record<string, unknown> }>(body.error);
  return { status: response.status, error };
}

describe("procedure builders", () => {
  it("refuse anonymous callers with unauthorized", async () => {
    const api = await guardedCaller(null);
    for (const call of [api.member(), api.curator(), api.admin()]) {
      await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED", cause: { code: "unauthorized" } });
    }
  });

  it("refuse signed-in users without the role with forbidden", async () => {
    const user = await guardedCaller({ id: "u1", role: "user", via: "session" });
    expect(await user.member()).toBe("u1");
    await expect(user.curator()).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "forbidden" } });
    await expect(user.admin()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const curator = await guardedCaller({ id: "u2", role: "curator", via: "session" });
    expect(await curator.curator()).toBe("curator");
    await expect(curator.admin()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const admin = await guardedCaller({ id: "u3", role: "admin", via: "session" });
    expect(await admin.curator()).toBe("admin");
    expect(await admin.admin()).toBe("admin");
  });

  it("anonymous requests over HTTP get 401 with data.code unauthorized", async () => {
    const { status, error } = await callOverHttp(guarded, "admin");
    expect(status).toBe(401);
    expect(error.data.code).toBe("unauthorized");
  });
});

describe("error shape over HTTP", () => {
  it("flattens invalid input into fieldErrors with code validation_failed", async () => {
    const { status, error } = await callOverHttp(appRouter, "wallpaper.byId", { wallpaperId: "not-a-uuid" });
    expect(status).toBe(400);
    expect(error.data.code).toBe("validation_failed");
    expect(error.data.fieldErrors).toMatchObject({ wallpaperId: [expect.any(String)] });
  });

  it("an unknown wallpaper is 404 with code not_found and the wallpaper id in details", async () => {
    const wallpaperId = "00000000-0000-4000-8000-000000000000";
    const { status, error } = await callOverHttp(appRouter, "wallpaper.byId", { wallpaperId });
    expect(status).toBe(404);
    expect(error.data.code).toBe("not_found");
    expect(error.data.details).toMatchObject({ wallpaperId });
  });

  it("an unknown procedure is 404 with code not_found", async () => {
    const { status, error } = await callOverHttp(appRouter, "nope.nothing");
    expect(status).toBe(404);
    expect(error.data.code).toBe("not_found");
  });

  it("an AppError keeps its code, status and details", async () => {
    const { status, error } = await callOverHttp(guarded, "teapot");
    expect(status).toBe(409);
    expect(error).toMatchObject({
      message: "Already exists.",
      data: { code: "conflict", details: { existingId: "abc" } },
    });
  });

  it("an unexpected error becomes internal without leaking its message or stack", async () => {
    const { status, error } = await callOverHttp(guarded, "explode");
    expect(status).toBe(500);
    expect(error.data.code).toBe("internal");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(error.data.stack).toBeUndefined();
  });
});
