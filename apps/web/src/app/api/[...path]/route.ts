import { AppError, problemResponse } from "@wallpaperdb/core/errors";

// Any /api path no other route claims: a stable not_found problem instead of the HTML 404 page.
export const dynamic = "force-dynamic";

function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  return problemResponse(new AppError("not_found", `There is no API route at ${path}.`), path);
}

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
