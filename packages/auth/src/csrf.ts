import { AppError } from "@wallpaperdb/core/errors";

/**
 * Cookie-authenticated writes must come from our own pages. SameSite=Lax already keeps the cookie off
 * cross-site POSTs; this is the second lock: a browser always sends Origin (and Sec-Fetch-Site) on a
 * POST, so a foreign one is refused, and only JSON bodies are accepted, which a plain HTML form cannot
 * send cross-site without a CORS preflight. Scripts (no Origin) authenticate with API keys instead.
 */
export function checkWriteRequest(request: Request, trustedOrigins: readonly string[]): AppError | null {
  if (request.method !== "POST") return null;
  const refused = checkOrigin(request, trustedOrigins);
  if (refused) return refused;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return new AppError("unsupported_type", "Send JSON (content-type: application/json).", {
      reason: "content_type",
    });
  }
  return null;
}

/** A POST from a browser on a foreign site (Origin or Sec-Fetch-Site say so) is refused. */
export function checkOrigin(request: Request, trustedOrigins: readonly string[]): AppError | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const origin = request.headers.get("origin");
  if (origin !== null && !trustedOrigins.includes(origin)) {
    return new AppError("forbidden", "Cross-site request refused.", { reason: "untrusted_origin" });
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return new AppError("forbidden", "Cross-site request refused.", { reason: "cross_site" });
  }
  return null;
}
