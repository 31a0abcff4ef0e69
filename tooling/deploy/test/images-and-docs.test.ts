// The images docker-compose.yml builds, and what operators and CI are told: Dockerfiles that exist and
// follow the rules (multi-stage, Node 24, pinned pnpm, non-root), a clean build context, deploy/.env.example
// and the CI workflow.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { raw, requiredVars, root } from "./compose-fixture.ts";

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
