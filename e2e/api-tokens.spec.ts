import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor } from "./fixtures";

test.describe("API tokens", () => {
  test.use({ storageState: storageFor("admin") });

  test("admin creates a token, it works once shown, and stops working when revoked", async ({ page, playwright }) => {
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill("Monitoring-Export");
    await page.getByLabel("Hinweise einliefern").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^smc_[0-9a-f]{8}_/);

    const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin.*$/, "") });
    const ok = await api.get("/api/v1/token", { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).data).toEqual({ name: "Monitoring-Export", scopes: ["insights:write"] });

    // The token is not shown again.
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    const row = page.getByRole("row", { name: /Monitoring-Export/ });
    await expect(row).toContainText("Aktiv");

    page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: /Widerrufen/ }).click();
    await expect(page.getByRole("row", { name: /Monitoring-Export/ })).toContainText("Widerrufen");

    const revoked = await api.get("/api/v1/token", { headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.code).toBe("invalid_token");
    await api.dispose();
  });

  test("a read token lists insights with pseudonymised authors; the API documentation describes it", async ({ page, playwright }) => {
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill("CRM-Abgleich");
    await page.getByLabel("Hinweise und ihren Verlauf lesen").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();

    const api = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin.*$/, "") });
    const auth = { Authorization: `Bearer ${token}` };
    const listed = await api.get("/api/v1/insights?pageSize=5", { headers: auth });
    expect(listed.status()).toBe(200);
    const body = await listed.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.page).toMatchObject({ size: 5 });
    for (const row of body.data) expect(row).not.toHaveProperty("authorHandle");
    const one = await api.get(`/api/v1/insights/${body.data[0].id}`, { headers: auth });
    expect(one.status()).toBe(200);
    expect((await one.json()).data.history.length).toBeGreaterThan(0);
    // The scope is exactly what was ticked.
    expect((await api.get("/api/v1/alerts", { headers: auth })).status()).toBe(403);
    const bad = await api.get("/api/v1/insights?status=offen", { headers: auth });
    expect(bad.status()).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["status"]);
    await api.dispose();

    await page.getByRole("link", { name: "API-Dokumentation" }).click();
    await expect(page).toHaveURL(/\/admin\/api$/);
    await expect(page.getByRole("heading", { name: /GET \/api\/v1\/insights – List insights/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /POST \/api\/v1\/kpis\/\{id\}\/measurements/ })).toBeVisible();
    const doc = await page.request.get("/api/v1/openapi.json");
    expect((await doc.json()).openapi).toBe("3.1.0");
  });

  test("the API documentation describes every webhook event with its payload fields, accessibly, also on a phone", async ({ page }) => {
    await page.goto("/admin/api");
    const webhooks = page.getByRole("region", { name: "Webhooks", exact: true });
    await expect(webhooks.getByRole("heading", { name: "Webhooks", level: 2, exact: true })).toBeVisible();
    const events = webhooks.getByRole("navigation", { name: "Webhook-Ereignisse" }).getByRole("link");
    await expect(events).toHaveText([
      "insight.created",
      "insight.routed",
      "insight.status_changed",
      "alert.opened",
      "alert.escalated",
      "alert.resolved",
      "guideline.published",
    ]);
    await events.filter({ hasText: "insight.status_changed" }).click();
    const changed = page.getByRole("region", { name: /POST insight\.status_changed/ });
    await expect(changed).toBeInViewport();
    await expect(changed.getByRole("row", { name: /data\.change/ })).toContainText('"accepted" | "resolved" | "declined" | "loop_closed"');
    await expect(changed.getByRole("row", { name: /data\.externalRef/ })).toContainText("ticket or CRM reference");
    await expect(changed.getByRole("row", { name: /data\.author\.handle/ })).toContainText("Only for endpoints marked as internal CRM");
    await expectNoA11yViolations(page);
    // On a phone the payload table scrolls sideways in a named box that keyboard users can reach.
    await page.setViewportSize(PHONE);
    const fields = changed.getByRole("group", { name: "Felder von insight.status_changed" });
    await expect(fields).toHaveAttribute("tabindex", "0");
    await expect(fields.getByRole("row", { name: /data\.author\.alias/ })).toBeAttached();
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
  });

  test("a token form without a scope shows the error and creates nothing", async ({ page }) => {
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill("Ohne Berechtigung");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Bitte mindestens eine Berechtigung wählen.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Ohne Berechtigung/ })).toHaveCount(0);
  });

  test("API calls without or with a bad token get JSON 401s", async ({ request }) => {
    const none = await request.get("/api/v1/token", { headers: { Cookie: "" } });
    expect(none.status()).toBe(401);
    expect((await none.json()).error.code).toBe("unauthenticated");
    const bad = await request.get("/api/v1/token", { headers: { Authorization: "Bearer smc_00000000_" + "x".repeat(43) } });
    expect(bad.status()).toBe(401);
    expect((await bad.json()).error.code).toBe("invalid_token");
  });
});

test.describe("API tokens are for admins only", () => {
  test.use({ storageState: storageFor("manager") });

  test("the manager gets 403 on the token page and the API documentation page", async ({ page }) => {
    expect((await page.goto("/admin/tokens"))?.status()).toBe(403);
    expect((await page.goto("/admin/api"))?.status()).toBe(403);
  });
});
