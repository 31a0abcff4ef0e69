import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

// @wallpaperdb/events does not export its env loader, so the tests read NATS_URL with the same default.
const schema = z.object({
  NATS_URL: envField.url(["nats", "tls", "ws", "wss"]).default("nats://127.0.0.1:4222"),
});

export const testEnv = parseEnv(schema, process.env);
