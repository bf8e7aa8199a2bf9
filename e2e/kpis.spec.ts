import { expect, test } from "@playwright/test";
import { berlinDay, germanBerlinDay, storageFor } from "./fixtures";
import { alertBadge, KpiDetailPage, KpiFormPage, kpiIdByName } from "./pages/kpi-pages";

const KPI = `Antwortquote Hotline ${Date.now().toString(36)}`;
let kpiId = 0;

const germanDay = germanBerlinDay;

test.describe.configure({ mode: "serial" });

test.describe("KPIs, measurements and alerts", () => {
  test("the manager defines a KPI, with field errors for thresholds out of order", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("manager") });
    const form = new KpiFormPage(page);
    await form.goto();
    await form.fill({ process: "Kundenservice", name: KPI, unit: "Prozent (Anteil, 0–100)", direction: "Höher ist besser", period: "Monat", aggregation: "Letzter Wert", target: "90", warning: "95", critical: "70" });
    await form.submit();
    await expect(page.getByText("Bei „höher ist besser“ muss die Warnschwelle unter dem Zielwert liegen.")).toBeVisible();
    await page.getByLabel("Warnschwelle").fill("80");
    await form.submit();
    await expect(page.getByRole("status").filter({ hasText: `Kennzahl „${KPI}“ wurde angelegt.` })).toBeVisible();
    kpiId = await kpiIdByName(page, KPI);
    expect(kpiId).toBeGreaterThan(0);
    await page.close();
  });

  test("a department head records a value past the critical threshold; the alert and the badge appear", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("service") });
    const detail = new KpiDetailPage(page);
    await detail.goto(kpiId);
    const before = await alertBadge(page);
    await detail.record("62,5");
    await expect(page.getByRole("status").filter({ hasText: "Messwert gespeichert." })).toBeVisible();
    await expect(page.getByText("Schwellwert überschritten: Warnung (Kritisch) ist offen.")).toBeVisible();
    await page.reload();
    expect(await alertBadge(page)).toBe(before + 1);
    const history = page.getByRole("region", { name: "Warnungen zu dieser Kennzahl" });
    await expect(history.getByRole("row").filter({ hasText: "Kritisch" })).toContainText("Offen");

    // The alert shows in the list and can be acknowledged with a comment; the badge goes down again.
    await page.goto("/alerts");
    const row = page.getByRole("row").filter({ hasText: KPI });
    await row.getByRole("button", { name: `Warnung zu „${KPI}“ bestätigen` }).click();
    await row.getByLabel("Kommentar (was wird unternommen?)").fill("Hotline wird verstärkt.");
    await row.getByRole("button", { name: "Bestätigen" }).click();
    await expect(row).toContainText("bestätigt von Markus Schäfer: Hotline wird verstärkt.");
    await page.reload();
    expect(await alertBadge(page)).toBe(before);
    await expect(page.getByRole("row").filter({ hasText: KPI })).toContainText("Hotline wird verstärkt.");
    await page.close();
  });

  test("a department head gets 403 recording a value for another department's KPI, and nothing is stored", async ({ browser }) => {
    const manager = await browser.newPage({ storageState: storageFor("manager") });
    const salesKpi = await kpiIdByName(manager, "Leads über XING");
    const page = await browser.newPage({ storageState: storageFor("service") });
    // The form is not offered on the sales KPI …
    await page.goto(`/kpis/${salesKpi}`);
    await expect(page.getByLabel("Messwert", { exact: true })).toHaveCount(0);
    // … and sending the service form with the sales KPI's id is refused by the server.
    await page.goto(`/kpis/${kpiId}`);
    await page.locator('input[name="kpiId"]').evaluate((el, id) => ((el as HTMLInputElement).value = String(id)), salesKpi);
    await page.getByLabel("Messwert", { exact: true }).fill("4242");
    const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/kpis/${kpiId}`));
    await page.getByRole("button", { name: "Speichern" }).click();
    expect((await response).status()).toBe(403);
    await manager.goto(`/kpis/${salesKpi}`);
    await expect(manager.getByRole("region", { name: "Letzte Messwerte" })).not.toContainText("4.242");
    await page.close();
    await manager.close();
  });

  test("a CSV with one bad row is rejected with that row's error and nothing is imported", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("manager") });
    const bad = `Kennzahl;Datum;Wert\r\n${KPI};${germanDay(1)};91,5\r\n${KPI};31.02.2026;93\r\n`;
    await page.goto("/kpis/import");
    await page.getByLabel("CSV-Datei").setInputFiles({ name: "werte.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${bad}`) });
    await page.getByRole("button", { name: "Vorschau prüfen" }).click();
    await expect(page.getByText("2 Zeilen, 1 Fehler.")).toBeVisible();
    await expect(page.getByText("Zeile 3: datum: Kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT). („31.02.2026“)")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "91,5" })).toContainText("OK");
    await expect(page.getByRole("button", { name: "Importieren" })).toBeDisabled();
    // Even sent straight to the import, the file is refused as a whole.
    const res = await page.request.post("/api/kpis/import?mode=import", { data: bad, headers: { "content-type": "text/csv" } });
    expect(res.status()).toBe(422);
    expect((await res.json()).data.imported).toBe(0);
    await page.goto(`/kpis/${kpiId}`);
    await expect(page.locator("main")).not.toContainText("91,5 %");

    // The corrected file imports, and the value is back in range: the alert resolves itself.
    await page.goto("/kpis/import");
    const good = bad.replace("31.02.2026", germanDay(0));
    await page.getByLabel("CSV-Datei").setInputFiles({ name: "werte.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Vorschau prüfen" }).click();
    await expect(page.getByText("2 Zeilen, 0 Fehler.")).toBeVisible();
    await page.getByRole("button", { name: "Importieren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 Messwerte importiert." })).toBeVisible();
    await page.goto(`/alerts?status=resolved`);
    await expect(page.getByRole("row").filter({ hasText: KPI })).toContainText("Aufgelöst");
    await page.close();
  });

  test("the measurement API answers 401 without a token and stores a batch with one", async ({ browser, playwright }) => {
    const admin = await browser.newPage({ storageState: storageFor("admin") });
    await admin.goto("/admin/tokens");
    await admin.getByLabel("Bezeichnung").fill("Monitoring-Messwerte");
    await admin.getByLabel("Messwerte schreiben").check();
    await admin.getByRole("button", { name: "Anlegen" }).click();
    const token = (await admin.getByTestId("new-token").textContent())!.trim();
    const api = await playwright.request.newContext({ baseURL: new URL(admin.url()).origin });
    const url = `/api/v1/kpis/${kpiId}/measurements`;
    const items = [
      { date: berlinDay(2), value: 88 },
      { date: berlinDay(3), value: 86.5 },
    ];

    const anonymous = await api.post(url, { data: { items } });
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");

    const auth = { Authorization: `Bearer ${token}` };
    const invalid = await api.post(url, { headers: auth, data: { items: [items[0], { date: "2026-02-30", value: "viel" }] } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.fields).toEqual({ "items.1.date": ["Not a valid date."], "items.1.value": ["Please enter a number."] });

    const stored = await api.post(url, { headers: auth, data: { items } });
    expect(stored.status()).toBe(201);
    expect((await stored.json()).data).toMatchObject({ kpiId, stored: 2 });
    await api.dispose();
    await admin.goto(`/kpis/${kpiId}`);
    // The measurement's row names its source. (Early in a month the previous month's aggregate in the
    // period table may show the same 86,5, so the row is picked by both.)
    await expect(admin.getByRole("row").filter({ hasText: "86,5" }).filter({ hasText: "API" })).toBeVisible();
    await admin.close();
  });

  test("the executive reads the overview, switches the period without a reload and drills into a KPI", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec") });
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Überblick", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kundenservice", level: 2 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vertrieb", level: 2 })).toBeVisible();
    await expect(page.getByTestId("overview-counts")).toContainText("Kritisch");
    await expect(page.getByRole("region", { name: /Offene Warnungen/ })).toContainText("Zeit bis zur ersten Antwort");
    const critical = page.getByRole("row").filter({ hasText: "Zeit bis zur ersten Antwort" });
    // The response times' open critical alert shows on the KPI's row, and the KPI counts as critical.
    await expect(critical.getByTestId("kpi-alert")).toContainText("Warnung: Kritisch");
    await expect(page.locator('[data-count="offTarget"] dd')).not.toHaveText("0");
    const monthLabel = await page.getByTestId("overview-window").textContent();

    await page.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true));
    const refetch = page.waitForResponse((r) => r.url().includes("/api/overview?period=quarter"));
    await page.getByRole("button", { name: "Quartal", exact: true }).click();
    expect((await refetch).status()).toBe(200);
    await expect(page.getByTestId("overview-window")).not.toHaveText(monthLabel!);
    await expect(page.getByTestId("overview-window")).toHaveText(/^Q[1-4] \d{4}$/);
    await page.getByLabel("Mit Vorperiode vergleichen").check();
    await expect(page.getByRole("columnheader", { name: "Vorperiode" }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
    await expect(page).toHaveURL(/period=quarter.*compare=1/);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV exportieren" }).click();
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve) => {
      let s = "";
      csv.on("data", (c) => (s += c));
      csv.on("end", () => resolve(s));
    });
    expect(text).toContain("Abteilung;Geschäftsprozess;Kennzahl");
    expect(text).toContain("Zeit bis zur ersten Antwort");

    await critical.getByRole("link", { name: "Zeit bis zur ersten Antwort" }).click();
    await expect(page).toHaveURL(/\/kpis\/\d+\?window=quarter&date=[\d-]+&from=overview&compare=1$/);
    await expect(page.getByRole("heading", { name: "Zeit bis zur ersten Antwort", level: 1 })).toBeVisible();
    await expect(new KpiDetailPage(page).chart()).toBeVisible();
    await page.close();
  });

  test("a department head sees only their own department's overview", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("sales") });
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Vertrieb", level: 2 })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 }).filter({ hasText: "Kundenservice" })).toHaveCount(0);
    await page.close();
  });
});

test.describe("KPIs are not for employees", () => {
  test.use({ storageState: storageFor("employee") });

  test("an employee gets 403 on the KPIs and the overview", async ({ page }) => {
    expect((await page.goto("/kpis"))?.status()).toBe(403);
    expect((await page.goto("/overview"))?.status()).toBe(403);
    const res = await page.request.get("/api/overview?period=month");
    expect(res.status()).toBe(403);
  });
});
