import { describe, expect, it } from "vitest";
import { checkReadiness, type ReadinessTargets } from "./readiness.ts";

// PostgreSQL and the blob store answer, NATS refuses: each test changes one target.
const targets: ReadinessTargets = {
  timeoutMs: 200,
  stream: "wallpaperdb",
  sql: () => async () => [{ "?column?": 1 }],
  nats: () => Promise.reject(new Error("connection refused")),
  blobStore: () => ({ kind: "local", ping: async () => {} }),
};

describe("checkReadiness", () => {
  it("reports each dependency on its own: a refused NATS fails NATS and JetStream only", async () => {
    const { ok, checks } = await checkReadiness(targets);
    expect(ok).toBe(false);
    expect(checks.map((check) => [check.name, check.ok, check.detail])).toEqual([
      ["postgres", true, "select 1 answered"],
      ["nats", false, "connection refused"],
      ["jetstream", false, "connection refused"],
      ["blob_store", true, "local store reachable"],
    ]);
  });

  it("turns a dependency that cannot even be created into a failed check, not a thrown error", async () => {
    const { checks } = await checkReadiness({
      ...targets,
      blobStore: () => {
        throw new Error("BLOB_DIR is not set");
      },
    });
    expect(checks.find((check) => check.name === "blob_store")).toMatchObject({
      ok: false,
      detail: "BLOB_DIR is not set",
    });
  });

  it("bounds a hanging dependency by the timeout", async () => {
    const { checks } = await checkReadiness({ ...targets, sql: () => () => new Promise(() => {}) });
    expect(checks.find((check) => check.name === "postgres")).toMatchObject({
      ok: false,
      detail: "PostgreSQL did not answer within 200 ms",
    });
  });
});
