// Run by Playwright before it starts the workers: webServer processes start before globalSetup,
// and the workers need a migrated database and a fresh stream the moment they boot.
import { createLogger } from "@wallpaperdb/core/logger";
import { webEnv } from "../src/env.ts";
import { resetE2eEnvironment } from "./e2e-environment.ts";

const logger = createLogger("e2e-prepare");
const env = webEnv();

try {
  await resetE2eEnvironment({
    databaseUrl: env.DATABASE_URL,
    natsUrl: env.NATS_URL,
    namespace: env.EVENTS_NAMESPACE,
  });
  logger.info({ namespace: env.EVENTS_NAMESPACE }, "e2e database and stream reset");
} catch (error) {
  logger.error({ err: error }, "could not prepare the e2e environment");
  process.exitCode = 1;
}
