import { expect, test } from "@playwright/test";
// The client package as a script would use it (the root package does not depend on it by name).
import { createWallpaperClient } from "@wallpaperdb/client";
import { signUp } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { expectNoOverflow } from "./upload-page.ts";

// Issue #19: a script user gets a key from the account page with one click on Copy, and the copied key
// works from the client package. At desktop and phone sizes; each run signs up its own account, so a
// retry never meets the keys of an earlier attempt.
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

for (const size of sizes) {
  test.describe(`API keys at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a new key is copied with the Copy button and works from a script", async ({
      page,
      context,
      baseURL,
    }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const problems = watchForProblems(page);
      const stamp = `${size.name}-${Date.now()}`;
      await signUp(page, {
        name: "Kim Keys",
        email: `keys-${stamp}@example.test`,
        password: "a long enough passphrase",
      });

      await page.getByLabel("Key name").fill("laptop import");
      await page.getByRole("button", { name: "Create key" }).click();
      const shown = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
      expect(shown).toMatch(/^wpdb_/);
      const copy = page.getByRole("button", { name: "Copy the key laptop import" });
      await copy.click();
      await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
      await expect(copy).toHaveText("Copied");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(shown);

      await page.getByTestId("new-api-key").scrollIntoViewIfNeeded();
      await page.screenshot({
        path: test.info().outputPath(`${size.name}-api-key-copied.png`),
        fullPage: true,
      });
      await expectNoOverflow(page);

      const me = await createWallpaperClient({ baseUrl: baseURL ?? "", apiKey: copied }).account.me.query();
      expect(me?.email).toBe(`keys-${stamp}@example.test`);
      // The confirmation goes away by itself; the key stays on screen until the page is left.
      await expect(copy).toHaveText("Copy", { timeout: 6000 });
      expect(problems).toEqual([]);
    });
  });
}
