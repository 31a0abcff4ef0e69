import { expect, test } from "@playwright/test";
import { signIn } from "./accounts.ts";

test.describe("home page", () => {
  test("renders the product", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/WallpaperDB/);
    await expect(page.getByRole("link", { name: "WallpaperDB home" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("stored once");
  });
});

// What the public status page showed now lives on the admin system page (and /api/ready below).
test.describe("admin system page", () => {
  test("is one click from the admin area, and every dependency is ready", async ({ page }) => {
    await signIn(page);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("link", { name: "System", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/system$/);

    const dependencies = page.getByTestId("system-dependencies");
    for (const name of ["postgres", "nats", "jetstream", "blob_store"]) {
      const check = dependencies.locator(`[data-check="${name}"]`);
      await expect(check).toHaveAttribute("data-ok", "true", { timeout: 15_000 });
      await expect(check).toContainText("ready");
    }
  });
});

test.describe("validation from the server", () => {
  test("a blank API key name is refused in the form with the server's message", async ({ page }) => {
    await signIn(page);
    // Passes the browser's `required` check; the server trims it to nothing and refuses it.
    await page.getByLabel("Key name").fill("   ");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Some fields are not valid.")).toBeVisible();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  });
});

test.describe("HTTP contract", () => {
  test("/api/health is 200 JSON without touching dependencies", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["x-powered-by"]).toBeUndefined();
  });

  test("/api/ready is 200 with every check passing", async ({ request }) => {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; checks: { name: string; ok: boolean }[] };
    expect(body.status).toBe("ready");
    expect(body.checks.map((check) => check.name).sort()).toEqual([
      "blob_store",
      "jetstream",
      "nats",
      "postgres",
    ]);
    expect(body.checks.every((check) => check.ok)).toBe(true);
  });

  test("an unknown /api route is a not_found problem document", async ({ request }) => {
    const response = await request.get("/api/does-not-exist");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 404,
      code: "not_found",
      instance: "/api/does-not-exist",
    });
  });

  test("bad tRPC input answers validation_failed with per-field errors", async ({ request }) => {
    const input = encodeURIComponent(JSON.stringify({ json: { wallpaperId: "not-a-uuid" } }));
    const response = await request.get(`/api/trpc/wallpaper.byId?input=${input}`);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as {
      error: { json: { data: { code: string; fieldErrors: unknown } } };
    };
    expect(body.error.json.data.code).toBe("validation_failed");
    expect(body.error.json.data.fieldErrors).toMatchObject({ wallpaperId: [expect.any(String)] });
  });

  test("an unknown wallpaper id answers not_found", async ({ request }) => {
    const input = encodeURIComponent(
      JSON.stringify({ json: { wallpaperId: "00000000-0000-4000-8000-000000000000" } }),
    );
    const response = await request.get(`/api/trpc/wallpaper.byId?input=${input}`);
    expect(response.status()).toBe(404);
    const body = (await response.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("not_found");
  });
});
