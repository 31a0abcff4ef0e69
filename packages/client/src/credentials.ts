import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { normalizeBaseUrl } from "./client.ts";
import { clientEnv } from "./env.ts";

/** What `wallpaperdb login` keeps: one server and the key made for this machine on it. */
export interface StoredCredentials {
  url: string;
  apiKey: string;
  /** For `logout`, which revokes the key on the server before deleting the file. */
  keyId: string;
  keyName: string;
  email: string;
}

export function credentialsPath(configDir = clientEnv().configDir): string {
  return join(configDir, "credentials.json");
}

function isCredentials(value: unknown): value is StoredCredentials {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["url", "apiKey", "keyId", "keyName", "email"].every((field) => typeof record[field] === "string");
}

/** The stored credentials, or null when there are none (or the file is not ours to read). */
export async function readCredentials(path = credentialsPath()): Promise<StoredCredentials | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isCredentials(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Written to a temporary file created 0600 and renamed over the old one, so the key is never readable
 * by others, not even for an instant, and a crash never leaves half a file.
 */
export async function writeCredentials(
  credentials: StoredCredentials,
  path = credentialsPath(),
): Promise<void> {
  const dir = join(path, "..");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // mode is ignored when the file already existed (a leftover temporary); make sure.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

export async function deleteCredentials(path = credentialsPath()): Promise<void> {
  await rm(path, { force: true });
}

/**
 * The key to send to `baseUrl` when the caller gave none: WALLPAPERDB_API_KEY, else the stored key,
 * but only for the server it was made on (a key is never sent to another host).
 */
export async function defaultApiKey(baseUrl: string, path = credentialsPath()): Promise<string | undefined> {
  const fromEnv = clientEnv().apiKey;
  if (fromEnv) return fromEnv;
  const stored = await readCredentials(path);
  if (!stored) return undefined;
  return normalizeBaseUrl(stored.url) === normalizeBaseUrl(baseUrl) ? stored.apiKey : undefined;
}
