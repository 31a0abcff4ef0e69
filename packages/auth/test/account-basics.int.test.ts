import { createLogger } from "@wallpaperdb/core/logger";
import { users } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServices,
  changeUsername,
  createApiKey,
  createAuthServices,
  loadAuthSettings,
  setAccountDisabled,
  setOneTimePassword,
  verifyApiKey,
} from "../src/index.ts";

const origin = "http://127.0.0.1:3998";
let database: TestDatabase;
let services: AuthServices;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_account_basics");
  const settings = loadAuthSettings({ PUBLIC_BASE_URL: origin, SIGN_IN_RATE_LIMIT_PER_MINUTE: "100" });
  services = createAuthServices({ db: database.db, settings, logger: createLogger("auth-test", "silent") });
});
afterAll(async () => {
  await database?.drop();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return services.handle(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": "10.0.0.2", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function signUp(name: string, email: string, password: string): Promise<string> {
  const response = await post("/sign-up/email", { name, email, password });
  expect(response.status).toBe(200);
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error("no user");
  return row.id;
}

async function signIn(email: string, password: string): Promise<Response> {
  return post("/sign-in/email", { email, password });
}

async function userRow(id: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, id));
  return row;
}

const who = (cookie: string) => services.resolveUser(new Headers({ cookie }));

describe("handles", () => {
  it("derives a URL-safe handle from the name at sign-up, suffixed when taken", async () => {
    const first = await signUp("Ada Lovelace", "ada@example.com", "correct horse 1");
    const second = await signUp("ada lovelace!", "ada2@example.com", "correct horse 2");
    expect((await userRow(first))?.username).toBe("ada-lovelace");
    expect((await userRow(second))?.username).toMatch(/^ada-lovelace-[0-9a-f]{5}$/);
  });

  it("lets an account pick a free, valid handle", async () => {
    const [ada] = await database.db.select().from(users).where(eq(users.email, "ada2@example.com"));
    const id = ada?.id ?? "";
    expect(await changeUsername(database.db, id, "ada-lovelace")).toEqual({ ok: false, reason: "taken" });
    expect(await changeUsername(database.db, id, "Not/Safe")).toEqual({ ok: false, reason: "invalid" });
    expect(await changeUsername(database.db, id, "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await changeUsername(database.db, id, " Countess_2 ")).toEqual({
      ok: true,
      username: "countess_2",
    });
    expect((await userRow(id))?.username).toBe("countess_2");
  });
});

describe("change password and sign out everywhere", () => {
  it("changes the password, ends the other sessions and keeps this one (a new cookie)", async () => {
    await signUp("Grace", "grace@example.com", "first password");
    const laptop = cookieOf(await signIn("grace@example.com", "first password"));
    const phone = cookieOf(await signIn("grace@example.com", "first password"));
    expect(await who(phone)).not.toBeNull();
    const changed = await post(
      "/change-password",
      { currentPassword: "first password", newPassword: "second password", revokeOtherSessions: true },
      { cookie: laptop },
    );
    expect(changed.status).toBe(200);
    expect(await who(phone)).toBeNull();
    expect(await who(cookieOf(changed))).not.toBeNull();
    expect((await signIn("grace@example.com", "first password")).status).toBe(401);
    expect((await signIn("grace@example.com", "second password")).status).toBe(200);
  });

  it("refuses a wrong current password", async () => {
    const cookie = cookieOf(await signIn("grace@example.com", "second password"));
    const refused = await post(
      "/change-password",
      { currentPassword: "not it at all", newPassword: "third password", revokeOtherSessions: true },
      { cookie },
    );
    expect(refused.status).toBe(400);
    expect((await signIn("grace@example.com", "second password")).status).toBe(200);
  });

  it("signs out every other session and keeps the current one", async () => {
    const here = cookieOf(await signIn("grace@example.com", "second password"));
    const elsewhere = cookieOf(await signIn("grace@example.com", "second password"));
    const response = await post("/revoke-other-sessions", {}, { cookie: here });
    expect(response.status).toBe(200);
    expect(await who(elsewhere)).toBeNull();
    expect(await who(here)).not.toBeNull();
  });
});

describe("an admin disables an account and sets a one-time password", () => {
  it("a disabled account cannot sign in or use its API keys, and its sessions end", async () => {
    const admin = await signUp("Admin", "admin@example.com", "admin password");
    const id = await signUp("Mallory", "mallory@example.com", "mallory password");
    const session = cookieOf(await signIn("mallory@example.com", "mallory password"));
    const key = await createApiKey(database.db, id, "script");
    expect(await verifyApiKey(database.db, key.key)).not.toBeNull();

    await expect(setAccountDisabled(database.db, admin, admin, true)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await setAccountDisabled(database.db, admin, id, true)).toMatchObject({ disabled: true });
    expect(await who(session)).toBeNull();
    expect(await verifyApiKey(database.db, key.key)).toBeNull();
    const refused = await signIn("mallory@example.com", "mallory password");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: "This account is disabled." });

    await setAccountDisabled(database.db, admin, id, false);
    expect((await signIn("mallory@example.com", "mallory password")).status).toBe(200);
    expect(await verifyApiKey(database.db, key.key)).not.toBeNull();
  });

  it("a one-time password signs in once flagged, and the owner's own password clears the flag", async () => {
    const [admin] = await database.db.select().from(users).where(eq(users.email, "admin@example.com"));
    const id = await signUp("Forgetful", "forgetful@example.com", "lost password");
    const before = cookieOf(await signIn("forgetful@example.com", "lost password"));
    const { password } = await setOneTimePassword(services.auth, database.db, admin?.id ?? "", id);
    expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await who(before)).toBeNull();
    expect((await signIn("forgetful@example.com", "lost password")).status).toBe(401);

    const signedIn = await signIn("forgetful@example.com", password);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ user: { mustChangePassword: true } });
    expect((await userRow(id))?.mustChangePassword).toBe(true);
    const changed = await post(
      "/change-password",
      { currentPassword: password, newPassword: "my own password", revokeOtherSessions: true },
      { cookie: cookieOf(signedIn) },
    );
    expect(changed.status).toBe(200);
    expect((await userRow(id))?.mustChangePassword).toBe(false);
    expect((await signIn("forgetful@example.com", password)).status).toBe(401);
  });
});
