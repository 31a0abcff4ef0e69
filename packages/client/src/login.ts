import { hostname } from "node:os";
import { normalizeBaseUrl } from "./base-url.ts";
import { createWallpaperClient } from "./client.ts";

export interface SignInOptions {
  baseUrl: string;
  email: string;
  password: string;
  /** Defaults to `wallpaperdb CLI on <this machine's host name>`, so the account page says where it lives. */
  keyName?: string;
  fetch?: typeof globalThis.fetch;
}

export interface CreatedKey {
  apiKey: string;
  keyId: string;
  keyName: string;
}

/** Why signing in failed, with the stable code the auth endpoint answered (or the HTTP status). */
export class SignInError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(message: string, code: string, status: number) {
    super(message);
    this.name = "SignInError";
    this.code = code;
    this.status = status;
  }
}

export function defaultKeyName(): string {
  return `wallpaperdb CLI on ${hostname()}`;
}

/** The `name=value` pairs of the Set-Cookie headers, as a Cookie header sends them back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair.includes("="))
    .join("; ");
}

async function failure(response: Response): Promise<SignInError> {
  const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  const code = typeof body?.code === "string" ? body.code.toLowerCase() : `http_${response.status}`;
  const message =
    response.status === 401
      ? "Wrong email or password."
      : typeof body?.message === "string" && body.message
        ? body.message
        : `The server answered ${response.status} ${response.statusText}.`;
  return new SignInError(message, code, response.status);
}

/**
 * What a script needs a browser for otherwise: signs in through the auth endpoint (with the server's own
 * Origin, as its pages do), creates an API key with that session, and signs the session out again, so
 * only the key remains (listed, and revocable, on the account page).
 */
export async function signInForApiKey(options: SignInOptions): Promise<CreatedKey> {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const origin = new URL(baseUrl).origin;
  const send = options.fetch ?? globalThis.fetch;
  const headers = { "content-type": "application/json", origin };
  const signedIn = await send(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: options.email, password: options.password }),
  });
  if (!signedIn.ok) throw await failure(signedIn);
  const cookie = cookiesOf(signedIn);
  if (!cookie) throw new SignInError("The server signed in but set no session cookie.", "no_session", 500);
  const withSession: typeof globalThis.fetch = (input, init) => {
    const merged = new Headers(init?.headers);
    merged.set("cookie", cookie);
    merged.set("origin", origin);
    return send(input, { ...init, headers: merged });
  };
  try {
    const client = createWallpaperClient({ baseUrl, apiKey: null, fetch: withSession });
    const created = await client.account.apiKeys.create.mutate({ name: options.keyName ?? defaultKeyName() });
    return { apiKey: created.key, keyId: created.id, keyName: created.name };
  } finally {
    // The session was only the way to the key; a failed sign-out leaves a session that expires by itself.
    await send(`${baseUrl}/api/auth/sign-out`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: "{}",
    }).catch(() => undefined);
  }
}

/** Revokes a key with itself (a key may revoke, never create, keys). */
export async function revokeOwnKey(baseUrl: string, apiKey: string, keyId: string): Promise<void> {
  const client = createWallpaperClient({ baseUrl, apiKey });
  await client.account.apiKeys.revoke.mutate({ keyId });
}
