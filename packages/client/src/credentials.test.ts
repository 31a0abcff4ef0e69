import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultApiKey, deleteCredentials, readCredentials, writeCredentials } from "./credentials.ts";
import { clientEnv } from "./env.ts";

const stored = {
  url: "http://wp.test:3000",
  apiKey: "wpdb_stored",
  keyId: "k1",
  keyName: "wallpaperdb CLI on box",
  email: "a@example.test",
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "wpdb-cred-"));
  vi.stubEnv("WALLPAPERDB_API_KEY", "");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe("stored credentials", () => {
  it("live under $XDG_CONFIG_HOME/wallpaperdb", () => {
    expect(clientEnv({ XDG_CONFIG_HOME: "/x/cfg" }).configDir).toBe("/x/cfg/wallpaperdb");
    expect(clientEnv({}).configDir).toMatch(/\.config\/wallpaperdb$/);
  });

  it("are written readable by the owner only, read back, and deleted", async () => {
    const path = join(dir, "wallpaperdb/credentials.json");
    await writeCredentials(stored, path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, "wallpaperdb"))).mode & 0o777).toBe(0o700);
    expect(await readCredentials(path)).toEqual(stored);
    await deleteCredentials(path);
    expect(await readCredentials(path)).toBeNull();
  });

  it("a damaged file reads as no login rather than an error", async () => {
    const path = join(dir, "credentials.json");
    await writeFile(path, "{ not json");
    expect(await readCredentials(path)).toBeNull();
  });

  it("give their key only to the server it was made on; WALLPAPERDB_API_KEY comes first", async () => {
    const path = join(dir, "credentials.json");
    await writeCredentials(stored, path);
    expect(await defaultApiKey("http://wp.test:3000/", path)).toBe("wpdb_stored");
    expect(await defaultApiKey("http://other.test:3000", path)).toBeUndefined();
    vi.stubEnv("WALLPAPERDB_API_KEY", "wpdb_env");
    expect(await defaultApiKey("http://other.test:3000", path)).toBe("wpdb_env");
  });
});
