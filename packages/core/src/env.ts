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
      const variable = issue.path.map(String).join(".") || "(environment)";
      const got = cleaned[variable];
      const problem = got === undefined ? `is required: ${issue.message}` : `${issue.message} (got "${got}")`;
      return { variable, problem };
    }),
  );
}

/** Common field types with messages that read well in a ConfigError. */
export const envField = {
  url: (protocols: string[]) =>
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
        } catch {
          return false;
        }
      },
      { message: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}` },
    ),
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
