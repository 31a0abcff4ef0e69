import { expect, type Page } from "@playwright/test";
import { e2eEnv } from "./support/env.ts";

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

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** Signs in through the page (lands on /account). */
export async function signIn(page: Page, account: Account = e2eAdmin): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Creates an account through the sign-up page (lands on /account, signed in). */
export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
}
