// Deployment checks: docker-compose.yml must be accepted by Debian's docker-compose 1.29 with the
// variables an operator sets, and its structure must keep the production guarantees (healthchecks,
// start order, no secrets in the repo, the app's environment wired, Dockerfiles that exist).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../../..");
const composeFile = path.join(root, "docker-compose.yml");
const composeText = readFileSync(composeFile, "utf8");

type Healthcheck = { test?: string[] | string; disable?: boolean };
type DependsOn = Record<string, { condition?: string }> | string[];
type Service = {
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
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** The raw file as written (anchors merged), before any interpolation. */
const raw = parse(composeText, { merge: true }) as Compose;

/** Variables the operator must set: every `${VAR:?message}` in the file (comments aside). */
const composeCode = composeText
  .split("\n")
  .filter((line) => !line.trimStart().startsWith("#"))
  .join("\n");
const requiredVars = [
  ...new Set([...composeCode.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1] as string)),
].sort();

/** Values the test supplies for the required variables (distinct, so wiring mistakes show). */
const operatorEnv: Record<string, string> = Object.fromEntries(
  requiredVars.map((name) =>
    name === "PUBLIC_BASE_URL"
      ? [name, "https://wallpapers.example.test"]
      : [name, `test-${name.toLowerCase().replaceAll("_", "-")}-0123456789abcdef`],
  ),
);

/** One-shot services: run to completion, never restarted, waited on with service_completed_successfully. */
const ONE_SHOT = new Set(["migrate", "minio-init"]);
const APP_SERVICES = ["web", "workers"] as const;

/** Environment every app process (web, workers) needs to run against the deployed stack. */
const APP_ENV = [
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

let scratch: string;
let emptyEnvFile: string;

function dockerCompose(args: string[], env: Record<string, string>) {
  const result = spawnSync("docker-compose", ["--env-file", emptyEnvFile, "-f", composeFile, ...args], {
    cwd: root,
    encoding: "utf8",
    // Only what the operator sets: nothing from the developer's shell leaks into interpolation.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: scratch, ...env },
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "docker-compose is not installed (no `docker-compose` on PATH). `make test` installs it " +
        "(Debian: apt-get install -y docker-compose).",
    );
  }
  if (result.error) throw result.error;
  return result;
}

function envOf(service: Service): Record<string, string | null> {
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

function dependsOf(service: Service): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, "service_started"]));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v?.condition ?? "service_started"]));
}

function words(value: string[] | string | undefined): string {
  return Array.isArray(value) ? value.join(" ") : (value ?? "");
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "wpdb-deploy-"));
  emptyEnvFile = path.join(scratch, "empty.env");
  writeFileSync(emptyEnvFile, "");
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("docker-compose config", () => {
  it("names the secrets the operator must set", () => {
    expect(requiredVars).toEqual(
      expect.arrayContaining([
        "POSTGRES_PASSWORD",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
        "BLOB_SIGNING_SECRET",
        "AUTH_SECRET",
        "PUBLIC_BASE_URL",
      ]),
    );
  });

  it("is valid for docker-compose with the operator's variables set (config -q exits 0)", () => {
    const result = dockerCompose(["config", "-q"], operatorEnv);
    expect(result.stderr, result.stderr).not.toMatch(/error/i);
    expect(result.status, result.stderr).toBe(0);
  });

  it("refuses to run when any required variable is missing, naming it", () => {
    for (const name of requiredVars) {
      const { [name]: _omitted, ...rest } = operatorEnv;
      const result = dockerCompose(["config", "-q"], rest);
      expect(result.status, `config without ${name} should fail`).not.toBe(0);
      expect(result.stderr).toContain(name);
    }
  });

  it("wires the interpolated values consistently (resolved config)", () => {
    const result = dockerCompose(["config"], operatorEnv);
    expect(result.status, result.stderr).toBe(0);
    const resolved = parse(result.stdout) as Compose;
    const services = resolved.services;
    const serviceNames = new Set(Object.keys(services));

    const pg = envOf(services.postgres as Service);
    const minio = envOf(services.minio as Service);
    for (const name of [...APP_SERVICES, "migrate"]) {
      const env = envOf(services[name] as Service);
      // DATABASE_URL carries the same password and database the postgres service is created with.
      const db = new URL(env.DATABASE_URL ?? "");
      expect(db.protocol).toMatch(/^postgres(ql)?:$/);
      expect(decodeURIComponent(db.password), `${name} DATABASE_URL password`).toBe(pg.POSTGRES_PASSWORD);
      expect(db.username).toBe(pg.POSTGRES_USER);
      expect(db.pathname.slice(1)).toBe(pg.POSTGRES_DB);
      // Every internal URL points at a service of this file.
      for (const key of [
        "DATABASE_URL",
        "NATS_URL",
        "S3_ENDPOINT",
        "OPENSEARCH_URL",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
      ]) {
        const host = new URL(env[key] ?? "").hostname;
        expect(serviceNames, `${name} ${key} host ${host}`).toContain(host);
      }
      // The app's S3 credentials are the ones MinIO is started with.
      expect(env.S3_ACCESS_KEY_ID).toBe(minio.MINIO_ROOT_USER);
      expect(env.S3_SECRET_ACCESS_KEY).toBe(minio.MINIO_ROOT_PASSWORD);
      expect(env.BLOB_SIGNING_SECRET).toBe(operatorEnv.BLOB_SIGNING_SECRET);
      expect(env.PUBLIC_BASE_URL).toBe(operatorEnv.PUBLIC_BASE_URL);
    }
    // The bucket the init container creates is the bucket the app uses.
    expect(envOf(services["minio-init"] as Service).S3_BUCKET).toBe(envOf(services.web as Service).S3_BUCKET);

    // Workers scale out by replicas (or --scale): nothing that would clash between replicas.
    const workers = services.workers as Service;
    expect(Number(workers.deploy?.replicas)).toBeGreaterThanOrEqual(1);
  });
});

