import { randomBytes } from "node:crypto";
import { createApiKey } from "@wallpaperdb/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { seedUsers } from "./seed-users.ts";
import { openUploadHarness, tusCreate, tusPatch, type UploadHarness } from "./upload-harness.ts";

// The tus endpoint takes the bytes of an upload tied to an account only from that account (session or
// API key), as upload.complete does: knowing the upload id is not enough.
let h: UploadHarness;
const keys = { owner: "", other: "" };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const data = randomBytes(4096);

async function createAs(key: string): Promise<string> {
  const ctx = await createTRPCContext({ headers: new Headers(bearer(key)), deps: h.deps });
  return (await createCaller(ctx).upload.create({ filename: "mine.png", size: data.length })).uploadId;
}

function head(url: string, headers: Record<string, string> = {}) {
  return fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0", ...headers } });
}

beforeAll(async () => {
  h = await openUploadHarness();
  await seedUsers(h.deps.db, [{ id: "tus_owner" }, { id: "tus_other" }]);
  keys.owner = (await createApiKey(h.deps.db, "tus_owner", "owner")).key;
  keys.other = (await createApiKey(h.deps.db, "tus_other", "other")).key;
});
afterAll(async () => {
  await h?.close();
});

describe("tus requests for an account's upload", () => {
  it("refuse another account and anonymous senders at creation, HEAD, PATCH and DELETE", async () => {
    const uploadId = await createAs(keys.owner);
    const url = `${h.endpoint}/${uploadId}`;
    for (const headers of [bearer(keys.other), {}]) {
      const created = await tusCreate(h.endpoint, uploadId, "mine.png", data.length, headers);
      expect(created.status).toBe(403);
      expect(await created.json()).toMatchObject({ code: "forbidden" });
    }
    expect((await tusCreate(h.endpoint, uploadId, "mine.png", data.length, bearer(keys.owner))).status).toBe(
      201,
    );

    for (const headers of [bearer(keys.other), {}]) {
      expect((await head(url, headers)).status).toBe(403);
      const patched = await tusPatch(url, 0, data, headers);
      expect(patched.status).toBe(403);
      expect(await patched.json()).toMatchObject({ code: "forbidden" });
      const deleted = await fetch(url, {
        method: "DELETE",
        headers: { "Tus-Resumable": "1.0.0", ...headers },
      });
      expect(deleted.status).toBe(403);
    }
    // Nothing of theirs arrived: the owner's upload is still at offset 0 and takes the owner's bytes.
    const before = await head(url, bearer(keys.owner));
    expect(before.status).toBe(200);
    expect(before.headers.get("upload-offset")).toBe("0");
    expect((await tusPatch(url, 0, data, bearer(keys.owner))).status).toBe(204);
    const after = await head(url, bearer(keys.owner));
    expect(after.headers.get("upload-offset")).toBe(String(data.length));
  });

  it("answers an invalid API key with unauthorized, not as an anonymous sender", async () => {
    const uploadId = await createAs(keys.owner);
    const response = await tusCreate(h.endpoint, uploadId, "mine.png", data.length, bearer("wpdb_not_a_key"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
  });

  it("still lets anyone holding the id send the bytes of an anonymous upload", async () => {
    const uploadId = (await (await h.caller()).upload.create({ filename: "anon.png", size: data.length }))
      .uploadId;
    expect((await tusCreate(h.endpoint, uploadId, "anon.png", data.length)).status).toBe(201);
    expect((await tusPatch(`${h.endpoint}/${uploadId}`, 0, data)).status).toBe(204);
  });
});
