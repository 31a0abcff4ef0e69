// docker-compose.yml keeps the production guarantees: the whole stack, healthchecks and restart
// policies, start order, no secrets in the file, the app's environment wired, data on volumes.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_ENV,
  APP_SERVICES,
  composeText,
  dependsOf,
  envOf,
  ONE_SHOT,
  raw,
  root,
  type Service,
  words,
} from "./compose-fixture.ts";

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
        "edge",
      ]),
    );
  });

  it("puts the nginx edge in front of the web processes, with the template the media bench renders", () => {
    const edge: Service = raw.services.edge ?? {};
    expect(raw.services.web?.ports ?? []).toEqual([]);
    expect(edge.ports).toEqual([expect.stringMatching(/^\$\{WEB_PORT:-3000\}:80$/)]);
    expect((edge.volumes ?? []).map(String)).toContain("./deploy/nginx/templates:/etc/nginx/templates:ro");
    expect(envOf(edge).WEB_UPSTREAM).toBe("web:3000");
    const template = path.join(root, "deploy/nginx/templates/default.conf.template");
    expect(existsSync(template)).toBe(true);
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
