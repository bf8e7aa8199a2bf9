import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { type RoleKey, storageFor } from "./fixtures";
import { GuidelinesPage } from "./pages/guidelines-page";

const SEEDED = "Social-Media-Leitlinie der Brenner Antriebstechnik GmbH";
const SEEDED_IN_REVIEW = "Krisenkommunikation in sozialen Medien";

async function as(browser: Browser, role: RoleKey, viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageFor(role), ...(viewport ? { viewport } : {}) });
  return ctx.newPage();
}

/** A guideline the manager drafts and, unless told otherwise, submits for review. */
async function draftAndSubmit(g: GuidelinesPage, title: string, signoffs: ("Recht" | "Datenschutz" | "Betriebsrat")[], submit = true) {
  const id = await g.createDraft({ title, body: "## Regeln\n\nWir antworten sachlich und binnen eines Werktags.", changeNote: "Erste Fassung", signoffs });
  if (submit) {
    await g.step("Zur Prüfung einreichen");
    await g.expectOpenStatus("In Prüfung");
  }
  return id;
}

test.describe("works council signs with its own login", () => {
  test("a works-council member sees only what awaits the works council, signs with a comment, and the guideline shows the signature with her name", async ({ browser }) => {
    const stamp = Date.now();
    const manager = await as(browser, "manager");
    const g = new GuidelinesPage(manager);
    const mineTitle = `Leitfaden Betriebsrat ${stamp}`;
    const legalOnly = `Leitfaden nur Recht ${stamp}`;
    const draftOnly = `Leitfaden Entwurf ${stamp}`;
    const id = await draftAndSubmit(g, mineTitle, ["Recht", "Betriebsrat"]);
    const legalId = await draftAndSubmit(g, legalOnly, ["Recht"]);
    const draftId = await draftAndSubmit(g, draftOnly, ["Betriebsrat"], false);

    const wc = await as(browser, "worksCouncil");
    // Home for an employee is "Meine Leitfäden": it points to what awaits her signature.
    await wc.goto("/guidelines/mine");
    // The navigation counts what awaits her signature (with anything she has still to acknowledge).
    const badge = wc.getByTestId("nav-badge-guidelines");
    const before = Number(await badge.textContent());
    expect(before).toBeGreaterThanOrEqual(2);
    const desk = wc.getByTestId("awaiting-signoff");
    await expect(desk.getByRole("heading", { name: "Auf Ihre Freigabe warten" })).toBeVisible();
    await desk.getByRole("link", { name: "Zu den Freigaben" }).click();
    await wc.waitForURL("**/guidelines/signoffs");
    await expect(wc).toHaveTitle(/^Freigaben/);
    const items = wc.getByTestId("signoff-item");
    await expect(items.filter({ hasText: mineTitle })).toHaveCount(1);
    await expect(items.filter({ hasText: SEEDED_IN_REVIEW })).toHaveCount(1);
    await expect(items.filter({ hasText: legalOnly })).toHaveCount(0);
    await expect(items.filter({ hasText: draftOnly })).toHaveCount(0);
    // Everything listed needs the works council.
    for (const item of await items.all()) await expect(item.getByText(/^Betriebsrat: /)).toBeVisible();

    await items.filter({ hasText: mineTitle }).getByRole("link", { name: /Version 1 lesen und freigeben/ }).click();
    await wc.waitForURL(new RegExp(`/guidelines/${id}$`));
    await expect(wc.getByRole("heading", { level: 1 })).toHaveText(mineTitle);
    // The text comes before the form that signs it.
    const text = wc.getByRole("region", { name: "Text von Version 1" });
    const form = wc.getByRole("form", { name: "Ihre Freigabe" });
    await expect(text.getByText("Wir antworten sachlich")).toBeVisible();
    expect(await text.evaluate((t, f) => Boolean(t.compareDocumentPosition(f!) & Node.DOCUMENT_POSITION_FOLLOWING), await form.elementHandle())).toBe(true);
    await expect(form.getByText("Sie unterzeichnen mit Ihrer eigenen Anmeldung als Monika Hahn.")).toBeVisible();
    // She cannot record on behalf of anyone, nor for another function.
    await expect(wc.getByTestId("on-behalf")).toHaveCount(0);
    await expect(form.getByLabel("Freigebende Stelle").locator("option")).toHaveText(["Betriebsrat"]);

    await new GuidelinesPage(wc).sign("freigegeben", "Einverstanden; die Werbepause ist mit uns abgestimmt.");
    await expect(wc.getByTestId("toast").filter({ hasText: /Die Freigabe wurde erfasst\./ })).toBeVisible();
    await expect(wc.locator("#page-title")).toBeFocused();
    const signature = wc.getByTestId("signoff").filter({ hasText: "Betriebsrat" });
    await expect(signature).toContainText("freigegeben · Monika Hahn");
    await expect(signature).toContainText("selbst unterzeichnet");
    await expect(signature).toContainText("„Einverstanden; die Werbepause ist mit uns abgestimmt.“");
    await expect(wc.getByText("Für Ihre Freigabestelle ist in dieser Prüfrunde bereits entschieden.")).toBeVisible();
    await expect(badge).toHaveText(String(before - 1));

    // The manager sees the same signature.
    await manager.goto(`/guidelines/${id}`);
    await expect(manager.getByTestId("signoff").filter({ hasText: "Betriebsrat" })).toContainText("Monika Hahn");
    await expect(g.openVersion().getByText("Betriebsrat: freigegeben")).toBeVisible();

    // Versions not awaiting her, and the admin area, are closed to her.
    for (const path of [`/guidelines/${legalId}`, `/guidelines/${draftId}`, `/guidelines/${draftId}/diff`]) {
      expect((await wc.goto(path))?.status(), path).toBe(404);
    }
    for (const path of ["/admin/users", "/guidelines/new", `/guidelines/${id}/edit`]) {
      expect((await wc.goto(path))?.status(), path).toBe(403);
    }
    await manager.context().close();
    await wc.context().close();
  });

  test("an employee without a sign-off function has no sign-off desk", async ({ browser }) => {
    const employee = await as(browser, "employee");
    expect((await employee.goto("/guidelines/signoffs"))?.status()).toBe(403);
    await employee.goto("/guidelines/mine");
    await expect(employee.getByTestId("awaiting-signoff")).toHaveCount(0);
    await employee.context().close();
  });
});

