// Settings of the end-to-end run, read by playwright.config.ts, global-setup and the specs.
import { envField, parseEnv } from "@wallpaperdb/core/env";
import { type DbEnv, loadDbEnv } from "@wallpaperdb/db/env";
import { type EventsEnv, loadEventsEnv } from "@wallpaperdb/events/env";
import { z } from "zod";

const schema = z.object({
  CI: envField.boolean().default(false),
  // Server of the dedicated e2e database; its name is wallpaperdb_[<E2E_NAME>_]e2e so dev data stays untouched.
  E2E_POSTGRES_URL: envField
    .url(["postgres", "postgresql"])
    .default("postgres://postgres@127.0.0.1:5432/postgres"),
  NATS_URL: envField.url(["nats", "tls", "ws", "wss"]).default("nats://127.0.0.1:4222"),
  // Overridable so two e2e runs (say, a developer's and a clean-clone check) can share one machine.
  E2E_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,20}$/, { message: "expected a short lower-case name" })
    .optional(),
  E2E_WEB_PORT: envField.port().default(3100),
  // `make test` collects every tier's totals from JSON reports into one closing line.
  PLAYWRIGHT_JSON_OUTPUT_FILE: z.string().optional(),
});

const raw = parseEnv(schema, process.env);
// Always ends in "e2e": the reset refuses to drop anything else.
const tag = raw.E2E_NAME ? `${raw.E2E_NAME}_e2e` : "e2e";
const databaseUrl = new URL(raw.E2E_POSTGRES_URL);
databaseUrl.pathname = `/wallpaperdb_${tag}`;

export const e2eEnv = {
  ci: raw.CI,
  jsonReport: raw.PLAYWRIGHT_JSON_OUTPUT_FILE,
  natsUrl: raw.NATS_URL,
  databaseUrl: databaseUrl.toString(),
  namespace: `wpdb_${tag}`,
  webPort: raw.E2E_WEB_PORT,
  workersHealthPort: raw.E2E_WEB_PORT + 1,
  blobDir: `.data/${tag}-blobs`,
  // tus staging of in-flight uploads; separate from dev's .data/uploads, cleared with the database.
  uploadDir: `.data/${tag}-uploads`,
  blobSigningSecret: "e2e-only-blob-signing-secret-not-for-production",
};

/** The database and event namespace the run's servers were started with (playwright.config.ts sets them). */
export function serverEnv(): DbEnv & EventsEnv {
  return { ...loadDbEnv(process.env), ...loadEventsEnv(process.env) };
}
