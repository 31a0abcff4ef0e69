import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "@wallpaperdb/core/env";
import { z } from "zod";

const DEV_SIGNING_SECRET = "wallpaperdb-dev-only-blob-signing-secret";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const storageEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    BLOB_STORE: z.enum(["local", "s3"], { error: 'expected "local" or "s3"' }).default("local"),
    BLOB_DIR: optionalText,
    PUBLIC_BASE_URL: z.url({ error: "expected an absolute http(s) URL" }).default("http://localhost:3000"),
    BLOB_SIGNING_SECRET: optionalText.pipe(
      z.string().min(16, { error: "expected at least 16 characters" }).optional(),
    ),
    S3_ENDPOINT: optionalText.pipe(z.url({ error: "expected an absolute URL" }).optional()),
    S3_REGION: z.string().trim().min(1).default("us-east-1"),
    S3_BUCKET: optionalText,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_FORCE_PATH_STYLE: optionalText.pipe(
      z.stringbool({ error: "expected true/false (or 1/0, yes/no)" }).optional(),
    ),
    // Checksums the SDK adds to requests and checks on responses. Since 2025 it sends every streamed
    // upload aws-chunked with a trailing CRC, which S3-compatible servers (Swift, Ceph RGW, B2, older
    // MinIO) refuse; "when_supported" is for AWS S3 itself, where they add an end-to-end check.
    S3_CHECKSUMS: z
      .enum(["when_required", "when_supported"], { error: 'expected "when_required" or "when_supported"' })
      .default("when_required"),
  })
  .superRefine((env, ctx) => {
    const isProduction = env.NODE_ENV === "production";
    if (env.BLOB_STORE === "local" && isProduction && !env.BLOB_SIGNING_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BLOB_SIGNING_SECRET"],
        message: "required when NODE_ENV=production and BLOB_STORE=local (a random string of 32+ characters)",
      });
    }
    if (env.BLOB_STORE === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "required when BLOB_STORE=s3" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
        message:
          "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (default AWS credential chain)",
      });
    }
  });

export type StorageEnv =
  | { store: "local"; blobDir: string; publicBaseUrl: string; signingSecret: string }
  | {
      store: "s3";
      bucket: string;
      region: string;
      endpoint?: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
      checksums: "when_required" | "when_supported";
    };

// Apps run with different working directories (apps/web, apps/workers); resolving a relative
// BLOB_DIR against the workspace root makes them share one folder. Outside a checkout, cwd.
export function findWorkspaceRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadStorageEnv(
  source: Record<string, string | undefined> = process.env,
  options: { cwd?: string } = {},
): StorageEnv {
  const parsed = storageEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: issue.path.map(String).join(".") || "(environment)",
        problem: issue.message,
      })),
    );
  }
  const env = parsed.data;
  if (env.BLOB_STORE === "s3") {
    return {
      store: "s3",
      bucket: env.S3_BUCKET ?? "",
      region: env.S3_REGION,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
      checksums: env.S3_CHECKSUMS,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID } : {}),
      ...(env.S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
    };
  }
  const cwd = options.cwd ?? process.cwd();
  const dir = env.BLOB_DIR ?? ".data/blobs";
  return {
    store: "local",
    blobDir: isAbsolute(dir) ? dir : resolve(findWorkspaceRoot(cwd) ?? cwd, dir),
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ""),
    signingSecret: env.BLOB_SIGNING_SECRET ?? DEV_SIGNING_SECRET,
  };
}
