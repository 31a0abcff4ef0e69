/** Defaults a shell can set once instead of passing flags on every call. */
export interface CliEnv {
  url: string | undefined;
  apiKey: string | undefined;
  noColor: boolean;
}

export function cliEnv(): CliEnv {
  return {
    url: process.env.WALLPAPERDB_URL || undefined,
    apiKey: process.env.WALLPAPERDB_API_KEY || undefined,
    noColor: Boolean(process.env.NO_COLOR),
  };
}
