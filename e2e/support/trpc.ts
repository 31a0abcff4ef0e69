import { type APIRequestContext, expect } from "@playwright/test";

/**
 * A tRPC call as the browser makes it (superjson envelope, the page's cookies). "vocabulary" is a
 * mutation that also accepts 409: a retried seed finds its tags, aliases and implications already there.
 */
export async function trpc<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: "query" | "mutation" | "vocabulary",
): Promise<T> {
  const response =
    kind === "query"
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (kind === "vocabulary" && response.status() === 409) return undefined as T;
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}
