import { expect, test } from "@playwright/test";
import { pdfText } from "../tests/support/pdf-text";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

test.describe("The executive's picture", () => {
  test("the executive sees the integration score and its trend, reads how it comes about, and downloads the board report", async ({ browser }) => {
    const page = await pageFor(browser, "exec");
    await page.goto("/overview");
    // The picture above the tables: attainment per department, what needs attention, the measures.
    const bars = page.getByRole("list", { name: "Zielerreichung je Abteilung" });
    await expect(bars.getByRole("listitem").filter({ hasText: "Personal" })).toContainText(/\d+ von \d+ im Ziel/);
    await expect(page.getByRole("link", { name: "Offene Warnungen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Aktive Krisen" })).toBeVisible();
    await expect(page.getByTestId("measures-picture")).toContainText(/ausgegeben für 3 Maßnahmen; \d tragen sich\./);
    const score = page.getByTestId("integration-score");
    await expect(score.getByRole("heading", { name: "Integrationsgrad" })).toBeVisible();
    await expect(score).toContainText(/\d+ von 100/);
    await expect(score.getByRole("list", { name: "Integrationsgrad des Unternehmens je Monat" }).getByRole("listitem")).toHaveCount(3);

    await score.getByRole("link", { name: "Integrationsgrad im Einzelnen" }).click();
    await page.waitForURL(/\/overview\/integration$/);
    await expect(page.getByRole("heading", { level: 1, name: "Integrationsgrad" })).toBeVisible();
    const hr = page.getByRole("table", { name: "Kriterien von Personal" });
    await expect(hr.getByRole("row", { name: /Maßnahmen mit Kosten und Nutzen/ })).toContainText("1 von 1 Maßnahmen mit Kosten und erwartetem Nutzen");
    await expect(page.getByTestId("next-step").first()).toContainText("Nächster Schritt");
    await expectNoA11yViolations(page);

    // The report for the shown quarter, German and English, with the company's KPIs in its text.
    await page.goto("/overview?period=quarter");
    const link = page.getByRole("link", { name: "Vorstandsbericht (PDF)" });
    const href = await link.getAttribute("href");
    expect(href).toContain("period=quarter");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="vorstandsbericht-quarter-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = (await pdfText(new Uint8Array(await res.body()))).join("\n");
    for (const expected of ["Vorstandsbericht Social Media", "Kennzahlen je Geschäftsprozess", "Bewerbungen über soziale Kanäle", "Zeit bis zur ersten Antwort", "Offene Warnungen", "Integrationsgrad", "Maßnahmen: Ausgaben und Urteile", "Kenntnisnahme der Leitfäden"]) {
      expect(text).toContain(expected);
    }
    const en = await page.request.get(href!.replace("locale=de", "locale=en"));
    const enText = (await pdfText(new Uint8Array(await en.body()))).join("\n");
    expect(enText).toContain("Social media board report");
    expect(enText).toContain("KPIs per business process");
    await page.context().close();

    const phone = await pageFor(browser, "exec", PHONE);
    await phone.goto("/overview/integration");
    await expectNoHorizontalOverflow(phone);
    await phone.goto("/overview");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  test("a department head's report and score cover their department only; employees get none", async ({ browser }) => {
    const head = await pageFor(browser, "hr");
    await head.goto("/overview/integration");
    await expect(head.getByRole("table", { name: "Kriterien von Personal" })).toBeVisible();
    await expect(head.getByRole("table", { name: /Kriterien von Vertrieb/ })).toHaveCount(0);
    const res = await head.request.get("/api/overview/report?period=month&locale=de");
    expect(res.status()).toBe(200);
    const text = (await pdfText(new Uint8Array(await res.body()))).join("\n");
    expect(text).toContain("Bewerbungen über soziale Kanäle");
    expect(text).not.toContain("Leads über LinkedIn");
    await head.context().close();

    const employee = await pageFor(browser, "employee");
    expect((await employee.request.get("/api/overview/report?period=month")).status()).toBe(403);
    expect((await employee.goto("/overview/integration"))?.status()).toBe(403);
    await employee.context().close();
  });
});
