// Settings of the end-to-end run; lives in the web package because the repo root has no workspace deps.
import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

const schema = z.object({
  CI: envField.boolean().default(false),
  // Server of the dedicated e2e database; the name is always wallpaperdb_e2e so dev data stays untouched.
  E2E_POSTGRES_URL: envField
    .url(["postgres", "postgresql"])
    .default("postgres://postgres@127.0.0.1:5432/postgres"),
  NATS_URL: envField.url(["nats", "tls", "ws", "wss"]).default("nats://127.0.0.1:4222"),
});

const raw = parseEnv(schema, process.env);
const databaseUrl = new URL(raw.E2E_POSTGRES_URL);
databaseUrl.pathname = "/wallpaperdb_e2e";

export const e2eEnv = {
  ci: raw.CI,
  natsUrl: raw.NATS_URL,
  databaseUrl: databaseUrl.toString(),
  namespace: "wpdb_e2e",
  webPort: 3100,
  workersHealthPort: 3101,
  blobDir: ".data/e2e-blobs",
  blobSigningSecret: "e2e-only-blob-signing-secret-not-for-production",
};
