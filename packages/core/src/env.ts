import { z } from "zod";

/**
 * Thrown when configuration is missing or malformed. The message names every bad variable and what it
 * expects, so a failed start-up says exactly what to fix.
 */
export class ConfigError extends Error {
  readonly issues: readonly { variable: string; problem: string }[];
  constructor(issues: { variable: string; problem: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.problem}`).join("\n")}\n` +
        "See .env.example for every setting and its default.",
    );
    this.name = "ConfigError";
    this.issues = issues;
  }
}

type EnvSource = Record<string, string | undefined>;

/** Validates `source` (normally process.env, passed in by each package's env.ts) against `schema`. */
export function parseEnv<S extends z.ZodObject>(schema: S, source: EnvSource): z.infer<S> {
  // Treat empty strings as unset so `FOO=` in a shell falls back to the default.
  const cleaned: EnvSource = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = issue.path.length > 0 ? String(issue.path[0]) : "(environment)";
      const got = cleaned[variable];
      // A list's item is named by its place in the list.
      const item = typeof issue.path[1] === "number" ? ` in item ${issue.path[1] + 1}` : "";
      const problem =
        got === undefined ? `is required: ${issue.message}` : `${issue.message}${item} (got "${got}")`;
      return { variable, problem };
    }),
  );
}

function urlField(protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}` },
  );
}

/** Common field types with messages that read well in a ConfigError. */
export const envField = {
  url: urlField,
  /**
   * One URL or a comma-separated list of them (a cluster's seed servers), parsed into a list: a process
   * given several can start, and reconnect, while any one of them is down.
   */
  urlList: (protocols: string[]) =>
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter((part) => part !== ""),
      )
      .pipe(z.array(urlField(protocols)).min(1, { message: "expected at least one URL" })),
  port: () => z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535),
  positiveInt: () => z.coerce.number({ message: "expected a whole number" }).int().positive(),
  boolean: () =>
    z
      .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
      .transform((value) => value === "true" || value === "1" || value === "yes"),
  logLevel: () =>
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "expected one of fatal, error, warn, info, debug, trace, silent",
    }),
};

const coreSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: envField.logLevel().default("info"),
});

export type CoreEnv = z.infer<typeof coreSchema>;

export function loadCoreEnv(source: EnvSource = process.env): CoreEnv {
  return parseEnv(coreSchema, source);
}
