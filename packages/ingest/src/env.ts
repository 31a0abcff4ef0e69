import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

type EnvSource = Record<string, string | undefined>;

const schema = z.object({
  // Where the tus FileStore keeps in-flight uploads when BLOB_STORE=local (relative: workspace root).
  UPLOAD_DIR: z.string().trim().min(1).default(".data/uploads"),
  // How long an upload may stay unfinished before the reconciler expires it and deletes its bytes.
  UPLOAD_TTL_SECONDS: envField.positiveInt().default(24 * 60 * 60),
  // Uploads need an account (session or API key) unless this is turned on, e.g. for a private install.
  ALLOW_ANONYMOUS_UPLOADS: envField.boolean().default(false),
  // How often received_bytes is written while bytes stream in.
  UPLOAD_PROGRESS_INTERVAL_MS: envField.positiveInt().default(1000),
  // New wallpapers wait in the moderation queue (pending) instead of going straight to the gallery.
  MODERATION_REQUIRED: envField.boolean().default(false),
});

// Same rule as BLOB_DIR (see @wallpaperdb/storage): web and workers share one folder whatever their cwd.
function workspaceRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface IngestSettings {
  uploadDir: string;
  uploadTtlMs: number;
  allowAnonymousUploads: boolean;
  progressIntervalMs: number;
  /** Optional so hand-built settings in tests keep meaning "auto-approve", the default. */
  moderationRequired?: boolean;
}

export function loadIngestSettings(
  source: EnvSource = process.env,
  options: { cwd?: string } = {},
): IngestSettings {
  const env = parseEnv(schema, source);
  const cwd = options.cwd ?? process.cwd();
  return {
    uploadDir: isAbsolute(env.UPLOAD_DIR)
      ? env.UPLOAD_DIR
      : resolve(workspaceRoot(cwd) ?? cwd, env.UPLOAD_DIR),
    uploadTtlMs: env.UPLOAD_TTL_SECONDS * 1000,
    allowAnonymousUploads: env.ALLOW_ANONYMOUS_UPLOADS,
    progressIntervalMs: env.UPLOAD_PROGRESS_INTERVAL_MS,
    moderationRequired: env.MODERATION_REQUIRED,
  };
}
