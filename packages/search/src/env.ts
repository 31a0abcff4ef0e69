import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

const schema = z
  .object({
    SEARCH_BACKEND: z.enum(["postgres", "opensearch"]).default("postgres"),
    OPENSEARCH_URL: envField.url(["http", "https"]).optional(),
    OPENSEARCH_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/u, "expected a lower-case index name")
      .default("wallpapers"),
  })
  .refine((env) => env.SEARCH_BACKEND !== "opensearch" || env.OPENSEARCH_URL !== undefined, {
    path: ["OPENSEARCH_URL"],
    message: "SEARCH_BACKEND=opensearch needs OPENSEARCH_URL",
  });

export type SearchEnv = z.infer<typeof schema>;

export function loadSearchEnv(source: Record<string, string | undefined> = process.env): SearchEnv {
  return parseEnv(schema, source);
}
