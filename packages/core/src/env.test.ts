import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, envField, parseEnv } from "./env.ts";

const schema = z.object({
  DATABASE_URL: envField.url(["postgres", "postgresql"]).default("postgres://localhost/db"),
  PORT: envField.port().default(3000),
  S3_BUCKET: z.string().min(1),
  FLAG: envField.boolean().default(false),
});

describe("parseEnv", () => {
  it("applies defaults and coerces values", () => {
    const env = parseEnv(schema, { S3_BUCKET: "b", PORT: "8080", FLAG: "yes" });
    expect(env).toEqual({ DATABASE_URL: "postgres://localhost/db", PORT: 8080, S3_BUCKET: "b", FLAG: true });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv(schema, { S3_BUCKET: "b", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable and what it expects", () => {
    let error: unknown;
    try {
      parseEnv(schema, { DATABASE_URL: "mysql://x", PORT: "eighty" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(
      'DATABASE_URL: expected a URL starting with postgres:// or postgresql:// (got "mysql://x")',
    );
    expect(message).toContain("PORT: expected a port number");
    expect(message).toContain("S3_BUCKET: is required");
    expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
      "DATABASE_URL",
      "PORT",
      "S3_BUCKET",
    ]);
  });
});

describe("envField.urlList", () => {
  const list = z.object({ NATS_URL: envField.urlList(["nats"]).default(["nats://127.0.0.1:4222"]) });

  it("takes one URL or a comma-separated list, and defaults to one", () => {
    expect(parseEnv(list, {}).NATS_URL).toEqual(["nats://127.0.0.1:4222"]);
    expect(parseEnv(list, { NATS_URL: "nats://a:4222" }).NATS_URL).toEqual(["nats://a:4222"]);
    expect(parseEnv(list, { NATS_URL: "nats://a:4222, nats://b:4222,nats://c:4222," }).NATS_URL).toEqual([
      "nats://a:4222",
      "nats://b:4222",
      "nats://c:4222",
    ]);
  });

  it("names the bad item", () => {
    expect(() => parseEnv(list, { NATS_URL: "nats://a:4222,http://b" })).toThrow(
      'NATS_URL: expected a URL starting with nats:// in item 2 (got "nats://a:4222,http://b")',
    );
    expect(() => parseEnv(list, { NATS_URL: " , " })).toThrow("NATS_URL: expected at least one URL");
  });
});
