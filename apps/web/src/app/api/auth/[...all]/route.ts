import { getAuthServices } from "~/server/deps.ts";
import { problemFromError } from "~/server/problem.ts";

// better-auth's endpoints (sign-up, sign-in, sign-out, session), behind the shared sign-in rate limit.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  try {
    return await getAuthServices().handle(request);
  } catch (error) {
    return problemFromError(error, request);
  }
}

export { handle as GET, handle as POST };
