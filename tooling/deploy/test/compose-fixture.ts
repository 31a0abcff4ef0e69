// What the deployment checks share: docker-compose.yml as written (anchors merged), the variables an
// operator must set, and readers for its services' environment, dependencies and commands.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const root = path.resolve(import.meta.dirname, "../../..");
export const composeFile = path.join(root, "docker-compose.yml");
export const composeText = readFileSync(composeFile, "utf8");

type Healthcheck = { test?: string[] | string; disable?: boolean };
type DependsOn = Record<string, { condition?: string }> | string[];
export type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string } | string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: Healthcheck;
  depends_on?: DependsOn;
  restart?: string;
  ports?: unknown[];
  volumes?: unknown[];
  container_name?: string;
  deploy?: { replicas?: number | string };
};
export type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** The raw file as written (anchors merged), before any interpolation. */
export const raw = parse(composeText, { merge: true }) as Compose;

/** Variables the operator must set: every `${VAR:?message}` in the file (comments aside). */
const composeCode = composeText
  .split("\n")
  .filter((line) => !line.trimStart().startsWith("#"))
  .join("\n");
export const requiredVars = [
  ...new Set([...composeCode.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1] as string)),
].sort();

/** Values the test supplies for the required variables (distinct, so wiring mistakes show). */
export const operatorEnv: Record<string, string> = Object.fromEntries(
  requiredVars.map((name) =>
    name === "PUBLIC_BASE_URL"
      ? [name, "https://wallpapers.example.test"]
      : [name, `test-${name.toLowerCase().replaceAll("_", "-")}-0123456789abcdef`],
  ),
);

/** One-shot services: run to completion, never restarted, waited on with service_completed_successfully. */
export const ONE_SHOT = new Set(["migrate", "minio-init"]);
export const APP_SERVICES = ["web", "workers"] as const;

/** Environment every app process (web, workers) needs to run against the deployed stack. */
export const APP_ENV = [
  "NODE_ENV",
  "LOG_LEVEL",
  "DATABASE_URL",
  "NATS_URL",
  "BLOB_STORE",
  "BLOB_SIGNING_SECRET",
  "AUTH_SECRET",
  "PUBLIC_BASE_URL",
  "S3_ENDPOINT",
  "S3_REGION",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "SEARCH_BACKEND",
  "OPENSEARCH_URL",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_SERVICE_NAME",
];

export function envOf(service: Service): Record<string, string | null> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const i = entry.indexOf("=");
        return i === -1 ? [entry, null] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? null : String(v)]));
}

export function dependsOf(service: Service): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, "service_started"]));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v?.condition ?? "service_started"]));
}

export function words(value: string[] | string | undefined): string {
  return Array.isArray(value) ? value.join(" ") : (value ?? "");
}
