import { expect, test } from "@playwright/test";
import { signIn } from "./accounts.ts";
import { watchForProblems } from "./support/problems.ts";
import { expectNoOverflow } from "./upload-page.ts";

// The HTTP API's reference page (issue #19): a visitor finds it from the footer, and it renders the
// OpenAPI document from this server alone (the viewer is bundled; nothing is fetched from elsewhere).
const sizes = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

for (const size of sizes) {
  test.describe(`API reference at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test("a visitor opens the reference from the footer and reads an operation", async ({
      page,
      baseURL,
    }) => {
      const problems = watchForProblems(page);
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith("http") && url.origin !== new URL(baseURL ?? "").origin)
          foreign.push(url.href);
      });
      await page.goto("/tags");
      await page.getByRole("contentinfo").getByRole("link", { name: "HTTP API" }).click();
      await expect(page).toHaveURL(/\/developers\/api$/);
      await expect(page.getByRole("heading", { level: 1, name: "HTTP API" })).toBeVisible();
      await expect(page.locator(".api-reference")).toHaveAttribute("data-state", "ready", {
        timeout: 30_000,
      });
      await expect(page.getByText("WallpaperDB REST API", { exact: false }).first()).toBeVisible();

      await expectNoOverflow(page);
      await page.screenshot({ path: test.info().outputPath(`${size.name}-api-reference-top.png`) });

      // One operation opened: its query parameters come from the procedure's own input schema.
      const search = page.locator("#operations-Wallpapers-searchWallpapers");
      await search.locator(".opblock-summary").first().click();
      await expect(search.getByText("Calls the tRPC procedure")).toBeVisible();
      await expect(search.locator("tr[data-param-name='q']")).toBeVisible();
      await expect(page.locator("#operations-Uploads-createUpload")).toBeVisible();

      await expectNoOverflow(page);
      await page.screenshot({
        path: test.info().outputPath(`${size.name}-api-reference.png`),
        fullPage: false,
      });
      expect(foreign, "requests to other hosts").toEqual([]);
      expect(problems).toEqual([]);
    });
  });
}

test("the OpenAPI document is served as JSON, OpenAPI 3.1, with the REST server", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; servers: { url: string }[]; paths: object };
  expect(document.openapi).toBe("3.1.0");
  expect(document.servers[0]?.url).toBe("/api/rest");
  expect(Object.keys(document.paths)).toContain("/search");
});

test("REST answers to the browser's session cookie, and the same write from another site is refused", async ({
  page,
  baseURL,
}) => {
  const visitor = await page.request.get("/api/rest/favorites");
  expect(visitor.status()).toBe(401);
  expect(visitor.headers()["content-type"]).toBe("application/problem+json");
  expect(((await visitor.json()) as { code: string }).code).toBe("unauthorized");

  await signIn(page);
  const mine = await page.request.get("/api/rest/favorites?limit=5");
  expect(mine.status()).toBe(200);
  expect(Array.isArray(((await mine.json()) as { items: unknown[] }).items)).toBe(true);
  // Same-origin JSON writes work with the cookie; a foreign Origin is the CSRF lock's forbidden.
  const created = await page.request.post("/api/rest/collections", {
    data: { name: "made in the browser", isPublic: false },
    headers: { origin: new URL(baseURL ?? "").origin },
  });
  expect(created.status()).toBe(201);
  const foreign = await page.request.post("/api/rest/collections", {
    data: { name: "cross-site" },
    headers: { origin: "https://elsewhere.example" },
  });
  expect(foreign.status()).toBe(403);
  expect(((await foreign.json()) as { code: string }).code).toBe("forbidden");
});
