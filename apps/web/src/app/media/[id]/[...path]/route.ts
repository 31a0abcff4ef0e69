import { handleMediaRequest } from "@wallpaperdb/media-serving";
import { getBlobStore, getDb } from "~/server/deps.ts";
import { webLogger } from "~/server/logger.ts";

// Variants, negotiated images, renditions and original downloads: see packages/media-serving.
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string; path: string[] }>;
}

async function serve(request: Request, context: Context): Promise<Response> {
  const { id, path } = await context.params;
  return handleMediaRequest(
    { db: getDb().db, blobStore: getBlobStore(), logger: webLogger() },
    request,
    id,
    path,
  );
}

export const GET = serve;
export const HEAD = serve;