describe("docker-compose.yml structure", () => {
  it("has no top-level name: key (docker-compose 1.29 rejects it) and only known top-level keys", () => {
    expect(raw).not.toHaveProperty("name");
    expect(composeText).not.toMatch(/^name\s*:/m);
    expect(composeText).not.toMatch(/^version\s*:/m);
    for (const key of Object.keys(raw)) {
      expect(
        ["services", "volumes", "networks", "configs", "secrets"].includes(key) || key.startsWith("x-"),
        key,
      ).toBe(true);
    }
  });

  it("runs the whole stack", () => {
    expect(Object.keys(raw.services)).toEqual(
      expect.arrayContaining([
        "postgres",
        "nats",
        "minio",
        "minio-init",
        "opensearch",
        "lgtm",
        "migrate",
        "web",
        "workers",
      ]),
    );
  });

  it("gives every long-running service a healthcheck and a restart policy", () => {
    for (const [name, service] of Object.entries(raw.services)) {
      if (ONE_SHOT.has(name)) {
        expect(service.restart, `${name} is one-shot`).toBe("no");
        continue;
      }
      expect(service.healthcheck, `${name} healthcheck`).toBeDefined();
      expect(service.healthcheck?.disable, `${name} healthcheck disabled`).not.toBe(true);
      expect(words(service.healthcheck?.test).length, `${name} healthcheck test`).toBeGreaterThan(0);
      expect(["always", "unless-stopped", "on-failure"], `${name} restart`).toContain(service.restart);
    }
  });

  it("probes the documented health endpoints", () => {
    expect(words(raw.services.web?.healthcheck?.test)).toMatch(/\/api\/(ready|health)\b/);
    expect(words(raw.services.workers?.healthcheck?.test)).toMatch(/\/(readyz|healthz)\b/);
    expect(words(raw.services.postgres?.healthcheck?.test)).toContain("pg_isready");
    expect(words(raw.services.nats?.healthcheck?.test)).toMatch(/8222\/healthz/);
  });

  it("orders start-up with depends_on conditions", () => {
    const services = raw.services;
    for (const [name, service] of Object.entries(services)) {
      for (const [dep, condition] of Object.entries(dependsOf(service))) {
        expect(services, `${name} depends on unknown ${dep}`).toHaveProperty(dep);
        if (condition === "service_healthy")
          expect(services[dep]?.healthcheck, `${dep} healthcheck`).toBeDefined();
        if (condition === "service_completed_successfully")
          expect(ONE_SHOT.has(dep), `${dep} one-shot`).toBe(true);
        if (ONE_SHOT.has(dep)) expect(condition, `${name} → ${dep}`).toBe("service_completed_successfully");
      }
    }
    for (const name of APP_SERVICES) {
      const deps = dependsOf(services[name] as Service);
      expect(deps.migrate, `${name} waits for migrate`).toBe("service_completed_successfully");
      expect(deps["minio-init"], `${name} waits for the bucket`).toBe("service_completed_successfully");
      expect(deps.postgres).toBe("service_healthy");
      expect(deps.nats).toBe("service_healthy");
    }
    expect(dependsOf(services.migrate as Service).postgres).toBe("service_healthy");
    expect(dependsOf(services["minio-init"] as Service).minio).toBe("service_healthy");
  });

  it("keeps secrets out of the file: every secret-looking value is a required VAR interpolation", () => {
    const secretKey = /(PASSWORD|SECRET|ACCESS_KEY|TOKEN|PRIVATE_KEY|API_KEY)/i;
    const requiredInterpolation = /^\$\{\w+:\?[^}]*\}$/;
    for (const [name, service] of Object.entries(raw.services)) {
      for (const [key, value] of Object.entries(envOf(service))) {
        if (secretKey.test(key)) {
          expect(value, `${name}.${key} must come from \${VAR:?...}`).toMatch(requiredInterpolation);
        }
        // Credentials inside URLs (postgres://user:pass@host) must be interpolated too.
        const inUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^@\s]+)@/i.exec(value ?? "");
        if (inUrl) expect(inUrl[1], `${name}.${key} URL password`).toMatch(requiredInterpolation);
      }
    }
    // Shell-style uses inside commands only reference the container's own environment ($$VAR).
    expect(composeText).not.toMatch(/minioadmin|changeme|password123/i);
  });

  it("sets every variable the app reads for web and workers, with the S3 blob store", () => {
    for (const name of APP_SERVICES) {
      const env = envOf(raw.services[name] as Service);
      for (const key of APP_ENV) {
        expect(env[key], `${name} ${key}`).toBeTruthy();
      }
      expect(env.BLOB_STORE).toBe("s3");
      expect(env.NODE_ENV).toBe("production");
    }
    expect(envOf(raw.services.migrate as Service).DATABASE_URL).toBeTruthy();
    expect(envOf(raw.services.web as Service).PORT).toBeTruthy();
    expect(envOf(raw.services.workers as Service)).toHaveProperty("WORKERS_HEALTH_PORT");
    expect(envOf(raw.services.workers as Service)).toHaveProperty("WORKERS");
  });

  it("runs migrations as a one-shot of the workers image", () => {
    const migrate = raw.services.migrate as Service;
    expect(words(migrate.command)).toContain("packages/db/src/migrate-cli.ts");
    expect(existsSync(path.join(root, "packages/db/package.json"))).toBe(true);
  });

  it("keeps data on named volumes (postgres, NATS JetStream file storage, MinIO, OpenSearch)", () => {
    const volumeNames = Object.keys(raw.volumes ?? {});
    const mounts = (name: string) => (raw.services[name]?.volumes ?? []).map(String);
    const onVolume = (name: string, target: string) =>
      mounts(name).some((m) => volumeNames.includes(m.split(":")[0] as string) && m.split(":")[1] === target);
    expect(onVolume("postgres", "/var/lib/postgresql/data")).toBe(true);
    expect(words(raw.services.nats?.command)).toMatch(/-js\b.*-sd \/data\b.*-m 8222/);
    expect(onVolume("nats", "/data")).toBe(true);
    expect(onVolume("minio", "/data")).toBe(true);
    expect(onVolume("opensearch", "/usr/share/opensearch/data")).toBe(true);
  });

  it("lets workers scale out", () => {
    const workers = raw.services.workers as Service;
    expect(workers.container_name).toBeUndefined();
    expect(workers.ports ?? []).toEqual([]);
    expect(workers.deploy?.replicas).toBeDefined();
  });

  it("pins third-party images to a tag", () => {
    for (const [name, service] of Object.entries(raw.services)) {
      if (service.build) continue;
      expect(service.image, `${name} image`).toMatch(/^[^\s:]+:[^\s:]+$/);
      expect(service.image, `${name} image`).not.toMatch(/:latest$/);
    }
  });

  it("mounts only repo paths that exist (grafana provisioning)", () => {
    for (const [name, service] of Object.entries(raw.services)) {
      for (const mount of (service.volumes ?? []).map(String)) {
        const source = mount.split(":")[0] as string;
        if (source.startsWith("./") || source.startsWith("../")) {
          expect(existsSync(path.join(root, source)), `${name} mounts ${source}`).toBe(true);
        }
      }
    }
    expect(existsSync(path.join(root, "deploy/grafana/provisioning/dashboards"))).toBe(true);
    expect(existsSync(path.join(root, "deploy/grafana/provisioning/alerting"))).toBe(true);
  });
});

