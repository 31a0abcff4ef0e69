import { resolveRequestUser } from "@wallpaperdb/auth";
import { handleMediaRequest } from "@wallpaperdb/media-serving";
import { getAuthServices, getBlobStore, getDb, getIngestServices } from "~/server/deps.ts";
import { webLogger } from "~/server/logger.ts";

// Variants, negotiated images, renditions and original downloads: see packages/media-serving.
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string; path: string[] }>;
}

async function serve(request: Request, context: Context): Promise<Response> {
  const { id, path } = await context.params;
  const db = getDb().db;
  // Lazy variants decode originals under the same pixel cap that admitted them at upload.
  const maxPixels = getIngestServices().limits.maxImagePixels;
  const deps = { db, blobStore: getBlobStore(), logger: webLogger(), maxPixels };
  return handleMediaRequest(deps, request, id, path, () =>
    // As on the detail page: a bad or revoked API key is an anonymous viewer (a 404), not an error.
    resolveRequestUser(db, getAuthServices().auth, request.headers).catch(() => null),
  );
}

export const GET = serve;
export const HEAD = serve;
