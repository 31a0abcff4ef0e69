import { createLogger } from "@wallpaperdb/core/logger";
import { loadDbEnv } from "./env.ts";
import { ensureDatabase, runMigrations } from "./migrate.ts";

const log = createLogger("migrate");
const env = loadDbEnv();
const started = performance.now();
await ensureDatabase(env.DATABASE_URL);
await runMigrations(env.DATABASE_URL);
const safeUrl = new URL(env.DATABASE_URL);
safeUrl.password = "";
log.info({ database: safeUrl.toString(), ms: Math.round(performance.now() - started) }, "migrations applied");
