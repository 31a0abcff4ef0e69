import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: envField
    .url(["postgres", "postgresql"])
    .default("postgres://postgres@127.0.0.1:5432/wallpaperdb"),
  DATABASE_POOL_MAX: envField.positiveInt().default(10),
});

export type DbEnv = z.infer<typeof schema>;

export function loadDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  return parseEnv(schema, source);
}
