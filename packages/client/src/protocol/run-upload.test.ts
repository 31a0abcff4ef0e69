import { DetailedError, type HttpResponse } from "tus-js-client";
import { describe, expect, it } from "vitest";
import { runUpload, type UploadApi, type UploadMemo, type UploadPorts } from "./run-upload.ts";
import type { TransferTarget } from "./tus.ts";

const sha = "a".repeat(64);
const size = 1000;
const source = { filename: "dune.jpg", size, type: "image/jpeg" };

/** A tus failure with an HTTP answer, as tus-js-client reports one. */
function tusError(status: number): DetailedError {
  const response: HttpResponse = {
    getStatus: () => status,
    getHeader: () => undefined,
    getBody: () => "",
    getUnderlyingObject: () => null,
  };
  return Object.assign(new DetailedError(`tus: unexpected response (${status})`), {
    originalResponse: response,
  });
}

interface FakeServer {
  existing?: { sha256: string; wallpaperId: string }[];
  createError?: unknown;
  /** Thrown by create once each, in order, before it succeeds (a rate limit that passes). */
  createErrors?: unknown[];
  completeError?: unknown;
  duplicateOnComplete?: boolean;
  upload?: { rejectCode: string | null; rejectMessage: string | null };
  /** Fails the transport once this many bytes have arrived (once only). */
  failAt?: { bytes: number; error: unknown };
}

/** Fake ports over a fake server that records every call in order, and keeps what tus received. */
function fakePorts(server: FakeServer = {}) {
  const calls: string[] = [];
  const received = new Map<string, number>();
  const targets: TransferTarget[] = [];
  const firstByteOfAttempt: number[] = [];
  let failAt = server.failAt;
  let created = 0;
  const api: UploadApi = {
    check: {
      query: async (input) => {
        calls.push(`check ${input.sha256.join(",")}`);
        return { existing: server.existing ?? [] };
      },
    },
    create: {
      mutate: async (input) => {
        calls.push(`create ${input.filename} ${input.size} ${input.type ?? "-"}`);
        if (server.createError) throw server.createError;
        const once = server.createErrors?.shift();
        if (once) throw once;
        created += 1;
        return { uploadId: `u${created}`, endpoint: "/api/upload/tus" };
      },
    },
    complete: {
      mutate: async (input) => {
        calls.push(`complete ${input.uploadId}`);
        if (server.completeError) throw server.completeError;
        return { wallpaperId: "w1", duplicate: server.duplicateOnComplete ?? false };
      },
    },
    byId: {
      query: async (input) => {
        calls.push(`byId ${input.uploadId}`);
        return server.upload ?? { rejectCode: null, rejectMessage: null };
      },
    },
  };
  const ports: UploadPorts = {
    api,
    hash: async () => {
      calls.push("hash");
      return sha;
    },
    // Like tus: starts at the offset the server holds for this upload, sends 100-byte chunks.
    send: async (target, onBytes) => {
      calls.push(`send ${target.uploadId}`);
      targets.push(target);
      let offset = received.get(target.uploadId) ?? 0;
      firstByteOfAttempt.push(offset);
      while (offset < size) {
        if (failAt && offset >= failAt.bytes) {
          const { error } = failAt;
          failAt = undefined;
          throw error;
        }
        offset += 100;
        received.set(target.uploadId, offset);
        onBytes(offset);
      }
    },
  };
  return { ports, calls, targets, firstByteOfAttempt };
}

