import { randomBytes } from "node:crypto";
import { type AuthServices, createApiKey, createAuthServices, loadAuthSettings } from "@wallpaperdb/auth";
import { outbox, users, wallpapers } from "@wallpaperdb/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

const origin = "http://127.0.0.1:3997";
let h: Harness;
let auth: AuthServices;

beforeAll(async () => {
  h = await openHarness();
  auth = createAuthServices({
    db: h.deps.db,
    settings: loadAuthSettings({ PUBLIC_BASE_URL: origin, SIGN_IN_RATE_LIMIT_PER_MINUTE: "100" }),
    logger: h.deps.logger,
  });
});
afterAll(async () => {
  await h?.close();
});

/** Signs up through better-auth (a real password hash) and answers the account id and its session cookie. */
async function signUp(name: string): Promise<{ id: string; cookie: string; email: string }> {
  const email = `${name.toLowerCase().replace(/\W/g, "")}-${randomBytes(3).toString("hex")}@example.test`;
  const response = await auth.handle(
    new Request(`${origin}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name, email, password: "a good password" }),
    }),
  );
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const [row] = await h.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row?.id ?? "", cookie, email };
}

async function callerWith(headers: Record<string, string>) {
  return createCaller(await createTRPCContext({ headers: new Headers(headers), deps: { ...h.deps, auth } }));
}

async function uploadsOf(uploaderId: string, count: number): Promise<string[]> {
  const rows = await h.deps.db
    .insert(wallpapers)
    .values(
      Array.from({ length: count }, () => ({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image" as const,
        mimeType: "image/png",
        originalKey: `originals/${randomBytes(4).toString("hex")}`,
        sizeBytes: 1,
        width: 10,
        height: 10,
        uploaderId,
        processedAt: new Date(),
      })),
    )
    .returning({ id: wallpapers.id });
  return rows.map((row) => row.id);
}

async function eventsAbout(type: string): Promise<unknown[]> {
  const rows = await h.deps.db.select().from(outbox).where(eq(outbox.type, type));
  return rows.map((row) => row.payload);
}

describe("delete my account", () => {
  it("keeps my uploads without my name when I choose so, and tells the search index", async () => {
    await signUp("First Admin"); // the first account is admin; the accounts below are plain users
    const me = await signUp("Keeper");
    const ids = await uploadsOf(me.id, 2);
    const caller = await callerWith({ cookie: me.cookie });
    expect(await caller.account.delete({ password: "a good password", uploads: "keep" })).toEqual({
      kept: 2,
      deleted: 0,
    });
    const rows = await h.deps.db.select().from(wallpapers).where(inArray(wallpapers.id, ids));
    expect(rows.map((row) => row.uploaderId)).toEqual([null, null]);
    expect(await h.deps.db.select().from(users).where(eq(users.id, me.id))).toEqual([]);
    expect(await eventsAbout("wallpaper.changed.v1")).toContainEqual({
      wallpaperIds: [...ids].sort(),
      change: "uploader",
    });
    // The session went with the account.
    expect(await (await callerWith({ cookie: me.cookie })).account.me()).toBeNull();
  });

  it("deletes my uploads through the one deletion path (files cleaned up by their event)", async () => {
    const me = await signUp("Leaver");
    const ids = await uploadsOf(me.id, 3);
    const caller = await callerWith({ cookie: me.cookie });
    expect(await caller.account.delete({ password: "a good password", uploads: "delete" })).toEqual({
      kept: 0,
      deleted: 3,
    });
    expect(await h.deps.db.select().from(wallpapers).where(inArray(wallpapers.id, ids))).toEqual([]);
    const deleted = (await eventsAbout("wallpaper.deleted.v1")) as { wallpaperId: string }[];
    expect(deleted.map((event) => event.wallpaperId)).toEqual(expect.arrayContaining(ids));
  });

  it("refuses a wrong password and an API key, and deletes nothing", async () => {
    const me = await signUp("Careful");
    const ids = await uploadsOf(me.id, 1);
    const session = await callerWith({ cookie: me.cookie });
    await expect(
      session.account.delete({ password: "not my password", uploads: "delete" }),
    ).rejects.toMatchObject({
      cause: { code: "forbidden", details: { reason: "wrong_password" } },
    });
    const { key } = await createApiKey(h.deps.db, me.id, "script");
    const script = await callerWith({ authorization: `Bearer ${key}` });
    await expect(
      script.account.delete({ password: "a good password", uploads: "delete" }),
    ).rejects.toMatchObject({ cause: { code: "forbidden" } });
    expect(await h.deps.db.select().from(wallpapers).where(inArray(wallpapers.id, ids))).toHaveLength(1);
    expect(await h.deps.db.select().from(users).where(eq(users.id, me.id))).toHaveLength(1);
  });

  it("refuses the last admin", async () => {
    const [admin] = await h.deps.db.select().from(users).where(eq(users.role, "admin"));
    const caller = createCaller({
      ...(await createTRPCContext({ headers: new Headers(), deps: { ...h.deps, auth } })),
      user: { id: admin?.id ?? "", role: "admin", via: "session" },
    });
    // Its password is checked first; the seeded admin's is the one every test account has.
    await expect(
      caller.account.delete({ password: "a good password", uploads: "keep" }),
    ).rejects.toMatchObject({
      cause: { code: "conflict", details: { reason: "last_admin" } },
    });
  });
});

describe("handles and uploader profiles", () => {
  it("sets a handle, and the public profile answers for it (not for unknown or disabled accounts)", async () => {
    const me = await signUp("Painter");
    const caller = await callerWith({ cookie: me.cookie });
    await uploadsOf(me.id, 2);
    const handle = `painter-${randomBytes(2).toString("hex")}`;
    expect(await caller.account.setUsername({ username: handle.toUpperCase() })).toEqual({
      username: handle,
    });
    expect((await caller.account.me())?.username).toBe(handle);
    const anonymous = await callerWith({});
    expect(await anonymous.user.byUsername({ username: handle })).toMatchObject({
      username: handle,
      name: "Painter",
      publicUploads: 2,
    });
    await expect(anonymous.user.byUsername({ username: "no-such-handle" })).rejects.toMatchObject({
      cause: { code: "not_found" },
    });
    const other = await signUp("Other");
    const otherCaller = await callerWith({ cookie: other.cookie });
    await expect(otherCaller.account.setUsername({ username: handle })).rejects.toMatchObject({
      cause: { code: "conflict", details: { reason: "username_taken" } },
    });
    await expect(otherCaller.account.setUsername({ username: "no spaces" })).rejects.toMatchObject({
      cause: { code: "bad_request", details: { reason: "invalid_username" } },
    });

    const [admin] = await h.deps.db.select().from(users).where(eq(users.role, "admin"));
    const adminCaller = createCaller({
      ...(await createTRPCContext({ headers: new Headers(), deps: { ...h.deps, auth } })),
      user: { id: admin?.id ?? "", role: "admin", via: "session" },
    });
    await adminCaller.account.admin.users.setDisabled({ userId: me.id, disabled: true });
    await expect(anonymous.user.byUsername({ username: handle })).rejects.toMatchObject({
      cause: { code: "not_found" },
    });
    expect(await (await callerWith({ cookie: me.cookie })).account.me()).toBeNull();
    const listed = await adminCaller.account.admin.users.list({ query: "Painter" });
    expect(listed.users[0]).toMatchObject({ username: handle, disabledAt: expect.any(Date) });
    const { password } = await adminCaller.account.admin.users.setOneTimePassword({ userId: other.id });
    expect(password).toMatch(/^[a-z2-9-]{17}$/);
    expect(await (await callerWith({ cookie: other.cookie })).account.me()).toBeNull();
  });
});
