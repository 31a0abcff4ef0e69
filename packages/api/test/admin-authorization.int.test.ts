import { describe, expect, it } from "vitest";
import { useAdminWorld } from "./admin-fixture.ts";

const world = useAdminWorld();
const { callerFor } = world;

describe("authorization", () => {
  const outcomes = async (call: (c: Awaited<ReturnType<typeof callerFor>>) => Promise<unknown>) => {
    const result: Record<string, string> = {};
    for (const who of ["anonymous", "user", "curator", "admin"] as const) {
      try {
        await call(await callerFor(who));
        result[who] = "ok";
      } catch (error) {
        result[who] = String((error as { code?: string }).code);
      }
    }
    return result;
  };

  it("lets curators moderate and read jobs, and only admins re-drive work", async () => {
    const curatorRead = { anonymous: "UNAUTHORIZED", user: "FORBIDDEN", curator: "ok", admin: "ok" };
    expect(await outcomes((c) => c.admin.moderation.queue({}))).toEqual(curatorRead);
    expect(await outcomes((c) => c.admin.moderation.approve({ wallpaperIds: [world.ids.ok] }))).toEqual(
      curatorRead,
    );
    expect(await outcomes((c) => c.admin.jobs.summary())).toEqual(curatorRead);
    const adminOnly = { anonymous: "UNAUTHORIZED", user: "FORBIDDEN", curator: "FORBIDDEN", admin: "ok" };
    expect(await outcomes((c) => c.admin.jobs.retryFailed({ step: "poster" }))).toEqual(adminOnly);
  });
});
