import { connect, createServer, type Server, type Socket } from "node:net";
import { createWallpaperClient, sha256OfFile, uploadFile } from "@wallpaperdb/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusFiles } from "./corpus.ts";
import { ensureWebBuild, type RunningWebApp, startWebApp } from "./web-app.ts";

/**
 * A TCP relay in front of the app that cuts the first connection after `cutAfter` request bytes,
 * the way a flaky Wi-Fi or a proxy timeout drops an upload halfway.
 */
function flakyRelay(target: URL, cutAfter: number) {
  let forwarded = 0;
  let cut = false;
  // The Upload-Offset of every PATCH that passes: a resume shows up as a second PATCH not at 0.
  const patchOffsets: number[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    let sentOnThisConnection = 0;
    client.on("data", (chunk: Buffer) => {
      const head = chunk.subarray(0, 4096).toString("latin1");
      if (head.startsWith("PATCH ")) {
        patchOffsets.push(Number(/\r\nupload-offset: *(\d+)/i.exec(head)?.[1] ?? Number.NaN));
      }
      forwarded += chunk.length;
      sentOnThisConnection += chunk.length;
      if (!cut && sentOnThisConnection > cutAfter) {
        cut = true;
        client.destroy();
        upstream.destroy();
        return;
      }
      // Respect backpressure so what we count as forwarded really reached the server.
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  return {
    listen: () =>
      new Promise<string>((resolve) => {
        server.listen(0, "127.0.0.1", () => {
          const address = server.address();
          resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
        });
      }),
    stats: () => ({ forwarded, cut, patchOffsets }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let app: RunningWebApp;

beforeAll(async () => {
  ensureWebBuild();
  app = await startWebApp();
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

describe("uploadFile over a connection that drops", () => {
  it("resumes at the server's offset and stores the file with the right hash", async () => {
    const big = corpusFiles()
      .filter((file) => file.size > 4_000_000 && file.size < 10_000_000)
      .at(0);
    if (!big) throw new Error("corpus has no 4-10 MB file");
    const relay = flakyRelay(new URL(app.baseUrl), Math.floor(big.size / 2));
    const baseUrl = await relay.listen();
    try {
      const phases: string[] = [];
      const result = await uploadFile(createWallpaperClient({ baseUrl }), big.path, {
        onProgress: ({ phase }) => {
          if (phases.at(-1) !== phase) phases.push(phase);
        },
      });
      expect(relay.stats().cut).toBe(true);
      expect(result.status).toBe("added");
      expect(result.sha256).toBe(await sha256OfFile(big.path));
      expect(phases).toEqual(["hashing", "checking", "uploading", "processing"]);
      // The second PATCH carried on from where the server's bytes stopped, not from zero.
      const [first, second, ...rest] = relay.stats().patchOffsets;
      expect(first).toBe(0);
      expect(second).toBeGreaterThan(0);
      expect(rest).toEqual([]);
      expect(relay.stats().forwarded).toBeLessThan(big.size * 1.5);

      const rows = await app.database.sql<{ sha256: string; size_bytes: string }[]>`
        select sha256, size_bytes from wallpapers where id = ${result.wallpaperId ?? ""}`;
      expect(rows.map((row) => ({ sha256: row.sha256, size: Number(row.size_bytes) }))).toEqual([
        { sha256: result.sha256, size: big.size },
      ]);
    } finally {
      await relay.close();
    }
  });

  it("an aborted upload stops with the abort reason", async () => {
    const file = corpusFiles().find((entry) => entry.size > 1_000_000);
    if (!file) throw new Error("corpus has no file over 1 MB");
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const upload = uploadFile(createWallpaperClient({ baseUrl: app.baseUrl }), file.path, {
      signal: controller.signal,
      onProgress: ({ phase }) => {
        if (phase === "uploading") controller.abort(reason);
      },
    });
    await expect(upload).rejects.toBe(reason);
  });
});
