import fs from "node:fs";
import http from "node:http";
import { expect, test, type Browser } from "@playwright/test";
import { storageFor, type RoleKey } from "./fixtures";
import { CsvImportPage } from "./pages/insights-admin-pages";
import { KpiFormPage, kpiIdByName } from "./pages/kpi-pages";

/** Regression tests for the hardening issue: CSRF, body limits, Windows-1252 CSV files. */

const run = Date.now().toString(36);
// "ü" on purpose: the Windows-1252 import must find this name.
const KPI = `Rückrufe Hotline ${run}`;
let kpiId = 0;
let token = "";

const germanDay = (daysAgo: number) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${String(d.getDate()).padStart(2, "0")}.${String(d.getMonth() + 1).padStart(2, "0")}.${d.getFullYear()}`;
};

/** Text → Windows-1252 bytes, for the Latin-1 letters used here (German Excel's default CSV). */
const cp1252 = (s: string) => Buffer.from(s, "latin1");

/**
 * POSTs `total` bytes in 64 KB chunks without Content-Length, writing only as fast as the server
 * reads, and stops sending once an answer arrives. `sent` tells how much went out before it.
 */
function sendChunked(url: URL, headers: Record<string, string>, total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      answered = true;
      const at = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent: at });
      });
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function as(browser: Browser, role: RoleKey) {
  const context = await browser.newContext({ storageState: storageFor(role) });
  return { context, page: await context.newPage() };
}

test.describe.configure({ mode: "serial" });

test.describe("request hardening", () => {
  test("setup: a fresh KPI for the manager and an intake token", async ({ browser }) => {
    const manager = await as(browser, "manager");
    const form = new KpiFormPage(manager.page);
    await form.goto();
    await form.fill({ process: "Kundenservice", name: KPI, unit: "Anzahl", direction: "Höher ist besser", period: "Monat", aggregation: "Summe", target: "100", warning: "50", critical: "10" });
    await form.submit();
    await expect(manager.page.getByRole("status").filter({ hasText: `Kennzahl „${KPI}“ wurde angelegt.` })).toBeVisible();
    kpiId = await kpiIdByName(manager.page, KPI);
    await manager.context.close();

    const admin = await as(browser, "admin");
    await admin.page.goto("/admin/tokens");
    await admin.page.getByLabel("Bezeichnung").fill(`Hardening ${run}`);
    await admin.page.getByLabel("Hinweise einliefern").check();
    await admin.page.getByRole("button", { name: "Anlegen" }).click();
    token = (await admin.page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^smc_/);
    await admin.context.close();
  });

  test("a KPI import from another origin with the manager's cookie is refused and writes nothing", async ({ browser, baseURL }) => {
    const { context, page } = await as(browser, "manager");
    const csv = `Kennzahl;Datum;Wert\r\n${KPI};${germanDay(1)};4711\r\n`;

    // The probe's request: a foreign Origin, a "simple" content type no preflight would stop.
    const evil = await page.request.post("/api/kpis/import?mode=import", {
      data: csv,
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
    });
    expect(evil.status()).toBe(403);
    const body = await evil.json();
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("http://evil.example");
    // A cross-site fetch without Origin, told by Sec-Fetch-Site, is refused too.
    const crossSite = await page.request.post("/api/kpis/import?mode=import", { data: csv, headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" } });
    expect(crossSite.status()).toBe(403);

    await page.goto(`/kpis/${kpiId}`);
    await expect(page.getByText("Noch keine Messwerte.")).toBeVisible();
    await expect(page.locator("main")).not.toContainText("4.711");

    // The same import from the app's own origin (as the browser sends it) still works.
    const own = await page.request.post("/api/kpis/import?mode=import", { data: csv, headers: { Origin: baseURL!, "Content-Type": "text/plain" } });
    expect(own.status()).toBe(200);
    expect((await own.json()).data.imported).toBe(1);
    await page.goto(`/kpis/${kpiId}`);
    await expect(page.getByRole("region", { name: "Letzte Messwerte" })).toContainText("4.711");
    await context.close();
  });

  test("the KPI import reads German Excel's Windows-1252 file and finds the KPI with an umlaut", async ({ browser }) => {
    const { context, page } = await as(browser, "manager");
    await page.goto("/kpis/import");
    const file = cp1252(`Kennzahl;Datum;Wert\r\n${KPI};${germanDay(0)};12\r\n`);
    expect(file.includes(0xfc)).toBe(true);
    await page.getByLabel("CSV-Datei").setInputFiles({ name: "werte.csv", mimeType: "text/csv", buffer: file });
    await page.getByRole("button", { name: "Vorschau prüfen" }).click();
    await expect(page.getByText("1 Zeile, 0 Fehler.")).toBeVisible();
    await page.getByRole("button", { name: "Importieren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 Messwert importiert." })).toBeVisible();
    await context.close();
  });

  test("a chunked body without Content-Length is cut off at the limit with 413", async ({ baseURL }) => {
    const total = 64 * 1024 * 1024;
    const result = await sendChunked(new URL("/api/v1/insights", baseURL), { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, total);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe("payload_too_large");
    // The server answered long before the 64 MB were through: it stopped reading at 8 MB.
    expect(result.sent).toBeLessThan(total);
  });

  test("a chunked KPI CSV upload over 50 MB is cut off with 413 while it streams", async ({ baseURL }) => {
    const cookies = JSON.parse(fs.readFileSync(storageFor("manager"), "utf8")).cookies as { name: string; value: string }[];
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const total = 256 * 1024 * 1024;
    const result = await sendChunked(new URL("/api/kpis/import?mode=preview", baseURL), { Cookie: cookie, Origin: baseURL!, "Content-Type": "text/csv" }, total);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toMatchObject({ code: "payload_too_large", message: "The file may be at most 50 MB." });
    expect(result.sent).toBeLessThan(total);
  });

  test("JSON with a raw Windows-1252 byte is a 400, not a stored U+FFFD", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const item = { source: "e2e", externalId: `cp1252-${run}`, occurredAt: new Date().toISOString(), text: "KXhlung zu schwach", category: "complaint", platform: "facebook" };
    const raw = Buffer.from(JSON.stringify(item), "utf8");
    raw[raw.indexOf("KX") + 1] = 0xfc;
    const res = await api.post("/api/v1/insights", { data: raw, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain("UTF-8");
    await api.dispose();
  });
});

test.describe("CSV import of insights: encodings and the 10 MB limit", () => {
  test.use({ storageState: storageFor("manager") });
  const header = "external_id;zeitpunkt;text;kategorie;plattform";

  test("a Windows-1252 file from German Excel shows and imports its umlauts", async ({ page }) => {
    const importer = new CsvImportPage(page);
    await importer.goto();
    const text = `Kühlung zu schwach, Lüfter läuft heiß [${run}]`;
    const file = cp1252(`${header}\r\nw1252-${run};${germanDay(1)} 10:00;${text};Beschwerde;Facebook\r\n`);
    await page.getByLabel("CSV-Datei").setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: file });
    await page.getByRole("button", { name: "Prüfen" }).click();
    await expect(page.getByRole("row").filter({ hasText: text })).toBeVisible();
    await expect(page.getByText("\uFFFD")).toHaveCount(0);
    await importer.importButton().click();
    await expect(page.getByRole("status").filter({ hasText: "importiert" })).toHaveText(/^1 Hinweis importiert/);
  });

  test("a file of 10,475,393 bytes (under the limit) is checked; one byte over 10 MB is refused as too large", async ({ page }) => {
    const importer = new CsvImportPage(page);
    await importer.goto();
    // Two rows and a long column the import ignores: the size is what matters, not the row count.
    const rows = (pad: number) => `${header};notiz\r\nbig-${run}-1;${germanDay(1)} 09:00;Großes Paket [${run}];Frage;Forum;${"x".repeat(pad)}\r\nbig-${run}-2;${germanDay(1)} 09:05;Noch eins [${run}];Lob;Forum;x\r\n`;
    const sized = (bytes: number) => {
      const base = Buffer.byteLength(rows(0), "utf8");
      const file = Buffer.from(rows(bytes - base), "utf8");
      expect(file.length).toBe(bytes);
      return file;
    };
    await page.getByLabel("CSV-Datei").setInputFiles({ name: "gross.csv", mimeType: "text/csv", buffer: sized(10_475_393) });
    await page.getByRole("button", { name: "Prüfen" }).click();
    await expect(page.getByText("2 Zeilen: 2 neu, 0 bereits vorhanden")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("row").filter({ hasText: `Großes Paket [${run}]` })).toBeVisible();

    await page.getByLabel("CSV-Datei").setInputFiles({ name: "zu-gross.csv", mimeType: "text/csv", buffer: sized(10 * 1024 * 1024 + 1) });
    await page.getByRole("button", { name: "Prüfen" }).click();
    await expect(page.getByText("Die Datei ist zu groß (höchstens 10 MB je Import).")).toBeVisible();
  });
});
