import { problemFromError } from "~/server/problem.ts";
import { getUploadHandler } from "~/server/uploads.ts";

// The tus 1.0 endpoint (resumable uploads). Our own refusals (unknown uploadId, too large, expired) are
// problem+json with a stable code; tus protocol errors keep tus's plain answers.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  try {
    return await getUploadHandler()(request);
  } catch (error) {
    return problemFromError(error, request);
  }
}

export { handle as DELETE, handle as HEAD, handle as OPTIONS, handle as PATCH, handle as POST };
