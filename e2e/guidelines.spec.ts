import { type Browser, expect, type Page, test } from "@playwright/test";
import { storageFor } from "./fixtures";
import { GuidelinesPage } from "./pages/guidelines-page";

const SEEDED = "Social-Media-Leitlinie der Brenner Antriebstechnik GmbH";

async function as(browser: Browser, role: "manager" | "employee" | "hr"): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageFor(role) });
  return ctx.newPage();
}

/**
 * The id of the server action a click sends, as any client can read it off the wire. (The forms
 * confirm their outcome in a toast, so the action is called from the client, not posted by a
 * plain HTML form whose markup would carry the reference.)
 */
async function actionIdOf(page: Page, click: () => Promise<void>, bodyIncludes: string) {
  // Filtered by what the call carries: a late post of the form before (the draft's save) must not be taken for it.
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes(bodyIncludes));
  await click();
  return (await request).headers()["next-action"];
}

test.describe("guideline lifecycle from draft to acknowledgment", () => {
  test("manager drafts, gets sign-offs after a rejection, publishes; the employee acknowledges; a new version is pending again", async ({ browser }) => {
    const title = `Leitfaden Kundenanfragen ${Date.now()}`;
    const manager = await as(browser, "manager");
    const g = new GuidelinesPage(manager);
    const body = "# Kundenanfragen\n\nAntworten Sie binnen 24 Stunden.\n\n<script>window.__pwned = true</script>";

    // Live preview renders Markdown and shows the script tag as text.
    await manager.goto("/guidelines/new");
    await manager.getByLabel("Text (Markdown)").fill(body);
    const preview = manager.getByTestId("markdown-preview");
    await expect(preview.getByRole("heading", { name: "Kundenanfragen" })).toBeVisible();
    await expect(preview).toContainText("<script>window.__pwned = true</script>");

    const id = await g.createDraft({ title, body, changeNote: "Erste Fassung", signoffs: ["Recht", "Betriebsrat"] });
    await g.expectOpenStatus("Entwurf");
    await g.step("Zur Prüfung einreichen");
    await g.expectOpenStatus("In Prüfung");

    // A rejection needs a reason, and sends the version back to draft.
    await g.recordSignoff("Betriebsrat", "abgelehnt", "Monika Hahn");
    await expect(manager.getByText("Bitte begründen Sie die Ablehnung.")).toBeVisible();
    await g.recordSignoff("Betriebsrat", "abgelehnt", "Monika Hahn", "Reaktionszeit mit dem Betriebsrat abstimmen.");
    await g.expectOpenStatus("Entwurf");
    await expect(g.openVersion().getByText("Betriebsrat: abgelehnt")).toBeVisible();
    await expect(manager.getByText("„Reaktionszeit mit dem Betriebsrat abstimmen.“")).toBeVisible();

    await g.step("Zur Prüfung einreichen");
    await g.expectOpenStatus("In Prüfung");
    await expect(manager.getByRole("button", { name: "Veröffentlichen" })).toHaveCount(0);
    await g.recordSignoff("Recht", "freigegeben", "Dr. Claudia Berger");
    await expect(g.openVersion().getByText("Recht: freigegeben")).toBeVisible();
    await g.recordSignoff("Betriebsrat", "freigegeben", "Monika Hahn", "Einverstanden.");
    await g.expectOpenStatus("Freigegeben");
    await g.step("Veröffentlichen");
    await expect(manager.getByRole("heading", { name: /^Gültige Fassung: Version 1/ })).toBeVisible();

    // The script in the guideline is text on the page and never ran.
    await expect(manager.getByText("<script>window.__pwned = true</script>")).toBeVisible();
    expect(await manager.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

    const employee = await as(browser, "employee");
    const e = new GuidelinesPage(employee);
    await employee.goto("/guidelines/mine");
    await expect(e.myRow(title)).toContainText("Ausstehend");
    await e.myRow(title).getByRole("link", { name: title }).click();
    await expect(employee.getByRole("heading", { name: "Kenntnisnahme ausstehend" })).toBeVisible();
    expect(await employee.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await employee.getByRole("button", { name: "Gelesen – Kenntnisnahme bestätigen" }).click();
    await expect(employee.getByText(/Sie haben Version 1 am .* zur Kenntnis genommen\./)).toBeVisible();
    await employee.goto("/guidelines/mine");
    await expect(e.myRow(title)).toContainText("Bestätigt am");
    await expect(e.myRow(title)).not.toContainText("Ausstehend");

    // A second version: edited, signed off, published.
    await manager.goto(`/guidelines/${id}`);
    await manager.getByRole("button", { name: "Neue Version beginnen" }).click();
    await manager.waitForURL(`**/guidelines/${id}/edit`);
    await manager.getByLabel("Text (Markdown)").fill(body.replace("binnen 24 Stunden", "binnen 4 Stunden sachlich"));
    await manager.getByLabel("Änderungsnotiz").fill("Kürzere Reaktionszeit");
    await manager.getByRole("button", { name: "Entwurf speichern" }).click();
    await manager.waitForURL(new RegExp(`/guidelines/${id}$`));
    await g.step("Zur Prüfung einreichen");
    await g.recordSignoff("Recht", "freigegeben", "Dr. Claudia Berger");
    await expect(g.openVersion().getByText("Recht: freigegeben")).toBeVisible();
    await g.recordSignoff("Betriebsrat", "freigegeben", "Monika Hahn");
    await g.expectOpenStatus("Freigegeben");
    await g.step("Veröffentlichen");
    await expect(manager.getByRole("heading", { name: /^Gültige Fassung: Version 2/ })).toBeVisible();

    await employee.goto("/guidelines/mine");
    await expect(e.myRow(title)).toContainText("Ausstehend");
    await expect(e.myRow(title)).toContainText("Version 2");

    // Each publication told the employee (a background job writes it): the entry leads to the guideline.
    const told = employee.getByRole("link", { name: `Neue Richtlinie für Sie: ${title}` });
    await expect(async () => {
      await employee.goto("/notifications");
      await expect(told).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await told.first().click();
    await expect(employee).toHaveURL(new RegExp(`/guidelines/${id}$`));

    // The diff marks what changed in words, with elements that do not rely on colour.
    await employee.goto(`/guidelines/${id}/diff?from=1&to=2`);
    const diff = employee.getByTestId("guideline-diff");
    await expect(diff.locator("del")).toHaveText(["[entfernt: 24]"]);
    await expect(diff.locator("ins")).toHaveText(["[hinzugefügt: 4]", "[hinzugefügt:  sachlich]"]);
    await expect(employee.getByText("2 Wörter hinzugefügt, 1 Wort entfernt.")).toBeVisible();

    await manager.context().close();
    await employee.context().close();
  });
});

test.describe("forbidden paths for an employee", () => {
  test.use({ storageState: storageFor("employee") });

  test("the editor answers 403", async ({ page }) => {
    const res = await page.goto("/guidelines/new");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  });

  test("calling the publish server action answers 403 and publishes nothing", async ({ page, browser }) => {
    const manager = await as(browser, "manager");
    const g = new GuidelinesPage(manager);
    const title = `Leitfaden ohne Freigaben ${Date.now()}`;
    const id = await g.createDraft({ title, body: "Kurz und bündig.", changeNote: "Test", signoffs: [] });
    // Submit, approve and publish are one lifecycle action with different events.
    const ref = await actionIdOf(manager, () => g.step("Zur Prüfung einreichen"), "submit");
    await g.expectOpenStatus("In Prüfung");
    await g.step("Prüfung abschließen");
    await g.expectOpenStatus("Freigegeben");

    const html = await (await manager.context().request.get(`/guidelines/${id}`)).text();
    const versionId = html.split("<form").find((f) => f.includes('value="publish"'))!.match(/name="versionId" value="(\d+)"/)![1];
    const call = (p: Page) =>
      p.request.post(`/guidelines/${id}`, {
        headers: { "Next-Action": ref, Accept: "text/x-component" },
        multipart: { "0": JSON.stringify(["$undefined", { versionId, event: "publish" }]) },
      });

    expect((await call(page)).status()).toBe(403);
    await manager.reload();
    await g.expectOpenStatus("Freigegeben");
    await expect(manager.getByRole("heading", { name: "Noch keine gültige Fassung" })).toBeVisible();

    // The same request from the manager publishes: it was a valid call of that action.
    const control = await call(manager);
    expect(control.status()).toBe(200);
    expect(await control.text()).toContain('"ok":true');
    await manager.reload();
    await expect(manager.getByRole("heading", { name: /^Gültige Fassung: Version 1/ })).toBeVisible();
    await manager.context().close();
  });

  test("the employee's start page lists the seeded guideline as pending and hides work in progress", async ({ page }) => {
    await page.goto("/guidelines/mine");
    await expect(page.getByRole("row").filter({ hasText: SEEDED })).toContainText("Ausstehend");
    // The navigation counts what is still waiting for the employee.
    await expect(page.getByTestId("nav-badge-guidelines")).toHaveText(/^[1-9]\d*$/);
    await page.goto("/guidelines");
    await expect(page.getByRole("link", { name: "Krisenkommunikation in sozialen Medien" })).toBeVisible();
    await page.getByRole("link", { name: "Krisenkommunikation in sozialen Medien" }).click();
    await expect(page.getByRole("heading", { name: /^Gültige Fassung: Version 1/ })).toBeVisible();
    await expect(page.getByText("Version 2 in Arbeit")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Kenntnisnahmen zu Version/ })).toHaveCount(0);
  });
});

test.describe("coverage", () => {
  test("a department head sees coverage numbers but no names; the manager sees who is pending", async ({ browser }) => {
    const head = await as(browser, "hr");
    await head.goto("/guidelines");
    await head.getByRole("link", { name: SEEDED }).click();
    const coverage = head.getByRole("region", { name: "Kenntnisnahmen zu Version 2" });
    await expect(coverage.getByRole("row", { name: /Marketing/ })).toContainText(/\d+ von \d+/);
    await expect(coverage.getByText("Es werden nur Summen je Abteilung angezeigt, keine Namen.")).toBeVisible();
    await expect(coverage.getByRole("columnheader", { name: "Ausstehend" })).toHaveCount(0);
    await expect(head.getByText("Lena Fischer")).toHaveCount(0);

    const manager = await as(browser, "manager");
    await manager.goto(head.url());
    const full = manager.getByRole("region", { name: "Kenntnisnahmen zu Version 2" });
    await expect(full.getByRole("columnheader", { name: "Ausstehend" })).toBeVisible();
    await expect(full.getByRole("row", { name: /Marketing/ })).toContainText("Lena Fischer");
    await head.context().close();
    await manager.context().close();
  });
});
