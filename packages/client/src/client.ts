import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "@wallpaperdb/api";
import superjson from "superjson";
import { normalizeBaseUrl } from "./base-url.ts";
import { defaultApiKey } from "./credentials.ts";

export { normalizeBaseUrl };

export interface WallpaperClientOptions {
  /** The app's base URL, e.g. http://localhost:3000 (tRPC and the upload endpoint hang off it). */
  baseUrl: string;
  /**
   * Sent as `authorization: Bearer <key>`; the key acts as its owner. Left out: WALLPAPERDB_API_KEY,
   * else the key `wallpaperdb login` stored for this same server; `null`: no key (anonymous).
   */
  apiKey?: string | null;
  /** A custom fetch (tests, proxies); defaults to the global one. */
  fetch?: typeof globalThis.fetch;
}

export type WallpaperClient = TRPCClient<AppRouter>;

/**
 * uploadFile needs the base URL and key again for the tus requests; remembering them per client
 * keeps `uploadFile(client, path)` short without wrapping the tRPC proxy in another object.
 */
const connections = new WeakMap<object, Connection>();

export interface Connection {
  baseUrl: string;
  /** The key to send (looked up once, on first use), or undefined for none. */
  apiKey: () => Promise<string | undefined>;
}

function keyLookup(options: WallpaperClientOptions, baseUrl: string): () => Promise<string | undefined> {
  if (options.apiKey === null) return async () => undefined;
  const given = options.apiKey;
  if (given) return async () => given;
  let found: Promise<string | undefined> | undefined;
  return () => {
    found ??= defaultApiKey(baseUrl);
    return found;
  };
}

export function authHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export function createWallpaperClient(options: WallpaperClientOptions): WallpaperClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const apiKey = keyLookup(options, baseUrl);
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: async () => authHeaders(await apiKey()),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
  connections.set(client, { baseUrl, apiKey });
  return client;
}

/** The settings a client was made with, or undefined for a client this package did not create. */
export function connectionOf(client: WallpaperClient): Connection | undefined {
  return connections.get(client);
}
