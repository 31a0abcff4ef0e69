import { expect, test } from "@playwright/test";
// The client package as a script would use it (the root package does not depend on it by name).
import { createWallpaperClient } from "@wallpaperdb/client";
import { type Account, e2eAdmin, signIn, signUp } from "./accounts.ts";

// A new account through the whole story. The install's first account (created by global-setup) is
// the admin; every later sign-up is a plain user.
const account: Account = {
  name: "Una User",
  email: `una-${Date.now()}@example.test`,
  password: "a long enough passphrase",
};

test.describe.configure({ mode: "serial" });

test("sign up (a later account is a user), sign out, wrong password, sign in", async ({ page }) => {
  await signUp(page, account);
  await expect(page.getByTestId("account-role")).toHaveText("user");
  await expect(page.getByTestId("user-menu-account")).toContainText(account.name);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Scoped to the form: Next adds its own (empty) route-announcer alert to every page.
  await expect(page.locator("form").getByRole("alert")).toContainText(/invalid email or password/i);
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-role")).toHaveText("user");
});

test("the install's first account is the admin", async ({ page }) => {
  await signIn(page, e2eAdmin);
  await expect(page.getByTestId("account-role")).toHaveText("admin");
});

test("an API key made on the account page works from the client package, until revoked", async ({
  page,
  baseURL,
}) => {
  await signIn(page, e2eAdmin);

  await page.getByLabel("Key name").fill("e2e script");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wpdb_/);

  const client = createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: key });
  const me = await client.account.me.query();
  expect(me).toMatchObject({ email: e2eAdmin.email, role: "admin" });
  // A protected, admin-only procedure: the key carries its owner's role.
  const listed = await client.account.admin.users.list.query({});
  expect(listed.users.map((u) => u.email)).toContain(e2eAdmin.email);
  // Without the key the same call is refused.
  const anonymous = createWallpaperClient({ baseUrl: baseURL ?? "" });
  await expect(anonymous.account.admin.users.list.query({})).rejects.toMatchObject({
    data: { code: "unauthorized" },
  });

  // The page shows the key once; after a reload only its prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key.slice(0, 13))).toBeVisible();
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByText("revoked")).toBeVisible();
  await expect(client.account.me.query()).rejects.toMatchObject({ data: { code: "unauthorized" } });
});
