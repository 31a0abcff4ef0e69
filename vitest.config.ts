import { defineConfig } from "vitest/config";

// Two tiers run by Vitest; the third (end-to-end) is Playwright (playwright.config.ts).
//  - unit:        *.test.ts      pure logic, no infrastructure, fast.
//  - integration: *.int.test.ts  real PostgreSQL (a fresh database per file), real NATS, real sharp/ffmpeg.
const shared = {
  exclude: ["**/node_modules/**", "**/.next/**", "**/dist/**", "e2e/**"],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages,tooling}/*/{src,test}/**/*.test.ts"],
          exclude: [...shared.exclude, "**/*.int.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages,tooling}/*/{src,test}/**/*.int.test.ts"],
          exclude: shared.exclude,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: files run two at a time; each has its own database and NATS names.
          maxWorkers: 2,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["{apps,packages}/*/src/**/*.ts"],
      exclude: ["**/*.test.ts", "**/testing.ts", "**/contract.ts", "**/migrations/**", "apps/web/**"],
      reporter: ["text-summary", "json-summary", "html"],
      reportsDirectory: "coverage",
      // The critical paths must stay covered: upload validation, the outbox and the consumers.
      thresholds: {
        "packages/media/src/**": { lines: 80, functions: 80 },
        "packages/events/src/{outbox,relay,consumer,outcome,publisher}.ts": { lines: 80, functions: 80 },
      },
    },
  },
});
