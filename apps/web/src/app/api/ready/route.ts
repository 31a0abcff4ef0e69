import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import { checkWebReadiness } from "~/server/deps.ts";
import { problemFromError } from "~/server/problem.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { ok, checks } = await checkWebReadiness();
    if (ok) {
      return Response.json(
        { status: "ready", time: new Date().toISOString(), checks },
        { headers: { "cache-control": "no-store" } },
      );
    }
    const failing = checks.filter((check) => !check.ok);
    const summary = failing.map((check) => `${check.label}: ${check.detail}`).join("; ");
    const error = new AppError("dependency_unavailable", `Not ready. ${summary}`, {
      failing: failing.map((check) => check.name),
      checks,
    });
    return problemResponse(error, new URL(request.url).pathname);
  } catch (error) {
    return problemFromError(error, request);
  }
}
