import { rm } from "node:fs/promises";
import { createE2eAdmin } from "./accounts.ts";
import { e2eEnv } from "./support/env.ts";
import { ensureE2eDatabase } from "./support/environment.ts";

/**
 * Playwright starts webServer processes before globalSetup, so the destructive reset (drop, create,
 * migrate, fresh stream) runs in front of the workers' command. Here we only confirm the result.
 */
export default async function globalSetup(): Promise<void> {
  await ensureE2eDatabase(e2eEnv.databaseUrl);
  await rm(e2eEnv.blobDir, { recursive: true, force: true });
  // The database is fresh, so this account is the install's first and becomes admin.
  await createE2eAdmin();
}
