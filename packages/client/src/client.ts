import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "@wallpaperdb/api";
import superjson from "superjson";

export interface WallpaperClientOptions {
  /** The app's base URL, e.g. http://localhost:3000 (tRPC and the upload endpoint hang off it). */
  baseUrl: string;
  /** Sent as `authorization: Bearer <key>`; create one on the account page. The key acts as its owner. */
  apiKey?: string;
  /** A custom fetch (tests, proxies); defaults to the global one. */
  fetch?: typeof globalThis.fetch;
}

export type WallpaperClient = TRPCClient<AppRouter>;

/**
 * uploadFile needs the base URL and key again for the tus requests; remembering them per client
 * keeps `uploadFile(client, path)` short without wrapping the tRPC proxy in another object.
 */
const connections = new WeakMap<object, WallpaperClientOptions>();

export function authHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`The base URL must be http(s), got ${url.protocol}`);
  }
  return url.toString().replace(/\/+$/, "");
}

export function createWallpaperClient(options: WallpaperClientOptions): WallpaperClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => authHeaders(options.apiKey),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
  connections.set(client, { ...options, baseUrl });
  return client;
}

/** The settings a client was made with, or undefined for a client this package did not create. */
export function connectionOf(client: WallpaperClient): WallpaperClientOptions | undefined {
  return connections.get(client);
}
