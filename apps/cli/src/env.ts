/** Defaults a shell can set once instead of passing flags on every call. */
export interface CliEnv {
  url: string | undefined;
  apiKey: string | undefined;
  /** For `wallpaperdb login` without a terminal to prompt on (CI, scripts). */
  email: string | undefined;
  password: string | undefined;
  noColor: boolean;
}

export function cliEnv(): CliEnv {
  return {
    url: process.env.WALLPAPERDB_URL || undefined,
    apiKey: process.env.WALLPAPERDB_API_KEY || undefined,
    email: process.env.WALLPAPERDB_EMAIL || undefined,
    password: process.env.WALLPAPERDB_PASSWORD || undefined,
    noColor: Boolean(process.env.NO_COLOR),
  };
}
