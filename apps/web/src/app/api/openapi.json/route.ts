import { buildOpenApiDocument } from "@wallpaperdb/api/rest";

// The OpenAPI 3.1 document of /api/rest, built from the same operation table and zod schemas the
// handler uses. Relative server URL, so it is right behind any host or proxy.
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