test.describe("assigning sign-off functions", () => {
  test("an admin gives a person a sign-off function in the user form; the list shows it", async ({ browser }) => {
    const admin = await as(browser, "admin");
    await admin.goto("/admin/users?q=emma.lang");
    await admin.getByRole("link", { name: "Emma Lang" }).click();
    const functions = admin.getByRole("group", { name: "Freigabefunktionen" });
    await expect(functions.getByLabel("Datenschutz")).not.toBeChecked();
    await functions.getByLabel("Datenschutz").check();
    await admin.getByRole("button", { name: "Speichern" }).click();
    await expect(admin.getByText("Änderungen gespeichert.")).toBeVisible();
    await admin.goto("/admin/users?q=emma.lang");
    await expect(admin.getByRole("row", { name: /Emma Lang/ })).toContainText("Datenschutz");
    await admin.goto("/admin/audit?entity=user");
    await expect(admin.getByRole("cell", { name: "user.update" }).first()).toBeVisible();
    await admin.context().close();
  });
});

test.describe("sign-offs recorded on behalf", () => {
  test("need a reference, and never preselect a function that has already decided", async ({ browser }) => {
    const manager = await as(browser, "manager");
    const g = new GuidelinesPage(manager);
    const id = await draftAndSubmit(g, `Leitfaden im Auftrag ${Date.now()}`, ["Recht", "Betriebsrat"]);

    await g.recordSignoff("Betriebsrat", "freigegeben", "Monika Hahn", "", "");
    await expect(g.onBehalfForm().getByText("Bitte geben Sie an, wo die Entscheidung dokumentiert ist (z. B. das Sitzungsprotokoll).")).toBeVisible();
    await expect(g.openVersion().getByText("Betriebsrat: ausstehend")).toBeVisible();

    await g.recordSignoff("Betriebsrat", "freigegeben", "Monika Hahn", "", "Protokoll der Betriebsratssitzung vom 3. März");
    await expect(manager.getByTestId("toast").filter({ hasText: /Die Freigabe wurde erfasst\./ })).toBeVisible();
    await expect(g.openVersion().getByText("Betriebsrat: freigegeben")).toBeVisible();
    await expect(manager.getByTestId("signoff").filter({ hasText: "Betriebsrat" })).toContainText(
      "im Auftrag erfasst von Jonas Weber, Beleg: Protokoll der Betriebsratssitzung vom 3. März",
    );

    await manager.reload();
    await g.openOnBehalf();
    const fn = g.onBehalfForm().getByLabel("Freigebende Stelle");
    await expect(fn).toHaveValue("legal");
    await expect(fn.locator("option", { hasText: "Betriebsrat" })).toBeDisabled();
    await expect(fn.locator("option", { hasText: "Betriebsrat" })).toHaveText("Betriebsrat – bereits freigegeben");
    expect(id).toBeGreaterThan(0);
    await manager.context().close();
  });
});

