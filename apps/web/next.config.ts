import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages ship TypeScript source with `.ts` import extensions.
  transpilePackages: [
    "@wallpaperdb/api",
    "@wallpaperdb/auth",
    "@wallpaperdb/tags",
    "@wallpaperdb/client",
    "@wallpaperdb/core",
    "@wallpaperdb/db",
    "@wallpaperdb/events",
    "@wallpaperdb/ingest",
    "@wallpaperdb/media",
    "@wallpaperdb/pipeline",
    "@wallpaperdb/storage",
    "@wallpaperdb/telemetry",
    "@wallpaperdb/wallpapers",
  ],
  // Drivers with native sockets/workers stay plain Node modules instead of being bundled.
  serverExternalPackages: [
    "postgres",
    "pino",
    "@nats-io/transport-node",
    "@nats-io/jetstream",
    "@aws-sdk/client-s3",
    "@tus/server",
    "@tus/file-store",
    "@tus/s3-store",
    "sharp",
    "@opentelemetry/sdk-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/exporter-metrics-otlp-http",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
