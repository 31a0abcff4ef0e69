import { handleRestRequest } from "@wallpaperdb/api/rest";
import { getApiDeps, getAuthServices } from "~/server/deps.ts";
import { webLogger } from "~/server/logger.ts";

// The REST API (docs: /developers/api, document: /api/openapi.json). Each operation runs its tRPC
// procedure with the request's session cookie or API key, so rules and error codes are tRPC's.
export const dynamic = "force-dynamic";

function handler(request: Request): Promise<Response> {
  return handleRestRequest(request, {
    getDeps: getApiDeps,
    trustedOrigins: getAuthServices().settings.trustedOrigins,
    onServerError(error, operation) {
      webLogger().error({ err: error, operation }, "REST operation failed");
    },
  });
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
