import { e2eEnv } from "../apps/web/scripts/e2e-env.ts";

/**
 * The install's first account (so an admin), created once by global-setup before any spec runs.
 * Specs that need curator powers sign in with it; specs about sign-up make accounts of their own.
 */
export const e2eAdmin = {
  name: "Ada Admin",
  email: "ada-admin@example.test",
  password: "a long enough passphrase",
};

export async function createE2eAdmin(): Promise<void> {
  const origin = `http://127.0.0.1:${e2eEnv.webPort}`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(e2eAdmin),
  });
  if (!response.ok) {
    throw new Error(`could not create the e2e admin: ${response.status} ${await response.text()}`);
  }
}
