import { homedir } from "node:os";
import { join } from "node:path";

/**
 * What the script client reads from the environment: the key a shell exported, and where the key
 * `wallpaperdb login` stored lives. Plain strings, any value accepted, so no schema is needed.
 */
export interface ClientEnv {
  apiKey: string | undefined;
  /** `$XDG_CONFIG_HOME/wallpaperdb` (default `~/.config/wallpaperdb`). */
  configDir: string;
}

export function clientEnv(source: Record<string, string | undefined> = process.env): ClientEnv {
  const xdg = source.XDG_CONFIG_HOME || join(homedir(), ".config");
  return { apiKey: source.WALLPAPERDB_API_KEY || undefined, configDir: join(xdg, "wallpaperdb") };
}