describe("runUpload", () => {
  it("hashes, checks, creates, sends and completes, in that order", async () => {
    const { ports, calls, targets } = fakePorts();
    const phases: string[] = [];
    const bytes: number[] = [];
    const outcome = await runUpload(source, ports, {
      onPhase: (phase) => phases.push(phase),
      onBytes: (sent) => bytes.push(sent),
    });
    expect(calls).toEqual([
      "hash",
      `check ${sha}`,
      "create dune.jpg 1000 image/jpeg",
      "send u1",
      "complete u1",
    ]);
    expect(phases).toEqual(["hashing", "checking", "uploading", "processing"]);
    expect(bytes.at(-1)).toBe(size);
    expect(targets).toEqual([{ endpoint: "/api/upload/tus", uploadId: "u1", filename: "dune.jpg" }]);
    expect(outcome).toEqual({ status: "added", wallpaperId: "w1", sha256: sha, bytesSent: size });
  });

  it("sends no type when the source has none, and reports a duplicate found at completion", async () => {
    const { ports, calls } = fakePorts({ duplicateOnComplete: true });
    const outcome = await runUpload({ filename: "x", size, type: "" }, ports);
    expect(calls).toContain("create x 1000 -");
    expect(outcome).toMatchObject({ status: "duplicate", wallpaperId: "w1" });
  });

  it("stops at the check when the hash is already a wallpaper, sending nothing", async () => {
    const { ports, calls } = fakePorts({ existing: [{ sha256: sha, wallpaperId: "w9" }] });
    const phases: string[] = [];
    const outcome = await runUpload(source, ports, { onPhase: (phase) => phases.push(phase) });
    expect(calls).toEqual(["hash", `check ${sha}`]);
    expect(phases).toEqual(["hashing", "checking"]);
    expect(outcome).toEqual({ status: "duplicate", wallpaperId: "w9", sha256: sha, bytesSent: 0 });
  });

  it("asks why when the server refuses the body with a 4xx, and answers with its reason", async () => {
    const { ports, calls } = fakePorts({
      failAt: { bytes: 300, error: tusError(413) },
      upload: { rejectCode: "too_large", rejectMessage: "The file is larger than 1 KB." },
    });
    const outcome = await runUpload(source, ports);
    expect(calls.slice(-2)).toEqual(["send u1", "byId u1"]);
    expect(outcome).toEqual({
      status: "rejected",
      code: "too_large",
      message: "The file is larger than 1 KB.",
      sha256: sha,
      bytesSent: 300,
    });
  });

  it("throws the transport's error when the upload row names no rejection, or the failure is not a 4xx", async () => {
    const refused = tusError(403);
    const asked = fakePorts({ failAt: { bytes: 0, error: refused } });
    await expect(runUpload(source, asked.ports)).rejects.toBe(refused);
    expect(asked.calls.at(-1)).toBe("byId u1");

    const broken = tusError(500);
    const notAsked = fakePorts({ failAt: { bytes: 0, error: broken } });
    await expect(runUpload(source, notAsked.ports)).rejects.toBe(broken);
    expect(notAsked.calls.at(-1)).toBe("send u1");
  });

  it("turns a refusal carrying a stable code into a rejection, before and after the bytes", async () => {
    const unsupported = Object.assign(new Error("A PDF is not a wallpaper."), {
      data: { code: "unsupported_type" },
    });
    const atCreate = fakePorts({ createError: unsupported });
    expect(await runUpload(source, atCreate.ports)).toEqual({
      status: "rejected",
      code: "unsupported_type",
      message: "A PDF is not a wallpaper.",
      sha256: sha,
      bytesSent: 0,
    });
    expect(atCreate.calls.some((call) => call.startsWith("send"))).toBe(false);

    const corrupt = Object.assign(new Error("Truncated."), { data: { code: "corrupt" } });
    const atComplete = fakePorts({ completeError: corrupt });
    expect(await runUpload(source, atComplete.ports)).toMatchObject({
      status: "rejected",
      code: "corrupt",
      bytesSent: size,
    });

    const unavailable = Object.assign(new Error("down"), { data: { code: "dependency_unavailable" } });
    await expect(runUpload(source, fakePorts({ completeError: unavailable }).ports)).rejects.toBe(
      unavailable,
    );
  });

  it("a retry with the first attempt's memo neither re-hashes nor re-creates, and resumes at the server's offset", async () => {
    const dropped = new Error("network down");
    const { ports, calls, targets, firstByteOfAttempt } = fakePorts({
      failAt: { bytes: 400, error: dropped },
    });
    const memo: UploadMemo = {};
    await expect(runUpload(source, ports, { memo })).rejects.toBe(dropped);
    expect(memo).toEqual({ sha256: sha, uploadId: "u1", endpoint: "/api/upload/tus" });

    const phases: string[] = [];
    const outcome = await runUpload(source, ports, { memo, onPhase: (phase) => phases.push(phase) });
    expect(outcome).toMatchObject({ status: "added", bytesSent: size });
    expect(phases).toEqual(["checking", "uploading", "processing"]);
    expect(calls.filter((call) => call === "hash" || call.startsWith("create"))).toHaveLength(2);
    expect(targets.map((target) => target.uploadId)).toEqual(["u1", "u1"]);
    expect(firstByteOfAttempt).toEqual([0, 400]);
  });

  it("refuses an empty file without asking the server", async () => {
    const { ports, calls } = fakePorts();
    expect(await runUpload({ filename: "empty.png", size: 0 }, ports)).toEqual({
      status: "rejected",
      code: "corrupt",
      message: "The file is empty.",
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      bytesSent: 0,
    });
    expect(calls).toEqual([]);
  });

  it("stops after hashing when the signal was aborted, with its reason", async () => {
    const { ports, calls } = fakePorts();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const hash = ports.hash;
    ports.hash = async () => {
      controller.abort(reason);
      return hash();
    };
    await expect(runUpload(source, ports, { signal: controller.signal })).rejects.toBe(reason);
    expect(calls).toEqual(["hash"]);
  });

  it("waits out a rate-limited create for the server's Retry-After, within the bounds, then goes on", async () => {
    const limited = (seconds: number) =>
      Object.assign(new Error(`Too many uploads; try again in ${seconds} s.`), {
        data: { code: "rate_limited", details: { retryAfterSeconds: seconds } },
      });
    const waits: number[] = [];
    const passes = fakePorts({ createErrors: [limited(0.02), limited(0.01)] });
    const outcome = await runUpload(source, passes.ports, {
      rateLimit: { retries: 3, maxWaitSeconds: 1, onWait: (seconds) => waits.push(seconds) },
    });
    expect(outcome).toMatchObject({ status: "added", wallpaperId: "w1" });
    expect(waits).toEqual([0.02, 0.01]);
    expect(passes.calls.filter((call) => call.startsWith("create"))).toHaveLength(3);

    // Past the number of retries, or asked to wait longer than the bound: the error is thrown.
    const third = limited(0.01);
    const persistent = fakePorts({ createErrors: [limited(0.01), limited(0.01), third] });
    await expect(
      runUpload(source, persistent.ports, { rateLimit: { retries: 2, maxWaitSeconds: 1 } }),
    ).rejects.toBe(third);
    const long = limited(300);
    await expect(
      runUpload(source, fakePorts({ createErrors: [long] }).ports, {
        rateLimit: { retries: 3, maxWaitSeconds: 60 },
      }),
    ).rejects.toBe(long);

    // The page's way (no rateLimit option): thrown at once, so it can offer Retry.
    const first = limited(0.01);
    await expect(runUpload(source, fakePorts({ createErrors: [first] }).ports)).rejects.toBe(first);
  });
});
