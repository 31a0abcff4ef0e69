// Liveness only: answers while the process can serve requests, without touching any dependency.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(
    { status: "ok", time: new Date().toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
}
