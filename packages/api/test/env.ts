import { loadEventsEnv } from "@wallpaperdb/events/env";

export const testEnv = loadEventsEnv();