test.describe("publishing and archiving", () => {
  test("submit and publish are confirmed in a toast; archive sits apart, asks first, and can be cancelled", async ({ browser }) => {
    const manager = await as(browser, "manager");
    const g = new GuidelinesPage(manager);
    await draftAndSubmit(g, `Leitfaden zum Archivieren ${Date.now()}`, []);
    await expect(manager.getByTestId("toast").filter({ hasText: /Version 1 ist zur Prüfung eingereicht\./ })).toBeVisible();
    await expect(manager.locator("#page-title")).toBeFocused();
    await g.step("Prüfung abschließen");
    await g.step("Veröffentlichen");
    await expect(manager.getByTestId("toast").filter({ hasText: /Version 1 ist veröffentlicht\./ })).toBeVisible();
    await expect(manager.locator("#page-title")).toBeFocused();

    // Not next to the text: the text's section has no archive button.
    await expect(manager.getByRole("region", { name: /^Gültige Fassung/ }).getByRole("button", { name: /Archivieren/ })).toHaveCount(0);
    const zone = manager.getByRole("region", { name: "Weitere Aktionen" });
    await zone.getByRole("button", { name: "Archivieren …" }).click();
    await expect(zone.getByRole("button", { name: "Ja, archivieren" })).toBeFocused();
    await zone.getByRole("button", { name: "Abbrechen" }).click();
    await expect(zone.getByRole("button", { name: "Archivieren …" })).toBeFocused();
    await expect(manager.getByRole("heading", { name: /^Gültige Fassung: Version 1/ })).toBeVisible();

    await g.archive();
    await expect(manager.getByTestId("toast").filter({ hasText: /Der Leitfaden ist archiviert\./ })).toBeVisible();
    await expect(manager.locator("#page-title")).toBeFocused();
    await expect(manager.getByRole("heading", { name: "Noch keine gültige Fassung" })).toBeVisible();
    await manager.context().close();
  });
});

test.describe("acknowledging", () => {
  test("the confirmation follows the text, shows what changed since the last confirmed version, and confirms in a toast", async ({ browser }) => {
    // The head of sales confirmed version 1 of the seeded guideline, not version 2.
    const head = await as(browser, "sales");
    await head.goto("/guidelines/mine");
    await head.getByRole("row").filter({ hasText: SEEDED }).getByRole("link", { name: SEEDED }).click();
    await expect(head.getByRole("heading", { level: 1 })).toHaveText(SEEDED);
    await expect(head).toHaveTitle(new RegExp(`^${SEEDED} – Leitfaden`));

    const reading = head.getByRole("region", { name: /^Gültige Fassung: Version 2/ });
    const ack = head.getByTestId("acknowledge-section");
    const lastText = reading.getByTestId("guideline-text");
    await expect(lastText.getByText("Wir antworten nicht aus dem Affekt", { exact: false })).toBeVisible();
    expect(await lastText.evaluate((t, a) => Boolean(t.compareDocumentPosition(a!) & Node.DOCUMENT_POSITION_FOLLOWING), await ack.elementHandle())).toBe(true);

    const changes = head.getByTestId("changes-since-ack");
    await changes.getByText(/^Änderungen seit Version 1, die Sie zuletzt bestätigt haben/).click();
    await expect(changes.getByTestId("guideline-diff").locator("ins").first()).toBeVisible();

    await ack.getByRole("button", { name: "Gelesen – Kenntnisnahme bestätigen" }).click();
    await expect(head.getByTestId("toast").filter({ hasText: /Danke – Ihre Kenntnisnahme von Version 2 ist gespeichert\./ })).toBeVisible();
    await expect(head.locator("#page-title")).toBeFocused();
    await expect(head.getByTestId("acknowledge-section")).toHaveCount(0);
    await expect(head.getByText(/Sie haben Version 2 am .* zur Kenntnis genommen\./)).toBeVisible();
    await head.context().close();
  });
});

