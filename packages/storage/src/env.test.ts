import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStorageEnv, type StorageEnv } from "./env.ts";
import { s3ClientConfig, s3ClientSettingsOf } from "./s3.ts";

type S3Env = Extract<StorageEnv, { store: "s3" }>;

describe("loadStorageEnv", () => {
  it("defaults to a local store under the workspace root, whatever the cwd", () => {
    const workspace = mkdtempSync(join(tmpdir(), "wpdb-env-"));
    writeFileSync(join(workspace, "pnpm-workspace.yaml"), "packages: []\n");
    const appDir = join(workspace, "apps", "web");
    mkdirSync(appDir, { recursive: true });
    expect(loadStorageEnv({}, { cwd: appDir })).toEqual({
      store: "local",
      blobDir: join(workspace, ".data", "blobs"),
      publicBaseUrl: "http://localhost:3000",
      signingSecret: expect.any(String),
    });
  });

  it("falls back to the cwd outside a workspace and keeps absolute BLOB_DIR as is", () => {
    const outside = mkdtempSync(join(tmpdir(), "wpdb-env-"));
    const env = loadStorageEnv({ BLOB_DIR: "blobs" }, { cwd: outside });
    expect(env).toMatchObject({ blobDir: join(outside, "blobs") });
    expect(loadStorageEnv({ BLOB_DIR: "/srv/blobs" })).toMatchObject({ blobDir: "/srv/blobs" });
  });

  it("requires BLOB_SIGNING_SECRET for a local store in production", () => {
    expect(() => loadStorageEnv({ NODE_ENV: "production" })).toThrow(
      /BLOB_SIGNING_SECRET: required when NODE_ENV=production/,
    );
    const secret = "a-production-secret-of-enough-length";
    expect(loadStorageEnv({ NODE_ENV: "production", BLOB_SIGNING_SECRET: secret })).toMatchObject({
      signingSecret: secret,
    });
    expect(() => loadStorageEnv({ BLOB_SIGNING_SECRET: "short" })).toThrow(
      /BLOB_SIGNING_SECRET: expected at least 16/,
    );
  });

  it("names the variable and the expectation for bad values", () => {
    expect(() => loadStorageEnv({ BLOB_STORE: "ftp" })).toThrow(/BLOB_STORE: expected "local" or "s3"/);
    expect(() => loadStorageEnv({ PUBLIC_BASE_URL: "localhost" })).toThrow(
      /PUBLIC_BASE_URL: expected an absolute/,
    );
    expect(() => loadStorageEnv({ BLOB_STORE: "s3" })).toThrow(/S3_BUCKET: required when BLOB_STORE=s3/);
    expect(() => loadStorageEnv({ BLOB_STORE: "s3", S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "maybe" })).toThrow(
      /S3_FORCE_PATH_STYLE: expected true\/false/,
    );
    expect(() => loadStorageEnv({ BLOB_STORE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" })).toThrow(
      /S3_SECRET_ACCESS_KEY: set both/,
    );
  });

  it("configures S3, forcing path style only when an endpoint is set unless told otherwise", () => {
    expect(loadStorageEnv({ BLOB_STORE: "s3", S3_BUCKET: "wallpapers" })).toEqual({
      store: "s3",
      bucket: "wallpapers",
      region: "us-east-1",
      forcePathStyle: false,
      checksums: "when_required",
    });
    const minio = {
      BLOB_STORE: "s3",
      S3_BUCKET: "wallpapers",
      S3_ENDPOINT: "http://minio:9000",
      S3_ACCESS_KEY_ID: "minio",
      S3_SECRET_ACCESS_KEY: "minio-secret",
    };
    expect(loadStorageEnv(minio)).toMatchObject({ endpoint: "http://minio:9000", forcePathStyle: true });
    expect(loadStorageEnv({ ...minio, S3_FORCE_PATH_STYLE: "false" })).toMatchObject({
      forcePathStyle: false,
    });
  });

  it("adds SDK checksums only when asked (S3-compatible servers refuse aws-chunked uploads)", () => {
    const s3 = { BLOB_STORE: "s3", S3_BUCKET: "b" };
    expect(loadStorageEnv({ ...s3, S3_CHECKSUMS: "when_supported" })).toMatchObject({
      checksums: "when_supported",
    });
    expect(() => loadStorageEnv({ ...s3, S3_CHECKSUMS: "always" })).toThrow(/S3_CHECKSUMS: expected/);
    const config = s3ClientConfig(s3ClientSettingsOf(loadStorageEnv(s3) as S3Env));
    expect(config.requestChecksumCalculation).toBe("WHEN_REQUIRED");
    expect(config.responseChecksumValidation).toBe("WHEN_REQUIRED");
  });

  it("treats empty strings as unset (as .env files produce them)", () => {
    expect(
      loadStorageEnv({ BLOB_STORE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "", S3_FORCE_PATH_STYLE: "" }),
    ).toMatchObject({
      forcePathStyle: false,
    });
  });
});
