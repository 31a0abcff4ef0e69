import { type Browser, expect, type Page, test } from "@playwright/test";
import { type Account, e2eAdmin, signIn, signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { uniqueJpeg } from "./unique-image.ts";
import { expectNoOverflow, uploadThroughPage } from "./upload-page.ts";

// Feeds, uploader pages and the account basics, as people meet them: follow a search's feed from the
// gallery, visit an uploader's page from a wallpaper, change a password, sign out everywhere, delete an
// account (uploads kept without a name), and an admin who disables an account and hands over a
// one-time password.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

const run = Date.now().toString(36);

function account(label: string, size: string): Account {
  return {
    name: `${label} ${size} ${run}`,
    email: `${label.toLowerCase().replace(/\W+/gu, "-")}-${size}-${run}@example.test`,
    password: "first passphrase 1",
  };
}

/** The handle sign-up derives from a name (lower-case, runs of other characters one `-`, at most 24). */
const handleOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .slice(0, 24)
    .replace(/^-+|-+$/gu, "");

/**
 * A screenshot of the whole page, and no sideways overflow. With mobile emulation Chromium widens the
 * layout viewport to fit content that is too wide, so the viewport's own width is checked as well.
 */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  await expectNoOverflow(page);
  expect(await page.evaluate(() => window.innerWidth), "layout viewport width").toBe(
    page.viewportSize()?.width,
  );
}

