import { expect, test } from "@playwright/test";

test.describe("status page", () => {
  test("renders the product, and every dependency is ready", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/WallpaperDB/);
    await expect(page.getByRole("link", { name: "WallpaperDB home" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("stored once");
    await page.getByRole("link", { name: "Status" }).click();
    await expect(page).toHaveURL(/\/status$/);

    const panel = page.getByTestId("status-panel");
    await expect(panel.getByTestId("status-overall")).toHaveText("All systems ready", { timeout: 15_000 });
    for (const name of ["postgres", "nats", "jetstream", "blob_store"]) {
      await expect(panel.getByTestId(`check-${name}`)).toHaveAttribute("data-ok", "true");
      await expect(panel.getByTestId(`check-${name}`)).toContainText("ready");
    }
  });

  test("a ping travels browser → web → outbox → JetStream → worker → Postgres and back", async ({ page }) => {
    await page.goto("/status");
    const card = page.getByTestId("ping-card");
    await card.getByRole("textbox", { name: "Message" }).fill("e2e round trip");
    await card.getByRole("button", { name: "Send ping" }).click();
    const delivered = card.getByTestId("ping-delivered");
    await expect(delivered).toBeVisible({ timeout: 15_000 });
    await expect(delivered).toContainText(/Delivered by e2e-worker-1 in \d+ ms/);
  });

  test("an empty ping message shows the field error from the server", async ({ page }) => {
    await page.goto("/status");
    const card = page.getByTestId("ping-card");
    await card.getByRole("textbox", { name: "Message" }).fill("   ");
    await card.getByRole("button", { name: "Send ping" }).click();
    await expect(card.getByTestId("ping-result")).toContainText(/at least 1|too small|Too small/i);
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
    const input = encodeURIComponent(JSON.stringify({ json: { pingId: "not-a-uuid" } }));
    const response = await request.get(`/api/trpc/ping.byId?input=${input}`);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as {
      error: { json: { data: { code: string; fieldErrors: unknown } } };
    };
    expect(body.error.json.data.code).toBe("validation_failed");
    expect(body.error.json.data.fieldErrors).toMatchObject({ pingId: [expect.any(String)] });
  });

  test("an unknown ping id answers not_found", async ({ request }) => {
    const input = encodeURIComponent(
      JSON.stringify({ json: { pingId: "00000000-0000-4000-8000-000000000000" } }),
    );
    const response = await request.get(`/api/trpc/ping.byId?input=${input}`);
    expect(response.status()).toBe(404);
    const body = (await response.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("not_found");
  });
});
