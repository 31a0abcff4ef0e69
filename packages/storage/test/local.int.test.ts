import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "../src/blob-store.ts";
import { describeBlobStoreContract } from "../src/contract.ts";
import { createLocalBlobRequestHandler, createLocalBlobStore, signLocalBlob } from "../src/local.ts";
import { serveFetchHandler } from "../src/testing.ts";
import { traceBlobStore } from "../src/traced.ts";

const SECRET = "local-int-test-secret-0123456789";

// The store signs URLs for the server that serves them, and the server needs the store:
// bind the port first, then hand the handler the store through a late reference.
async function startLocalStore(root: string) {
  let store: BlobStore | undefined;
  const server = await serveFetchHandler((request) => {
    if (!store) throw new Error("store not ready");
    return createLocalBlobRequestHandler({ store, signingSecret: SECRET })(request);
  });
  store = createLocalBlobStore({ root, publicBaseUrl: server.url, signingSecret: SECRET });
  return { store, server };
}

describeBlobStoreContract("local folder", async () => {
  const root = await mkdtemp(join(tmpdir(), "wpdb-blobs-"));
  const { store, server } = await startLocalStore(root);
  // A regular file where the folder should be: unwritable even when tests run as root.
  const blocker = join(root, "..", `${root.split("/").pop()}-blocker`);
  await writeFile(blocker, "not a directory");
  return {
    store,
    unavailableStore: createLocalBlobStore({
      root: join(blocker, "blobs"),
      publicBaseUrl: server.url,
      signingSecret: SECRET,
    }),
    async cleanup() {
      await server.close();
      await rm(root, { recursive: true, force: true });
      await rm(blocker, { force: true });
    },
  };
});

// The decorator every process applies (createBlobStoreFromEnv) must keep the port's behaviour exactly.
describeBlobStoreContract("local folder, traced", async () => {
  const root = await mkdtemp(join(tmpdir(), "wpdb-blobs-traced-"));
  const { store, server } = await startLocalStore(root);
  return {
    store: traceBlobStore(store),
    async cleanup() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});

describe("local blob store specifics", () => {
  let root = "";
  let fixture: Awaited<ReturnType<typeof startLocalStore>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "wpdb-blobs-"));
    fixture = await startLocalStore(root);
  });
  afterAll(async () => {
    await fixture.server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("refuses an expired signed URL with 403", async () => {
    await fixture.store.put("old/x.bin", randomBytes(10));
    const exp = Math.floor(Date.now() / 1000) - 5;
    const sig = signLocalBlob("old/x.bin", exp, "GET", SECRET);
    const response = await fetch(`${fixture.server.url}/api/blobs/old/x.bin?exp=${exp}&sig=${sig}`);
    expect(response.status).toBe(403);
  });

  it("refuses a GET signature used for PUT and an edited content-disposition", async () => {
    await fixture.store.put("swap/x.bin", randomBytes(10));
    const getUrl = await fixture.store.presignGet("swap/x.bin", {
      expiresInSeconds: 60,
      contentDisposition: "inline",
    });
    expect((await fetch(getUrl, { method: "PUT", body: "evil" })).status).toBe(403);
    const edited = new URL(getUrl);
    edited.searchParams.set("cd", 'attachment; filename="evil.html"');
    expect((await fetch(edited)).status).toBe(403);
    expect((await fetch(getUrl)).status).toBe(200);
  });

  it("serves Range requests through the signed-URL handler", async () => {
    const bytes = randomBytes(1000);
    await fixture.store.put("ranged.bin", bytes);
    const url = await fixture.store.presignGet("ranged.bin", { expiresInSeconds: 60 });
    const response = await fetch(url, { headers: { range: "bytes=10-19" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(10, 20));
  });

  it("leaves no temp files behind after successful and failed puts", async () => {
    await fixture.store.put("tidy/ok.bin", randomBytes(100));
    await expect(fixture.store.put("tidy/bad.bin", randomBytes(10), { contentLength: 99 })).rejects.toThrow();
    expect(await readdir(join(root, "tmp"))).toEqual([]);
  });

  it("stores blobs as plain files under <root>/objects/<key>", async () => {
    const bytes = randomBytes(42);
    await fixture.store.put("plain/file.bin", bytes);
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(join(root, "objects", "plain", "file.bin"))).toEqual(bytes);
  });
});
