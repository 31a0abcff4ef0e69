import { createLogger, type Logger } from "@wallpaperdb/core/logger";

let logger: Logger | undefined;

export function webLogger(): Logger {
  logger ??= createLogger("web");
  return logger;
}
