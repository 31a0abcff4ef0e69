// docker-compose.yml must be accepted by Debian's docker-compose 1.29 with the variables an operator
// sets, refuse to run without any of them, and wire the interpolated values consistently.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  APP_SERVICES,
  type Compose,
  composeFile,
  envOf,
  operatorEnv,
  requiredVars,
  root,
  type Service,
  words,
} from "./compose-fixture.ts";

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

  it("scales out with docker-compose.scale.yml: a NATS cluster of three, replicated stream, N web and workers", () => {
    const result = dockerCompose(["-f", path.join(root, "docker-compose.scale.yml"), "config"], operatorEnv);
    expect(result.status, result.stderr).toBe(0);
    const services = (parse(result.stdout) as Compose).services;
    const nodes = ["nats", "nats-2", "nats-3"];
    expect(Object.keys(services)).toEqual(expect.arrayContaining(nodes));
    for (const node of nodes) {
      const args = words(services[node]?.command);
      // Each node routes to the other two.
      for (const other of nodes.filter((name) => name !== node))
        expect(args).toContain(`nats://${other}:6222`);
    }
    for (const name of [...APP_SERVICES, "migrate"]) {
      const env = envOf(services[name] as Service);
      expect((env.NATS_URL ?? "").split(",").map((url) => new URL(url).hostname)).toEqual(nodes);
      expect(env.NATS_STREAM_REPLICAS).toBe("3");
      expect(env.SEARCH_BACKEND).toBe("opensearch");
    }
    expect(Number(services.web?.deploy?.replicas)).toBeGreaterThanOrEqual(2);
    expect(Number(services.workers?.deploy?.replicas)).toBeGreaterThanOrEqual(2);
  });
});
