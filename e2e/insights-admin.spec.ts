import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { storageFor, type RoleKey, germanBerlinDay } from "./fixtures";
import { CsvImportPage, RulesPage, searchAllInsights } from "./pages/insights-admin-pages";
import { InsightsPage } from "./pages/insights-page";

const run = Date.now().toString(36);

async function as(browser: Browser, role: RoleKey) {
  const context = await browser.newContext({ storageState: storageFor(role) });
  const page = await context.newPage();
  return { context, page };
}

async function post(request: APIRequestContext, token: string, body: unknown) {
  return request.post("/api/v1/insights", { data: body, headers: { Cookie: "", Authorization: `Bearer ${token}` } });
}

/** A neutral question from the forum: no seeded rule routes it, so only a rule of this test can. */
function question(externalId: string, text: string) {
  return {
    source: "e2e-admin",
    externalId,
    platform: "forum",
    occurredAt: new Date(Date.now() - 600_000).toISOString(),
    text,
    category: "question",
    sentiment: "neutral",
    authorHandle: `@anrufer.${run}`,
  };
}

test.describe.serial("routing rules: editor with preview, order, enabling, audit, and the intake using them", () => {
  const ruleName = `Rückrufwünsche ${run}`;
  const previewText = `Können Sie mich bitte wegen der Lieferung zurückrufen? Rueckruf erbeten [${run}-p]`;
  let token = "";
  let ruleId = 0;

  test("an admin creates an intake token, and a question asking for a call-back arrives", async ({ browser, request }) => {
    const { context, page } = await as(browser, "admin");
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill(`Regel-Test ${run}`);
    await page.getByLabel("Hinweise einliefern").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^smc_/);
    await context.close();

    const res = await post(request, token, question(`adm-${run}-p`, previewText));
    expect(res.status()).toBe(201);
    expect((await res.json()).data.items[0]).toMatchObject({ status: "created", departmentId: null });
  });

  test.describe("as the manager", () => {
    test.use({ storageState: storageFor("manager") });

    test("an invalid rule shows field errors and is not created", async ({ page }) => {
      const rules = new RulesPage(page);
      await rules.gotoNew();
      await page.getByLabel("Bezeichnung").fill(`Ungültig ${run}`);
      await page.getByLabel("SLA in Stunden").fill("0");
      await rules.submit().click();
      await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("Bitte prüfen Sie die markierten Felder.");
      await expect(page.getByLabel("Abteilung")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Bitte ausfüllen.")).toBeVisible();
      await expect(page.getByLabel("SLA in Stunden")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Bitte 1 bis 720 Stunden angeben.")).toBeVisible();

      await rules.goto();
      await expect(rules.row(`Ungültig ${run}`)).toHaveCount(0);
    });

    test("a new rule previews the recent insights it would catch, umlaut-insensitively, and is saved last", async ({ page }) => {
      const rules = new RulesPage(page);
      await rules.gotoNew();
      const preview = rules.preview();
      await page.getByLabel("Bezeichnung").fill(ruleName);
      await page.getByLabel("Stichwörter", { exact: true }).fill("Rückruf");
      await rules.category("Frage").check();
      // "Rückruf" catches "Rueckruf": the waiting question is listed before anything is saved.
      await expect(preview.getByRole("listitem").filter({ hasText: previewText })).toBeVisible();
      await expect(preview.getByTestId("preview-count")).toHaveText(/^[1-9]\d* Treffer/);
      // A second condition that the question does not meet takes it out of the preview again.
      await rules.category("Frage").uncheck();
      await rules.category("Lob").check();
      await expect(preview.getByText(previewText)).toHaveCount(0);
      await rules.category("Lob").uncheck();
      await rules.category("Frage").check();

      await page.getByLabel("Abteilung").selectOption({ label: "Kundenservice" });
      await page.getByLabel("SLA in Stunden").fill("12");
      await rules.submit().click();

      await expect(page).toHaveURL(/\/insights\/rules$/);
      const row = rules.row(ruleName);
      await expect(row).toContainText("Kategorie: Frage");
      await expect(row).toContainText("Eines von: Rückruf");
      await expect(row).toContainText("Kundenservice");
      await expect(row).toContainText("12 h");
      await expect(row).toContainText("Aktiv");
      const names = await rules.names();
      expect(names.at(-1)).toBe(ruleName);
      ruleId = Number((await row.getByRole("link", { name: ruleName }).getAttribute("href"))!.split("/").pop());
      expect(ruleId).toBeGreaterThan(0);
    });

    test("an insight posted with “Rueckruf” is routed to Kundenservice by the new rule", async ({ page, request }) => {
      const ext = `adm-${run}-routed`;
      const res = await post(request, token, question(ext, `Bitte um Rueckruf wegen der Wartung unserer Anlage. [${ext}]`));
      expect(res.status()).toBe(201);
      const item = (await res.json()).data.items[0];
      expect(item.status).toBe("created");

      const insights = new InsightsPage(page);
      await insights.open(item.id);
      await expect(insights.timeline()).toContainText(`Per Regel „${ruleName}“ an Kundenservice weitergeleitet`);
      await expect(page.getByText("Weitergeleitet", { exact: true })).toBeVisible();
    });

    test("the rule moves up by keyboard, and the order holds after a reload", async ({ page }) => {
      const rules = new RulesPage(page);
      await rules.goto();
      const before = await rules.names();
      const at = before.indexOf(ruleName);
      expect(at).toBe(before.length - 1);
      const above = before[at - 1];

      const up = page.getByRole("button", { name: `Nach oben: ${ruleName}` });
      await up.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => rules.names()).toEqual([...before.slice(0, at - 1), ruleName, above]);

      await page.reload();
      expect(await rules.names()).toEqual([...before.slice(0, at - 1), ruleName, above]);
      // Now it is no longer last, so it can move down again; it cannot move down past nothing.
      await expect(page.getByRole("button", { name: `Nach unten: ${ruleName}` })).toBeEnabled();
      await expect(page.getByRole("button", { name: `Nach unten: ${above}` })).toBeDisabled();
    });

    test("the rule is disabled and stays disabled", async ({ page }) => {
      const rules = new RulesPage(page);
      await rules.goto();
      await rules.row(ruleName).getByRole("button", { name: `Deaktivieren: ${ruleName}` }).click();
      await expect(rules.row(ruleName)).toContainText("Inaktiv");
      await page.reload();
      await expect(rules.row(ruleName)).toContainText("Inaktiv");
      await expect(rules.row(ruleName).getByRole("button", { name: `Aktivieren: ${ruleName}` })).toBeVisible();
    });
  });

  test("the admin finds creating, moving and disabling the rule in the audit log", async ({ browser }) => {
    const { context, page } = await as(browser, "admin");
    await page.goto("/admin/audit");
    await page.getByLabel("Objekttyp").selectOption("routing_rule");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/entity=routing_rule/);
    const mine = page.getByRole("row").filter({ hasText: `routing_rule #${ruleId}` });
    for (const action of ["routing_rule.create", "routing_rule.move", "routing_rule.disable"]) {
      await expect(mine.filter({ hasText: action })).toContainText("Jonas Weber");
    }
    await context.close();
  });
});