/** Waits until the wallpaper is processed: searches list it only then. */
async function waitUntilListed(page: Page, path: string, id: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

async function signedOutOnAccountPage(page: Page) {
  await page.goto("/account");
  await expect(page.getByText("to see your account")).toBeVisible();
}

async function newPage(browser: Browser, size: (typeof sizes)[number]) {
  const context = await browser.newContext({
    viewport: size.viewport,
    hasTouch: size.touch,
    isMobile: size.touch,
  });
  return context.newPage();
}

for (const size of sizes) {
  test.describe(`feeds and accounts at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a search's feed from the gallery, and the uploader's page from a wallpaper", async ({ page }) => {
      test.setTimeout(120_000);
      const uploader = account("Feed Uploader", size.name);
      await signUp(page, uploader);
      const handle = handleOf(uploader.name);
      await expect(page.getByTestId("account-username")).toHaveText(`@${handle}`);
      const file = `feed-${size.name}.jpg`;
      const id = (await uploadThroughPage(page, [await uniqueJpeg(file)]))[file] ?? "";
      const problems = watchForProblems(page);

      const search = `/?q=${encodeURIComponent(`uploader:${handle}`)}`;
      await waitUntilListed(page, search, id);
      const feedUrl = `/feed?q=${encodeURIComponent(`uploader:${handle}`)}`;
      // Feed readers find it from the page itself.
      await expect(page.locator('head link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute(
        "href",
        feedUrl,
      );
      // People find it behind "More filters".
      await page.getByRole("button", { name: /More filters/u }).click();
      const link = page.getByTestId("filter-feed");
      await expect(link).toHaveAttribute("href", feedUrl);
      await shot(page, `${size.name}-gallery-feed-link`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === "/feed"),
        link.click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
      const xml = await response.text();
      // Chromium's own XML parser: a document that is not well-formed Atom shows a parsererror.
      const base = new URL(page.url()).origin;
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const atom = "http://www.w3.org/2005/Atom";
        return {
          error: doc.getElementsByTagName("parsererror").length,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          title: doc.getElementsByTagNameNS(atom, "title")[0]?.textContent,
          entries: [...doc.getElementsByTagNameNS(atom, "entry")].map((entry) => ({
            id: entry.getElementsByTagNameNS(atom, "id")[0]?.textContent,
            links: [...entry.getElementsByTagNameNS(atom, "link")].map(
              (l) => `${l.getAttribute("rel")} ${l.getAttribute("href")}`,
            ),
          })),
        };
      }, xml);
      expect(parsed.error).toBe(0);
      expect(parsed.root).toBe("http://www.w3.org/2005/Atom feed");
      expect(parsed.title).toBe(`WallpaperDB: uploader:${handle}`);
      expect(parsed.entries).toEqual([
        {
          id: `urn:uuid:${id}`,
          links: [
            `alternate ${base}/wallpapers/${id}`,
            expect.stringMatching(new RegExp(`^enclosure ${base}/media/${id}/`, "u")),
          ],
        },
      ]);
      // The preview a reader shows is served.
      const preview = parsed.entries[0]?.links[1]?.split(" ")[1] ?? "";
      expect((await page.request.get(preview)).status()).toBe(200);

      // The wallpaper's page names its uploader; the name leads to their page.
      await page.goto(`/wallpapers/${id}`);
      await page.getByTestId("wallpaper-uploader").getByRole("link", { name: uploader.name }).click();
      await expect(page).toHaveURL(`/users/${handle}`);
      await expect(page.getByRole("heading", { name: uploader.name })).toBeVisible();
      await expect(page.getByTestId("uploader-head")).toContainText("1 upload");
      await expect(page.locator(`[data-testid=gallery-tile][data-id="${id}"]`)).toBeVisible();
      await shot(page, `${size.name}-uploader-page`);

      const missing = await page.goto("/users/no-such-account");
      expect(missing?.status()).toBe(404);
      expect(problems.filter((p) => !p.includes("/users/no-such-account"))).toEqual([]);
    });

    test("change my password, sign in with the new one, and sign out everywhere else", async ({
      page,
      browser,
    }) => {
      const me = account("Password Changer", size.name);
      await signUp(page, me);
      const problems = watchForProblems(page);
      const laptop = await newPage(browser, size);
      await signIn(laptop, me);

      const panel = page.getByTestId("password-panel");
      await panel.getByLabel("Current password").fill(me.password);
      await panel.getByLabel("New password", { exact: true }).fill("second passphrase 2");
      await panel.getByLabel("New password again").fill("second passphrase 2");
      await panel.getByRole("button", { name: "Change password" }).click();
      await expect(panel.getByRole("status")).toHaveText("Password changed.");
      await shot(page, `${size.name}-account-password-changed`);
      // The other device was signed out; this one stays.
      await signedOutOnAccountPage(laptop);
      await page.reload();
      await expect(page.getByTestId("password-panel")).toBeVisible();

      await laptop.goto("/sign-in");
      await laptop.getByLabel("Email").fill(me.email);
      await laptop.getByLabel("Password").fill(me.password);
      await laptop.getByRole("button", { name: "Sign in" }).click();
      await expect(laptop.locator(".auth-form").getByRole("alert")).toContainText(
        /invalid email or password/iu,
      );
      await signIn(laptop, { ...me, password: "second passphrase 2" });

      await page
        .getByTestId("sessions-panel")
        .getByRole("button", { name: "Sign out everywhere else" })
        .click();
      await expect(page.getByTestId("sessions-panel").getByRole("status")).toHaveText(
        "Every other session has ended.",
      );
      await signedOutOnAccountPage(laptop);
      await page.reload();
      await expect(page.getByTestId("sessions-panel")).toBeVisible();
      expect(problems).toEqual([]);
      await laptop.context().close();
    });

    test("delete my account and keep my uploads, without my name", async ({ page }) => {
      test.setTimeout(120_000);
      const me = account("Leaving Uploader", size.name);
      await signUp(page, me);
      const handle = handleOf(me.name);
      const file = `leaving-${size.name}.jpg`;
      const id = (await uploadThroughPage(page, [await uniqueJpeg(file)]))[file] ?? "";
      await waitUntilListed(page, `/users/${handle}`, id);
      const problems = watchForProblems(page);

      await page.goto("/account");
      const panel = page.getByTestId("delete-account-panel");
      await expect(panel.getByLabel(/Keep them in the gallery/u)).toBeChecked();
      await panel.getByLabel("Password").fill("not my password");
      await panel.getByRole("button", { name: "Delete my account" }).click();
      await expect(panel.getByRole("alert")).toHaveText("That is not your password.");
      await panel.getByLabel("Password").fill(me.password);
      await shot(page, `${size.name}-account-delete`);
      await panel.getByRole("button", { name: "Delete my account" }).click();
      await expect(page).toHaveURL("/?account=deleted");
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

      await page.goto(`/wallpapers/${id}`);
      await expect(page.getByTestId("wallpaper-uploader")).toHaveText("anonymous");
      const gone = await page.goto(`/users/${handle}`);
      expect(gone?.status()).toBe(404);
      // The forbidden answer to the wrong password and the 404 asked for above are expected.
      expect(problems.filter((p) => !/api\/trpc\/account\.delete|\/users\//u.test(p))).toEqual([]);
    });

    test("an admin disables an account, then hands over a one-time password", async ({ page, browser }) => {
      const user = account("Locked Out", size.name);
      const userPage = await newPage(browser, size);
      await signUp(userPage, user);

      await signIn(page, e2eAdmin);
      const problems = watchForProblems(page);
      await page.goto("/admin/users");
      await page.getByLabel("Find an account").fill(user.email);
      await page.getByRole("button", { name: "Find" }).click();
      const row = page.locator(`[data-testid=admin-user-row][data-email="${user.email}"]`);
      await expect(row).toContainText("active");
      await row.getByRole("button", { name: "Disable" }).click();
      await expect(row).toContainText("disabled");
      await shot(page, `${size.name}-admin-users-disabled`);

      // Its session ended, and it cannot sign in again.
      await signedOutOnAccountPage(userPage);
      await userPage.goto("/sign-in");
      await userPage.getByLabel("Email").fill(user.email);
      await userPage.getByLabel("Password").fill(user.password);
      await userPage.getByRole("button", { name: "Sign in" }).click();
      await expect(userPage.locator(".auth-form").getByRole("alert")).toHaveText("This account is disabled.");

      await row.getByRole("button", { name: "Enable" }).click();
      await expect(row).toContainText("active");
      await row.getByRole("button", { name: "One-time password" }).click();
      const code = (await page.getByTestId("one-time-password").textContent()) ?? "";
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/u);
      await expect(row).toContainText("one-time password");
      await shot(page, `${size.name}-admin-users-one-time`);

      // The old password is gone; the one-time one signs in and asks for a new one first.
      await userPage.getByLabel("Password").fill(code);
      await userPage.getByRole("button", { name: "Sign in" }).click();
      await expect(userPage).toHaveURL(/\/account#password$/u);
      await expect(userPage.getByTestId("must-change-password")).toBeVisible();
      await expect(userPage.getByTestId("delete-account-panel")).toHaveCount(0);
      await shot(userPage, `${size.name}-account-must-change`);
      const panel = userPage.getByTestId("password-panel");
      await panel.getByLabel("One-time password").fill(code);
      await panel.getByLabel("New password", { exact: true }).fill("my own passphrase 3");
      await panel.getByLabel("New password again").fill("my own passphrase 3");
      await panel.getByRole("button", { name: "Change password" }).click();
      await expect(userPage.getByTestId("sessions-panel")).toBeVisible();
      await expect(userPage.getByTestId("must-change-password")).toHaveCount(0);
      await userPage.context().clearCookies();
      await signIn(userPage, { ...user, password: "my own passphrase 3" });
      expect(problems).toEqual([]);
      await userPage.context().close();
    });
  });
}
