import { defineConfig, devices } from "@playwright/test";
import { e2eEnv } from "./e2e/support/env.ts";

// Both processes see the dedicated database and event namespace, never the dev ones.
const sharedEnv = {
  DATABASE_URL: e2eEnv.databaseUrl,
  NATS_URL: e2eEnv.natsUrl,
  EVENTS_NAMESPACE: e2eEnv.namespace,
  BLOB_STORE: "local",
  BLOB_DIR: e2eEnv.blobDir,
  UPLOAD_DIR: e2eEnv.uploadDir,
  // The upload page is exercised anonymously, as on the local default.
  ALLOW_ANONYMOUS_UPLOADS: "true",
  BLOB_SIGNING_SECRET: e2eEnv.blobSigningSecret,
  // next start runs with NODE_ENV=production, where the session-signing secret is required.
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef0123456789",
  PUBLIC_BASE_URL: `http://127.0.0.1:${e2eEnv.webPort}`,
  // Several specs sign in as the shared e2e admin within a minute; the limiter itself has its own tests.
  SIGN_IN_RATE_LIMIT_PER_MINUTE: "1000",
  LOG_LEVEL: "warn",
};

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // Debian's Chromium; Playwright never downloads a browser here.
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: e2eEnv.ci ? 1 : 0,
  forbidOnly: e2eEnv.ci,
  timeout: 60_000,
  reporter: [
    ["list"],
    ["html", { outputFolder: "playwright-report", open: "never" }],
    ...(e2eEnv.jsonReport ? [["json", { outputFile: e2eEnv.jsonReport }] as const] : []),
  ],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${e2eEnv.webPort}`,
    // Recorded when a test is retried (CI retries once): a failure that repeats comes with its trace.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    // The gallery spec asserts exact counts and filter results, so it runs first, on a gallery that
    // holds only its own uploads; every other spec runs after it.
    { name: "gallery", testMatch: /gallery\.spec\.ts/, use: chromium },
    { name: "chromium", testIgnore: /gallery\.spec\.ts/, dependencies: ["gallery"], use: chromium },
  ],
  webServer: [
    {
      // Reset first: webServer processes start before globalSetup, and workers need the schema at boot.
      command: "node e2e/support/prepare.ts && node apps/workers/src/main.ts",
      url: `http://127.0.0.1:${e2eEnv.workersHealthPort}/healthz`,
      env: {
        ...sharedEnv,
        WORKERS_HEALTH_PORT: String(e2eEnv.workersHealthPort),
        WORKER_ID: "e2e-worker-1",
        // The top list spec favourites and views, then expects the list to show it within seconds.
        POPULARITY_REFRESH_MS: "2000",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Serves the production build: run `pnpm --filter @wallpaperdb/web build` first.
      command: "pnpm --filter @wallpaperdb/web start",
      url: `http://127.0.0.1:${e2eEnv.webPort}/api/health`,
      env: { ...sharedEnv, PORT: String(e2eEnv.webPort) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