test.describe("CSV import of insights", () => {
  test.use({ storageState: storageFor("manager") });

  const day = germanBerlinDay;
  const complaint = `Lieferung kam zwei Wochen zu spät, sehr ärgerlich [csv-${run}-a]`;
  const praise = `Schulung in Ulm war hervorragend [csv-${run}-b]`;
  const file = (rows: string[]) => "\uFEFF" + ["external_id;zeitpunkt;text;kategorie;plattform", ...rows].join("\r\n") + "\r\n";
  const valid = file([`csv-${run}-a;${day(2)} 09:15;${complaint};Beschwerde;Facebook`, `csv-${run}-b;${day(3)} 16:40;${praise};Lob;Forum`]);

  test("a file with one bad row shows that row and its error, and imports nothing", async ({ page }) => {
    const importer = new CsvImportPage(page);
    await importer.goto();
    await importer.check("hinweise-fehler.csv", file([`csv-${run}-a;${day(2)} 09:15;${complaint};Beschwerde;Facebook`, `csv-${run}-b;31.02.2025 16:40;${praise};Lob;Forum`]));

    await expect(page.locator('[role="alert"][data-notice="error"]')).toHaveText("Die Datei enthält Fehler – es wurde nichts importiert.");
    const issue = page.getByRole("row").filter({ hasText: "31.02.2025 16:40" });
    await expect(issue.getByRole("cell")).toHaveText(["3", "zeitpunkt", "Kein gültiger Zeitpunkt (TT.MM.JJJJ HH:MM oder JJJJ-MM-TT HH:MM).", "31.02.2025 16:40"]);
    await expect(importer.importButton()).toHaveCount(0);

    // Not even the good row went in.
    await expect(await searchAllInsights(page, `csv-${run}-a`)).toHaveCount(0);
    await expect(page.getByText("Keine Hinweise gefunden")).toBeVisible();
  });

  test("a valid file is previewed and imported; checking it again finds every row already there, and a further file imports", async ({ page }) => {
    const importer = new CsvImportPage(page);
    await importer.goto();
    await importer.check("hinweise.csv", valid);
    await expect(page.getByText("2 Zeilen: 2 neu, 0 bereits vorhanden, 1 per Regel weitergeleitet.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: complaint })).toContainText("Kundenservice");
    await expect(page.getByRole("row").filter({ hasText: praise })).toContainText("Triage");

    await importer.importButton().click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "importiert" })).toHaveText("2 Hinweise importiert (1 weitergeleitet, 0 übersprungen).");

    // The same file once more, on the same page.
    await importer.check("hinweise.csv", valid);
    await expect(page.getByText(/^2 Zeilen: 0 neu, 2 bereits vorhanden/)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: complaint })).toContainText("bereits vorhanden");
    await expect(page.getByRole("row").filter({ hasText: praise })).toContainText("bereits vorhanden");
    await expect(importer.importButton()).toBeDisabled();
    await expect(page.getByRole("main").getByText(/Hinweise? importiert/)).toHaveCount(0);

    // A further file with one new row can still be imported from the same page.
    const idea = `Konfigurator für Sonderflansche wäre praktisch [csv-${run}-c]`;
    await importer.check("hinweise-2.csv", file([`csv-${run}-b;${day(3)} 16:40;${praise};Lob;Forum`, `csv-${run}-c;${day(1)} 11:05;${idea};Idee;Blog`]));
    await expect(page.getByText(/^2 Zeilen: 1 neu, 1 bereits vorhanden/)).toBeVisible();
    await importer.importButton().click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "importiert" })).toHaveText("1 Hinweis importiert (1 weitergeleitet, 1 übersprungen).");

    await expect(await searchAllInsights(page, `csv-${run}-`)).toHaveCount(3);
    await expect(page.getByRole("row").filter({ hasText: complaint })).toContainText("Kundenservice");
  });
});

