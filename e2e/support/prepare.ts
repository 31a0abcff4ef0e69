// Run by Playwright before it starts the workers: webServer processes start before globalSetup,
// and the workers need a migrated database and a fresh stream the moment they boot.
import { rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger } from "@wallpaperdb/core/logger";
import { e2eEnv, serverEnv } from "./env.ts";
import { resetE2eEnvironment } from "./environment.ts";

const logger = createLogger("e2e-prepare");
const env = serverEnv();

try {
  await resetE2eEnvironment({
    databaseUrl: env.DATABASE_URL,
    natsUrl: env.NATS_URL,
    namespace: env.EVENTS_NAMESPACE,
  });
  // Blobs and half-finished uploads of an earlier run would otherwise outlive the rows naming them.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  for (const dir of [e2eEnv.blobDir, e2eEnv.uploadDir]) {
    if (!dir.includes("e2e")) throw new Error(`Refusing to clear "${dir}": not an e2e folder`);
    await rm(resolve(root, dir), { recursive: true, force: true });
  }
  logger.info({ namespace: env.EVENTS_NAMESPACE }, "e2e database, stream, blobs and uploads reset");
} catch (error) {
  logger.error({ err: error }, "could not prepare the e2e environment");
  process.exitCode = 1;
}
