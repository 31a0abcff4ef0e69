import {
  credentialsPath,
  deleteCredentials,
  readCredentials,
  revokeOwnKey,
  SignInError,
  signInForApiKey,
  writeCredentials,
} from "@wallpaperdb/client";
import type { CliEnv } from "./env.ts";
import { chooseServer } from "./import-command.ts";
import { ask, askHidden, readStdin } from "./prompt.ts";
import { describeError, exitCodes, fatalOf } from "./server-errors.ts";

export interface LoginFlags {
  url: string | undefined;
  email: string | undefined;
  passwordStdin: boolean;
}

class UsageError extends Error {}

async function credentialsFrom(flags: LoginFlags, env: CliEnv): Promise<{ email: string; password: string }> {
  const interactive = Boolean(process.stdin.isTTY);
  const email = flags.email ?? env.email ?? (interactive ? await ask("Email: ") : "");
  if (!email) throw new UsageError("login needs --email (or WALLPAPERDB_EMAIL) when not run on a terminal");
  const password = flags.passwordStdin
    ? await readStdin()
    : (env.password ?? (interactive ? await askHidden("Password: ") : ""));
  if (!password) {
    throw new UsageError("login needs --password-stdin (or WALLPAPERDB_PASSWORD) when not run on a terminal");
  }
  return { email, password };
}

function fail(message: string, code: number): number {
  process.stderr.write(`wallpaperdb: ${message}\n`);
  return code;
}

export async function runLogin(flags: LoginFlags, env: CliEnv): Promise<number> {
  const baseUrl = await chooseServer(flags.url, env);
  let login: { email: string; password: string };
  try {
    login = await credentialsFrom(flags, env);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, exitCodes.usage);
    throw error;
  }
  const previous = await readCredentials();
  let created: Awaited<ReturnType<typeof signInForApiKey>>;
  try {
    created = await signInForApiKey({ baseUrl, ...login });
  } catch (error) {
    const fatal = fatalOf(error, baseUrl, false);
    if (fatal?.code === "unreachable") return fail(fatal.message, fatal.exitCode);
    if (error instanceof SignInError) {
      const code = error.status === 401 ? exitCodes.unauthorized : exitCodes.someFailed;
      return fail(`Could not sign in to ${baseUrl}: ${error.message}`, code);
    }
    return fail(`Could not create an API key on ${baseUrl}: ${describeError(error)}`, exitCodes.someFailed);
  }
  const path = credentialsPath();
  await writeCredentials({ url: baseUrl, ...created, email: login.email }, path);
  // The key this one replaces would otherwise stay valid, forgotten; revoking it is a courtesy.
  if (previous && previous.keyId !== created.keyId) {
    await revokeOwnKey(previous.url, previous.apiKey, previous.keyId).catch(() => undefined);
  }
  process.stdout.write(
    `Signed in to ${baseUrl} as ${login.email}. Created the API key “${created.keyName}” and stored it in ${path}.\n` +
      "`wallpaperdb import <folder>` now uploads as you; `wallpaperdb logout` revokes the key.\n",
  );
  return exitCodes.ok;
}

export async function runLogout(): Promise<number> {
  const path = credentialsPath();
  const stored = await readCredentials(path);
  if (!stored) {
    process.stdout.write(`Not logged in (no ${path}).\n`);
    return exitCodes.ok;
  }
  try {
    await revokeOwnKey(stored.url, stored.apiKey, stored.keyId);
  } catch (error) {
    const fatal = fatalOf(error, stored.url, true);
    // A key the server no longer takes is as good as revoked; anything else keeps the file for a retry.
    if (fatal?.code !== "unauthorized") {
      const why = fatal?.message ?? describeError(error);
      return fail(
        `The key stays stored in ${path}: ${why} Try again, or revoke “${stored.keyName}” on the account page and delete the file.`,
        fatal?.exitCode ?? exitCodes.someFailed,
      );
    }
  }
  await deleteCredentials(path);
  process.stdout.write(`Revoked the key “${stored.keyName}” on ${stored.url} and deleted ${path}.\n`);
  return exitCodes.ok;
}