test.describe("the manager's insight form", () => {
  test.use({ storageState: storageFor("manager") });

  test("missing required fields show field errors and create nothing", async ({ page }) => {
    await page.goto("/insights/new");
    await page.getByRole("button", { name: "Hinweis anlegen" }).click();
    await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("Bitte prüfen Sie die markierten Felder.");
    await expect(page.getByLabel("Text", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Bitte ausfüllen.")).toBeVisible();
    await expect(page.getByLabel("Kategorie")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Bitte einen gültigen Eintrag auswählen.")).toBeVisible();
    await expect(page.getByText("Hinweis angelegt.")).toHaveCount(0);
  });

  test("an insight without sentiment and language is stored with both derived", async ({ page }) => {
    const text = `Die Lieferung kam leider beschädigt an, und der Support ist nicht erreichbar. Sehr enttäuschend [form-${run}]`;
    await page.goto("/insights/new");
    await page.getByLabel("Text", { exact: true }).fill(text);
    await page.getByLabel("Kategorie").selectOption({ label: "Frage" });
    await page.getByLabel("Plattform").selectOption({ label: "Forum" });
    await page.getByRole("button", { name: "Hinweis anlegen" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Hinweis angelegt.");
    await page.getByRole("link", { name: "Hinweis öffnen" }).click();

    await expect(page.locator("blockquote")).toHaveText(text);
    const facts = page.locator("dl").first();
    await expect(facts.getByRole("definition").filter({ hasText: "negativ" })).toContainText("automatisch erkannt");
    await expect(facts.getByRole("definition").filter({ hasText: "Deutsch" })).toHaveText("Deutsch (automatisch erkannt)");
    await expect(page.getByTestId("timeline")).toContainText("Eingegangen über das Formular");
  });
});

test.describe("the management pages are closed to department heads", () => {
  test.use({ storageState: storageFor("service") });

  for (const path of ["/insights/rules", "/insights/rules/new", "/insights/new", "/insights/import"]) {
    test(`the service head gets 403 on ${path}`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
    });
  }
});
