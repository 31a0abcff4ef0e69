import type { ApiDeps } from "../src/index.ts";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { wallhavenApi } from "../src/wallhaven/index.ts";

export const ORIGIN = "https://walls.example";

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export interface Identity {
  /** sent as X-API-Key, or as ?apikey= with `asParameter` */
  key?: string;
  asParameter?: boolean;
  /** the client address the rate limit counts against */
  address?: string;
}

/** The /api/v1 routes of the web app, as apps/web/src/app/api/v1/** wire them. */
function route(deps: ApiDeps, request: Request): Promise<Response> {
  const segments = new URL(request.url).pathname.split("/").slice(3).map(decodeURIComponent);
  const [name, ...rest] = segments;
  if (name === "search") return wallhavenApi.search(deps, request, ORIGIN);
  if (name === "w") return wallhavenApi.wallpaper(deps, request, rest[0] ?? "", ORIGIN);
  if (name === "tag") return wallhavenApi.tag(deps, request, rest[0] ?? "");
  if (name === "settings") return wallhavenApi.settings(deps, request);
  if (name === "collections") return wallhavenApi.collections(deps, request, rest, ORIGIN);
  throw new Error(`no such route in the test: ${name}`);
}

let nextAddress = 0;

/** A GET the way a wallhaven client sends it; each anonymous call from its own address unless told. */
export async function wallhavenGet(deps: ApiDeps, path: string, who: Identity = {}): Promise<Answer> {
  const url = new URL(path, ORIGIN);
  const headers = new Headers({
    "x-forwarded-for": who.address ?? `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`,
  });
  if (who.key !== undefined) {
    if (who.asParameter) url.searchParams.set("apikey", who.key);
    else headers.set("x-api-key", who.key);
  }
  const response = await route(deps, new Request(url, { headers }));
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** The tRPC caller with the same identity (anonymous, or the API key as a bearer token). */
export async function trpcAs(deps: ApiDeps, key?: string) {
  const headers = new Headers(key === undefined ? {} : { authorization: `Bearer ${key}` });
  return createCaller(await createTRPCContext({ headers, deps }));
}

/** Ids of one wallhaven-sized page of a tRPC search, walking the cursor as a gallery would. */
export async function trpcPageIds(
  caller: Awaited<ReturnType<typeof trpcAs>>,
  q: string,
  page = 1,
): Promise<{ ids: string[]; total: number; seed: number | null }> {
  let cursor: string | null = null;
  let first: { total: number; seed: number | null } | null = null;
  for (let index = 1; ; index += 1) {
    const result = await caller.wallpaper.search({ q, limit: 24, cursor });
    first ??= result;
    if (index === page)
      return { ids: result.items.map((item) => item.id), total: first.total, seed: first.seed };
    cursor = result.nextCursor;
    if (cursor === null) return { ids: [], total: first.total, seed: first.seed };
  }
}

export function idsOf(answer: Answer): string[] {
  return (answer.body.data as { id: string }[]).map((item) => item.id);
}
