import type { ApiDeps } from "../src/index.ts";
import { handleRestRequest, REST_PREFIX, type RestOperation } from "../src/rest/index.ts";

export interface RestCall {
  apiKey?: string;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

function searchOf(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const each of Array.isArray(value) ? value : [value]) params.append(name, String(each));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** One REST request through the real handler (the Next route calls the same function). */
export function restRequest(
  deps: ApiDeps,
  method: string,
  path: string,
  call: RestCall = {},
): Promise<Response> {
  const headers = new Headers(call.headers);
  if (call.apiKey) headers.set("authorization", `Bearer ${call.apiKey}`);
  if (call.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${REST_PREFIX}${path}${searchOf(call.query)}`, {
    method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  return handleRestRequest(request, { getDeps: async () => deps, trustedOrigins: ["http://localhost"] });
}

/** Splits a procedure input into the operation's path, and its query (GET) or body (others). */
export function restCallFor(operation: RestOperation, input: Record<string, unknown>) {
  const rest: Record<string, unknown> = { ...input };
  const path = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  for (const name of Object.keys(operation.fixed ?? {})) delete rest[name];
  return operation.method === "GET" ? { path, query: rest } : { path, body: rest };
}