describe("Dockerfiles and build context", () => {
  const packageManager = (
    JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { packageManager: string }
  ).packageManager;

  it("builds web and workers from Dockerfiles that exist", () => {
    const built = Object.entries(raw.services).filter(([, s]) => s.build);
    expect(built.map(([n]) => n)).toEqual(expect.arrayContaining(["web", "workers", "migrate"]));
    for (const [name, service] of built) {
      const build = typeof service.build === "string" ? { context: service.build } : (service.build ?? {});
      const context = path.join(root, build.context ?? ".");
      const dockerfile = path.join(context, build.dockerfile ?? "Dockerfile");
      expect(existsSync(dockerfile), `${name}: ${dockerfile}`).toBe(true);
    }
    const dockerfileOf = (name: string) =>
      ((raw.services[name]?.build ?? {}) as { dockerfile?: string }).dockerfile;
    expect(dockerfileOf("web")).toBe("apps/web/Dockerfile");
    expect(dockerfileOf("workers")).toBe("apps/workers/Dockerfile");
  });

  for (const app of ["web", "workers"]) {
    it(`apps/${app}/Dockerfile: multi-stage, Node 24, pinned pnpm, frozen lockfile, non-root`, () => {
      const text = readFileSync(path.join(root, `apps/${app}/Dockerfile`), "utf8");
      expect(text.match(/^FROM\s/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(text).toContain("node:24-bookworm-slim");
      expect(text).toContain(`npm i -g ${packageManager}`);
      expect(text).toContain("pnpm fetch");
      expect(text).toMatch(/pnpm install[^\n]*--frozen-lockfile/);
      expect(text).not.toMatch(/corepack/);
      // The last USER instruction (the one the final stage runs as) is not root.
      const users = [...text.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
      expect(users.at(-1), "final USER").toBeDefined();
      expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
      const finalStage = text.slice(text.lastIndexOf("\nFROM "));
      expect(finalStage, "final stage has no pnpm store").not.toMatch(/pnpm (fetch|install)/);
    });
  }

  it("apps/workers/Dockerfile installs ffmpeg in the runtime image", () => {
    const text = readFileSync(path.join(root, "apps/workers/Dockerfile"), "utf8");
    const finalStage = text.slice(text.lastIndexOf("\nFROM "));
    expect(finalStage).toMatch(/apt-get install[^\n]*ffmpeg/);
  });

  it(".dockerignore keeps local state and secrets out of the build context", () => {
    const lines = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of ["**/node_modules", "**/.next", ".git", "**/.env"]) {
      expect(lines, entry).toContain(entry);
    }
  });
});

describe("operator documentation", () => {
  it("deploy/.env.example lists every variable the operator must set, without values", () => {
    const example = readFileSync(path.join(root, "deploy/.env.example"), "utf8");
    for (const name of requiredVars) {
      const line = example.split("\n").find((l) => l.startsWith(`${name}=`));
      expect(line, `${name} in deploy/.env.example`).toBeDefined();
      expect(line, `${name} must be empty in the example`).toBe(`${name}=`);
    }
  });

  it("CI runs `make test` on Node 24 with a postgres service", () => {
    const ci = parse(readFileSync(path.join(root, ".github/workflows/ci.yml"), "utf8")) as {
      jobs: Record<
        string,
        {
          services?: Record<string, { image?: string }>;
          steps: { run?: string; uses?: string; with?: Record<string, unknown> }[];
        }
      >;
    };
    const jobs = Object.values(ci.jobs);
    const steps = jobs.flatMap((j) => j.steps);
    expect(steps.some((s) => s.run?.trim() === "make test")).toBe(true);
    expect(
      steps.some(
        (s) => s.uses?.startsWith("actions/setup-node") && String(s.with?.["node-version"]).startsWith("24"),
      ),
    ).toBe(true);
    expect(
      jobs.some((j) => Object.values(j.services ?? {}).some((s) => s.image?.startsWith("postgres"))),
    ).toBe(true);
  });
});
