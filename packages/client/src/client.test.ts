import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { authHeaders, connectionOf, createWallpaperClient, normalizeBaseUrl } from "./client.ts";
import { sha256OfBytes, sha256OfFile } from "./hash.ts";

describe("client settings", () => {
  it("sends an API key as a bearer token, and nothing without one", () => {
    expect(authHeaders("k1")).toEqual({ authorization: "Bearer k1" });
    expect(authHeaders(undefined)).toEqual({});
  });

  it("normalizes the base URL and refuses other schemes", () => {
    expect(normalizeBaseUrl("http://localhost:3000/")).toBe("http://localhost:3000");
    expect(normalizeBaseUrl("https://example.org/wpdb//")).toBe("https://example.org/wpdb");
    expect(() => normalizeBaseUrl("ftp://example.org")).toThrow(/http/);
  });

  it("remembers how each client connects, for the byte uploads", async () => {
    const client = createWallpaperClient({ baseUrl: "http://127.0.0.1:9/", apiKey: "secret" });
    expect(connectionOf(client)).toMatchObject({ baseUrl: "http://127.0.0.1:9" });
    expect(await connectionOf(client)?.apiKey()).toBe("secret");
    const anonymous = createWallpaperClient({ baseUrl: "http://127.0.0.1:9/", apiKey: null });
    expect(await connectionOf(anonymous)?.apiKey()).toBeUndefined();
  });
});

describe("sha256", () => {
  it("hashes a streamed file exactly like the same bytes in memory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wpdb-hash-"));
    try {
      // Larger than one read chunk so the streaming path really streams.
      const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
      const path = join(dir, "f.bin");
      await writeFile(path, bytes);
      expect(await sha256OfFile(path)).toBe(sha256OfBytes(bytes));
      expect(sha256OfBytes(Buffer.from("abc"))).toBe(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
