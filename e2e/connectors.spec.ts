import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor } from "./fixtures";

/** A corporate blog's comment feed, served by the test on 127.0.0.1 (the e2e server allows private networks). */
async function startFeed(items: { id: string; text: string }[]) {
  const body = () =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Anwenderforum – neue Beiträge</title>${items
      .map((i) => `<item><guid isPermaLink="false">${i.id}</guid><title>Kommentar</title><description><![CDATA[<p>${i.text}</p>]]></description></item>`)
      .join("")}</channel></rss>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(body());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test.describe("Connectors", () => {
  test.use({ storageState: storageFor("manager") });

  test("the manager adds a feed connector to the user forum, fetches it now, and its comments arrive routed by the rules", async ({ page }) => {
    const marker = `E2E-${Date.now()}`;
    const feed = await startFeed([
      { id: `${marker}-1`, text: `${marker}: Das Getriebe ist nach zwei Wochen ausgefallen, ich bin sehr verärgert.` },
      { id: `${marker}-2`, text: `${marker}: Wo finde ich die Wartungsanleitung?` },
    ]);
    try {
      await page.goto("/channels");
      await page.getByRole("link", { name: "Brenner Anwenderforum" }).first().click();
      await expect(page.getByRole("heading", { name: "Anbindungen" })).toBeVisible();
      const form = page.getByRole("form", { name: "Neue Anbindung" });
      await form.getByLabel("Name").fill(`Forum-Beiträge ${marker}`);
      await form.getByLabel("Adresse des Feeds").fill(feed.url);
      await form.getByLabel("Kategorie der Hinweise").selectOption("complaint");
      await form.getByRole("button", { name: "Anbindung anlegen" }).click();
      await expect(page.getByText(`Anbindung „Forum-Beiträge ${marker}“ angelegt.`)).toBeVisible();
      const row = page.getByRole("row", { name: new RegExp(`Forum-Beiträge ${marker}`) });
      await expect(row).toContainText("noch nie");
      await expectNoA11yViolations(page);

      await row.getByRole("button", { name: `Forum-Beiträge ${marker} jetzt abrufen` }).click();
      await expect(row).toContainText("2 neu, 0 schon bekannt (1 Läufe)");
      await expect(row).toContainText("In Ordnung");
      // Again: nothing twice.
      await row.getByRole("button", { name: `Forum-Beiträge ${marker} jetzt abrufen` }).click();
      await expect(row).toContainText("2 neu, 2 schon bekannt (2 Läufe)");

      // The complaints rule sent both to customer service.
      await page.goto(`/insights?view=all&q=${encodeURIComponent(marker)}`);
      const rows = page.getByRole("row", { name: new RegExp(marker) });
      await expect(rows).toHaveCount(2);
      await expect(rows.first()).toContainText("Kundenservice");
      await rows.first().getByRole("link").first().click();
      await expect(page.getByText(`über die Anbindung „Forum-Beiträge ${marker}“`)).toBeVisible();

      await page.setViewportSize(PHONE);
      await page.goBack();
      await page.goBack();
      await expectNoHorizontalOverflow(page);
    } finally {
      await feed.close();
    }
  });

  test("an address into a forbidden network is refused with a field error and nothing is created", async ({ page }) => {
    await page.goto("/channels");
    await page.getByRole("link", { name: "Brenner Anwenderforum" }).first().click();
    const form = page.getByRole("form", { name: "Neue Anbindung" });
    await form.getByLabel("Name").fill("Metadaten");
    await form.getByLabel("Adresse des Feeds").fill("http://169.254.169.254/latest/meta-data/");
    await form.getByRole("button", { name: "Anbindung anlegen" }).click();
    await expect(form.getByText("Die Adresse zeigt in ein internes Netz und ist nicht erlaubt.")).toBeVisible();
    await expect(form.getByLabel("Adresse des Feeds")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("row", { name: /Metadaten/ })).toHaveCount(0);
  });

  test("a Meta notification with a bad signature is refused and stores nothing; a signed one is stored once", async ({ page, request }) => {
    const marker = `META-${Date.now()}`;
    await page.goto("/channels");
    await page.getByRole("link", { name: "Brenner Antriebstechnik" }).first().click();
    const form = page.getByRole("form", { name: "Neue Anbindung" });
    await form.getByLabel("Art").selectOption("meta");
    await form.getByLabel("Name").fill(`Facebook ${marker}`);
    await form.getByLabel("App-Geheimnis").fill("meta-app-secret-e2e");
    await form.getByLabel("Prüf-Token").fill("verify-token-e2e");
    await form.getByRole("button", { name: "Anbindung anlegen" }).click();
    const address = (await page.getByRole("status").filter({ hasText: "An diese Adresse senden" }).locator("code").first().textContent())!.trim();
    const path = new URL(address).pathname;
    expect(path).toMatch(/^\/api\/webhooks\/meta\/\d+$/);

    // The subscription handshake.
    const hs = await request.get(`${path}?hub.mode=subscribe&hub.verify_token=verify-token-e2e&hub.challenge=4711`);
    expect(hs.status()).toBe(200);
    expect(await hs.text()).toBe("4711");
    expect((await request.get(`${path}?hub.mode=subscribe&hub.verify_token=falsch&hub.challenge=4711`)).status()).toBe(403);

    const body = JSON.stringify({
      object: "page",
      entry: [{ id: "999", time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: `999_${marker}`, message: `${marker} Wann kommt das Ersatzteil?`, from: { id: "42", name: "Kundin" } } }] }],
    });
    const sign = (secret: string) => `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
    const bad = await request.post(path, { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": sign("wrong-secret") } });
    expect(bad.status()).toBe(401);
    const unsigned = await request.post(path, { data: body, headers: { "content-type": "application/json" } });
    expect(unsigned.status()).toBe(401);
    await page.goto(`/insights?view=all&q=${encodeURIComponent(marker)}`);
    await expect(page.getByRole("row", { name: new RegExp(marker) })).toHaveCount(0);

    for (let i = 0; i < 2; i++) {
      const ok = await request.post(path, { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": sign("meta-app-secret-e2e") } });
      expect(ok.status()).toBe(200);
    }
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(marker) })).toHaveCount(1);
  });
});

test.describe("Connectors, forbidden", () => {
  test.use({ storageState: storageFor("service") });

  test("a department head sees no connectors and no form on a channel page", async ({ page }) => {
    await page.goto("/channels");
    await page.getByRole("link", { name: "Brenner Anwenderforum" }).first().click();
    await expect(page.getByRole("heading", { name: "Anbindungen" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Neue Anbindung" })).toHaveCount(0);
  });
});