test.describe("accessibility and layout of the guideline pages", () => {
  // Every guideline page each role reaches is judged by the crawl (a11y.spec.ts), one guideline per
  // role; these are the states of a guideline it may not land on: under review, and what changed.
  const pagesFor: Partial<Record<RoleKey, string[]>> = {
    manager: ["@inReview", "@diff"],
    worksCouncil: ["@inReview"],
    employee: ["@diff"],
  };
  for (const [role, paths] of Object.entries(pagesFor) as [RoleKey, string[]][]) {
    for (const [label, viewport] of [["desktop", { width: 1440, height: 900 }], ["phone", PHONE]] as const) {
      test(`${role} at ${label}: no axe violations, nothing wider than the screen, one h1 and an own title per page`, async ({ browser }) => {
        const page = await as(browser, role, viewport);
        await page.goto("/guidelines");
        // Find the seeded guidelines by their titles (ids depend on the seed order).
        const idOf = async (title: string) => {
          const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
          return href!.split("/").pop();
        };
        const seeded = await idOf(SEEDED);
        const inReview = await idOf(SEEDED_IN_REVIEW);
        const resolve = (p: string) =>
          p === "@seeded" ? `/guidelines/${seeded}` : p === "@inReview" ? `/guidelines/${inReview}` : p === "@diff" ? `/guidelines/${seeded}/diff` : p;
        const titles = new Set<string>();
        for (const path of paths.map(resolve)) {
          const res = await page.goto(path);
          expect(res?.status(), path).toBe(200);
          await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
          await expect(page.getByRole("heading", { level: 1 }), path).not.toHaveText("");
          titles.add(await page.title());
          await expectNoA11yViolations(page, `${path} as ${role} at ${label}`);
          await expectNoHorizontalOverflow(page, `${path} as ${role} at ${label}`);
        }
        expect(titles.size, "every page has its own title").toBe(paths.length);
        await page.context().close();
      });
    }
  }

  test("the guideline detail uses the width at 1440 px: no wide empty column beside the text", async ({ browser }) => {
    const page = await as(browser, "employee", { width: 1440, height: 900 });
    await page.goto("/guidelines");
    await page.getByRole("link", { name: SEEDED, exact: true }).click();
    const text = await page.getByRole("region", { name: /^Gültige Fassung/ }).boundingBox();
    const side = await page.getByRole("region", { name: "Versionen" }).boundingBox();
    const main = await page.locator("main").boundingBox();
    // The side column starts right after the text (one gap) and ends at the content edge.
    expect(side!.x - (text!.x + text!.width)).toBeLessThanOrEqual(32);
    expect(main!.x + main!.width - (side!.x + side!.width)).toBeLessThanOrEqual(40);
    await page.context().close();
  });

  test("the guideline list is a list of cards on a phone", async ({ browser }) => {
    const page = await as(browser, "manager", PHONE);
    await page.goto("/guidelines");
    await expect(page.getByTestId("guideline-cards")).toBeVisible();
    await expect(page.getByRole("table")).toBeHidden();
    await expect(page.getByTestId("guideline-cards").getByRole("link", { name: SEEDED })).toBeVisible();
    await page.context().close();
  });
});
