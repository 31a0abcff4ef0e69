import { checkOrigin } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import type { ApiDeps } from "../context.ts";
import { createCaller } from "../root.ts";
import { createTRPCContext } from "../trpc.ts";
import { restProblem, toAppError } from "./errors.ts";
import { type RestOperation, restOperations } from "./operations.ts";
import { callerInputSchema, inputFromQuery, pathParameterNames } from "./procedure-input.ts";

export const REST_PREFIX = "/api/rest";

export interface RestHandlerOptions {
  /** Opened lazily by the host; a failure answers dependency_unavailable. */
  getDeps: () => Promise<ApiDeps>;
  trustedOrigins: readonly string[];
  /** Told about failures of the server (5xx), never about refusals of a request. */
  onServerError?: (error: unknown, operation: string) => void;
}

interface CompiledOperation {
  operation: RestOperation;
  pattern: RegExp;
  names: string[];
  /** `GET` gets its input from the query string, the rest from a JSON body. */
  querySchema: ReturnType<typeof callerInputSchema>;
}

function compile(operation: RestOperation): CompiledOperation {
  const source = operation.path
    .split("/")
    .map((segment) => (/^\{.+\}$/.test(segment) ? "([^/]+)" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return {
    operation,
    pattern: new RegExp(`^${source}/?$`),
    names: pathParameterNames(operation.path),
    querySchema: callerInputSchema(operation),
  };
}

// Literal paths first, so `/tags/autocomplete` is never read as the tag named "autocomplete".
let compiled: CompiledOperation[] | null = null;
function operations(): CompiledOperation[] {
  compiled ??= restOperations.map(compile).sort((a, b) => a.names.length - b.names.length);
  return compiled;
}

/** A malformed escape (`%zz`) stays as sent, and the procedure's schema refuses it as validation_failed. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(method: string, path: string) {
  const allowed: string[] = [];
  for (const entry of operations()) {
    const found = entry.pattern.exec(path);
    if (!found) continue;
    if (entry.operation.method !== method) {
      allowed.push(entry.operation.method);
      continue;
    }
    const params = Object.fromEntries(
      entry.names.map((name, index) => [name, decodePathSegment(found[index + 1] ?? "")]),
    );
    return { entry, params, allowed };
  }
  return { entry: null, params: {}, allowed };
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  // The CSRF lock of the tRPC route: a cookie-carrying write must be JSON, which a form cannot send.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_type", "Send JSON (content-type: application/json).", {
      reason: "content_type",
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.", { reason: "invalid_json" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("bad_request", "The body must be a JSON object.", { reason: "invalid_json" });
  }
  return body as Record<string, unknown>;
}

/** Calls a procedure by its dotted path on a server-side caller. */
async function callProcedure(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  if (typeof target !== "function") throw new AppError("internal", `No procedure ${path}.`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/**
 * The REST API as one fetch handler (the Next route `/api/rest/[...path]`, or a test). Every operation
 * runs its tRPC procedure with the same context a tRPC request gets (session cookie or API key), so
 * authorization, rate limits and error codes are the procedure's, answered as problem+json.
 */
export async function handleRestRequest(request: Request, options: RestHandlerOptions): Promise<Response> {
  const url = new URL(request.url);
  const instance = url.pathname;
  const path = url.pathname.startsWith(REST_PREFIX) ? url.pathname.slice(REST_PREFIX.length) : url.pathname;
  const { entry, params, allowed } = match(request.method, path);
  if (!entry) {
    const error =
      allowed.length > 0
        ? new AppError("bad_request", `${request.method} is not allowed here.`, {
            reason: "method_not_allowed",
            allow: allowed,
          })
        : new AppError("not_found", "No REST operation at this path; see /api/openapi.json.", {
            reason: "no_route",
          });
    return restProblem(error, instance);
  }
  const { operation } = entry;
  try {
    const refused = checkOrigin(request, options.trustedOrigins);
    if (refused) throw refused;
    const fromRequest =
      operation.method === "GET"
        ? inputFromQuery(url.searchParams, entry.querySchema?.rest)
        : await readBody(request);
    const input = entry.querySchema ? { ...fromRequest, ...params, ...operation.fixed } : undefined;
    const deps = await options.getDeps().catch((cause: unknown) => {
      options.onServerError?.(cause, operation.operationId);
      throw new AppError("dependency_unavailable", "A backing service is unavailable; try again shortly.");
    });
    const caller = createCaller(await createTRPCContext({ headers: request.headers, deps }));
    const result = await callProcedure(caller, operation.procedure, input);
    return Response.json(result, {
      status: operation.status ?? 200,
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) options.onServerError?.(error, operation.operationId);
    return restProblem(appError, instance);
  }
}
