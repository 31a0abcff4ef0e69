import { createLogger } from "@wallpaperdb/core/logger";
import { users } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServices,
  createApiKey,
  createAuthServices,
  listApiKeys,
  loadAuthSettings,
  revokeApiKey,
  verifyApiKey,
} from "../src/index.ts";

const origin = "http://127.0.0.1:3999";
let database: TestDatabase;
let services: AuthServices;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_auth");
  const settings = loadAuthSettings({ PUBLIC_BASE_URL: origin, SIGN_IN_RATE_LIMIT_PER_MINUTE: "5" });
  services = createAuthServices({ db: database.db, settings, logger: createLogger("auth-test", "silent") });
});
afterAll(async () => {
  await database?.drop();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return services.handle(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": "10.0.0.1", ...headers },
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

async function roleOf(email: string): Promise<string | undefined> {
  const [row] = await database.db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return row?.role;
}

describe("sign-up, sessions and the first admin", () => {
  it("makes exactly one of two simultaneous first sign-ups admin, and ignores a role in the body", async () => {
    const [a, b] = await Promise.all([
      post("/sign-up/email", {
        name: "A",
        email: "a@example.com",
        password: "correct horse 1",
        role: "admin",
      }),
      post("/sign-up/email", {
        name: "B",
        email: "b@example.com",
        password: "correct horse 2",
        role: "admin",
      }),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const roles = [await roleOf("a@example.com"), await roleOf("b@example.com")].sort();
    expect(roles).toEqual(["admin", "user"]);
    const c = await post("/sign-up/email", {
      name: "C",
      email: "c@example.com",
      password: "correct horse 3",
    });
    expect(c.status).toBe(200);
    expect(await roleOf("c@example.com")).toBe("user");
  });

  it("sets an httpOnly SameSite=Lax session cookie that resolves to the user and role", async () => {
    const response = await post("/sign-in/email", { email: "c@example.com", password: "correct horse 3" });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // http base URL; https turns Secure on
    const user = await services.resolveUser(new Headers({ cookie: cookieOf(response) }));
    expect(user).toMatchObject({ role: "user", via: "session" });
  });

  it("refuses a wrong password with a clear message", async () => {
    const response = await post("/sign-in/email", { email: "c@example.com", password: "wrong password" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      message: expect.stringMatching(/invalid email or password/i),
    });
  });

  it("refuses a sign-in from a foreign origin", async () => {
    const response = await post(
      "/sign-in/email",
      { email: "c@example.com", password: "correct horse 3" },
      { origin: "https://evil.example", cookie: "wpdb.session_token=x" },
    );
    expect(response.status).toBe(403);
  });

  it("answers 429 with Retry-After after 5 sign-in attempts a minute for one address and email", async () => {
    const headers = { "x-forwarded-for": "10.9.9.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await post("/sign-in/email", { email: "a@example.com", password: "nope nope nope" }, headers);
      statuses.push(r.status);
      if (r.status === 429) {
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await r.json()).toMatchObject({ code: "rate_limited" });
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another address still gets its own attempts.
    const other = await post(
      "/sign-in/email",
      { email: "a@example.com", password: "correct horse 1" },
      { "x-forwarded-for": "10.8.8.8" },
    );
    expect(other.status).toBe(200);
  });
});

describe("API keys", () => {
  it("are stored hashed, act as their owner, and stop working when revoked", async () => {
    const [owner] = await database.db.select().from(users).where(eq(users.email, "c@example.com"));
    if (!owner) throw new Error("owner missing");
    const created = await createApiKey(database.db, owner.id, "laptop");
    expect(created.key).toMatch(/^wpdb_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const stored = await database.sql`select key_hash from api_keys where id = ${created.id}`;
    expect(stored[0]?.key_hash).not.toContain(created.key.slice(5));
    expect(stored[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyApiKey(database.db, created.key)).toEqual({
      id: owner.id,
      role: "user",
      via: "api_key",
    });
    const viaHeader = await services.resolveUser(new Headers({ authorization: `Bearer ${created.key}` }));
    expect(viaHeader?.id).toBe(owner.id);
    const [listed] = await listApiKeys(database.db, owner.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed).not.toHaveProperty("keyHash");

    await expect(revokeApiKey(database.db, "someone-else", created.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await revokeApiKey(database.db, owner.id, created.id);
    expect(await verifyApiKey(database.db, created.key)).toBeNull();
    await expect(
      services.resolveUser(new Headers({ authorization: `Bearer ${created.key}` })),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });
});
