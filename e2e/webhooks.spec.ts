import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor } from "./fixtures";
import { actionIdFor, callAction } from "./pages/server-action";

// A documentation address (TEST-NET-3): public, so allowed, and no DNS is needed to check it.
const URL_BASE = "https://203.0.113.10/hooks";

test.describe("Webhooks", () => {
  test.use({ storageState: storageFor("admin") });

  test("admin creates an endpoint, sees its secret once, and deletes it", async ({ page }) => {
    const url = `${URL_BASE}/crm-${Date.now()}`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Alarm ausgelöst").check();
    await page.getByLabel("Hinweis zugewiesen oder umgeleitet").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    const secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const row = page.getByRole("row", { name: new RegExp(url) });
    await expect(row).toContainText("Aktiv");
    await expect(row).toContainText("alert.opened");
    await expect(row).toContainText("noch keine");
    await expectNoA11yViolations(page);

    // The secret is not shown again, neither on the list nor on the delivery log.
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.getByRole("link", { name: url }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`Zustellprotokoll: ${url}`) })).toBeVisible();
    await expect(page.getByText("Noch keine Zustellungen.")).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: /Alle Endpunkte/ }).click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("row", { name: new RegExp(url) }).getByRole("button", { name: /Löschen/ }).click();
    await expect(page.getByRole("row", { name: new RegExp(url) })).toHaveCount(0);
  });

  test("bad settings get field errors and create nothing", async ({ page }) => {
    await page.goto("/admin/webhooks");
    await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data/");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Bitte mindestens ein Ereignis wählen.")).toBeVisible();
    await page.getByLabel("Leitfaden veröffentlicht").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Diese Adresse zeigt in ein privates, Loopback- oder Link-Local-Netz und ist nicht erlaubt.")).toBeVisible();
    await expect(page.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("row", { name: /169\.254\.169\.254/ })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("an insight posted through the API reaches a registered receiver, signed and pseudonymised, and the delivery log says so", async ({ page }) => {
    // A receiver as a customer would run it, on loopback (the e2e server allows private networks).
    let secret = "";
    const received: { id: string; body: { type: string; data: { insight: { id: number }; author: unknown } } }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        try {
          const body = new Webhook(secret).verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>) as (typeof received)[number]["body"];
          received.push({ id: String(req.headers["webhook-id"]), body });
          res.statusCode = 204;
        } catch {
          res.statusCode = 401;
        }
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm-${Date.now()}`;
    try {
      await page.goto("/admin/webhooks");
      await page.getByLabel("URL").fill(url);
      await page.getByLabel("Hinweis eingegangen").check();
      await page.getByRole("button", { name: "Anlegen" }).click();
      secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();

      await page.goto("/admin/tokens");
      await page.getByLabel("Bezeichnung").fill(`Webhook-Probe ${Date.now()}`);
      await page.getByLabel("Hinweise einliefern").check();
      await page.getByRole("button", { name: "Anlegen" }).click();
      const token = (await page.getByTestId("new-token").textContent())!.trim();
      const posted = await page.request.post("/api/v1/insights", {
        data: {
          source: "e2e-webhook",
          externalId: `wh-${Date.now()}`,
          platform: "forum",
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          text: "Frage: Gibt es den BX-400 auch in Edelstahl?",
          category: "question",
          authorHandle: "@kundin.e2e",
        },
        headers: { Cookie: "", Authorization: `Bearer ${token}` },
      });
      // The intake answers at once; the delivery follows from the background jobs.
      expect(posted.status()).toBe(201);
      const insightId = (await posted.json()).data.items[0].id;

      await expect.poll(() => received.filter((r) => r.body.data.insight.id === insightId).length, { timeout: 20_000 }).toBe(1);
      const got = received.find((r) => r.body.data.insight.id === insightId)!;
      expect(got.body.type).toBe("insight.created");
      expect(got.id).toBe(`created:${insightId}`);
      expect(got.body.data.author).toEqual({ alias: expect.any(String) });
      expect(JSON.stringify(got.body)).not.toContain("kundin.e2e");

      await page.goto("/admin/webhooks");
      await page.getByRole("link", { name: url }).click();
      await expect(page.getByRole("row", { name: new RegExp(`created:${insightId}`) })).toContainText("Zugestellt");
      await expectNoA11yViolations(page);
    } finally {
      // Other specs' insights must not be sent to a receiver that is gone.
      await page.goto("/admin/webhooks");
      page.once("dialog", (d) => d.accept());
      await page.getByRole("row", { name: new RegExp(url) }).getByRole("button", { name: /Löschen/ }).click();
      await expect(page.getByRole("row", { name: new RegExp(url) })).toHaveCount(0);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test("fits a phone", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/webhooks");
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
  });

  test("a manager gets 403, by page and by server action", async ({ page, browser }) => {
    const html = await (await page.request.get("/admin/webhooks")).text();
    const actionId = actionIdFor(html, "url");
    const manager = await browser.newContext({ storageState: storageFor("manager") });
    const other = await manager.newPage();
    expect((await other.goto("/admin/webhooks"))?.status()).toBe(403);
    // The action called directly, as any HTTP client could: refused, and nothing is written.
    const refused = await callAction(manager.request, "/admin/webhooks", actionId, { url: `${URL_BASE}/intruder`, "events[]": "alert.opened" });
    expect(refused.status()).toBe(403);
    await manager.close();
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("row", { name: /intruder/ })).toHaveCount(0);
  });
});
