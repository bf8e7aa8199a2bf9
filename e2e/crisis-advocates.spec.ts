import { expect, test } from "@playwright/test";
import { signBriefingToken } from "../lib/crisis/briefing-link";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { E2E_SECRET, pageFor } from "./fixtures";
import { startMailbox } from "./smtp";

const run = Date.now().toString(36);

test.describe("advocates in a crisis", () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  test.beforeAll(async () => {
    mailbox = await startMailbox();
  });
  test.afterAll(async () => {
    await mailbox?.close();
  });

  test("holding statements are listed by kind and language; a new one goes to the guidelines' sign-off", async ({ browser }) => {
    const manager = await pageFor(browser, "manager");
    await manager.goto("/crisis/statements");
    const table = manager.getByRole("table", { name: "Stellungnahmen" });
    await expect(table.getByRole("row").filter({ hasText: "freigegeben – verwendbar" })).toHaveCount(2);
    await expectNoA11yViolations(manager, "holding statements");
    await manager.goto("/crisis/statements/new");
    const form = manager.getByRole("form", { name: "Neue Stellungnahme" });
    await form.getByLabel("Titel", { exact: true }).fill(`Datenpanne ${run}`);
    await form.getByLabel("Art der Krise").selectOption({ label: "Datenpanne" });
    await form.getByLabel("Text", { exact: true }).fill("Wir prüfen einen möglichen Datenvorfall und informieren die Betroffenen.");
    await form.getByRole("button", { name: "Anlegen" }).click();
    await expect(manager).toHaveURL(/\/guidelines\/\d+$/);
    await expect(manager.getByRole("heading", { level: 1, name: `Datenpanne ${run}` })).toBeVisible();
    await expect(manager.getByText("Unternehmenskommunikation").first()).toBeVisible();
    await manager.context().close();
  });

  test("the manager keeps the register: adds a supporter with consent, and a revoked consent shows", async ({ browser }) => {
    const manager = await pageFor(browser, "manager");
    await manager.goto("/crisis/advocates?consent=revoked");
    await expect(manager.getByRole("table", { name: "Fürsprecher" }).getByRole("row")).toHaveCount(2);
    await expect(manager.getByRole("row", { name: /Anna Schmidt/ })).toContainText("widerrufen");
    await expectNoA11yViolations(manager, "advocates register");

    await manager.goto("/crisis/advocates/new");
    const form = manager.getByRole("form", { name: "Fürsprecher anlegen" });
    await form.getByLabel("Art", { exact: true }).selectOption({ label: "Fan" });
    await form.getByLabel("Name", { exact: true }).fill(`Nora Kunde ${run}`);
    await form.getByLabel("E-Mail-Adresse").fill("kein-mail");
    await form.getByLabel("Erteilt am").fill("2026-01-15");
    await form.getByRole("button", { name: "Speichern" }).click();
    await expect(form.getByText("Bitte eine gültige E-Mail-Adresse eingeben.")).toBeVisible();
    await expect(form.getByText("Bitte den Umfang der Einwilligung angeben.")).toBeVisible();
    await form.getByLabel("E-Mail-Adresse").fill(`nora.${run}@mail.example`);
    await form.getByLabel("Plattformen und Profile").fill("instagram: nora_k");
    await form.getByLabel("Umfang", { exact: true }).fill("Krisen-Briefings per E-Mail");
    await form.getByLabel("Form", { exact: true }).selectOption({ label: "Online-Formular" });
    await expectNoA11yViolations(manager, "new advocate");
    await form.getByRole("button", { name: "Speichern" }).click();
    await expect(manager.getByText("Fürsprecher angelegt.")).toBeVisible();
    await expect(manager.getByText("gültig", { exact: true })).toBeVisible();

    // Revoking asks first; afterwards the consent shows as revoked.
    manager.once("dialog", (d) => d.accept());
    await manager.getByRole("button", { name: "Einwilligung widerrufen" }).click();
    await expect(manager.getByText("widerrufen", { exact: true })).toBeVisible();
    await manager.setViewportSize(PHONE);
    await manager.reload();
    await expectNoHorizontalOverflow(manager, "advocate on a phone");
    await manager.context().close();
  });

  test("the manager briefs three advocates; one opens the link without an account, reads and reports a post; the room shows it", async ({ browser }) => {
    const manager = await pageFor(browser, "manager");
    await manager.goto("/crisis/new");
    const declare = manager.getByRole("form", { name: "Krise ausrufen" });
    await declare.getByLabel("Titel", { exact: true }).fill(`Video brennendes Getriebe ${run}`);
    await declare.getByLabel("Themen", { exact: true }).fill(`getriebevideo-${run}`);
    await declare.getByRole("button", { name: "Krise ausrufen" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: `Video brennendes Getriebe ${run}` })).toBeVisible();

    // An approved holding statement, adapted to the case: the room shows what changed.
    const use = manager.getByRole("form", { name: "Stellungnahme verwenden" });
    await use.getByLabel("Freigegebene Stellungnahme").selectOption({ label: "Holding Statement Produktmangel (DE) (DE, Produktmangel)" });
    const text = use.getByLabel("Text für diesen Fall");
    await expect(text).toHaveValue(/\[Produkt\]/);
    await text.fill((await text.inputValue()).replace("[Produkt]", "dem Getriebe G-200"));
    await use.getByLabel("Brenner auf X").check();
    await use.getByRole("button", { name: "Als verwendet festhalten" }).click();
    // The word diff marks each inserted word (with a hidden label), so look at the insertions.
    await expect(manager.getByTestId("guideline-diff").locator("ins").filter({ hasText: "G-200" })).toHaveCount(1);
    await expect(manager.getByText("Veröffentlicht auf: Brenner auf X")).toBeVisible();

    // Anna Schmidt withdrew her consent: she is listed but cannot be ticked.
    const briefing = manager.getByRole("form", { name: "Fürsprecher aktivieren" });
    const anna = briefing.getByRole("checkbox", { name: /Anna Schmidt/ });
    await expect(anna).toBeDisabled();
    for (const name of ["Felix Wagner", "Elena Rossi", "Tobias Lang"]) await briefing.getByRole("checkbox", { name: new RegExp(name) }).check();
    await briefing.getByLabel("Was ist passiert?").fill("Ein Video zeigt angeblich ein brennendes Brenner-Getriebe. Es stammt nicht von uns.");
    // The statement just used is offered as the agreed words.
    await expect(briefing.getByLabel("Abgestimmte Stellungnahme")).toHaveValue(/dem Getriebe G-200/);
    await briefing.getByLabel("Bitte nicht …").fill("Nicht spekulieren, keine Schuldzuweisungen.");
    await expectNoA11yViolations(manager, "crisis room with the briefing form");
    manager.once("dialog", (d) => d.accept());
    await briefing.getByRole("button", { name: "Briefing senden" }).click();
    await expect(manager.getByText("Briefing an 3 Fürsprecher gesendet.")).toBeVisible();
    const room = manager.url();

    // The external fan gets a mail with a personal link.
    await expect.poll(() => mailbox.find("tobias.lang@mail.example", `Video brennendes Getriebe ${run}`).length, { timeout: 60_000 }).toBe(1);
    const mail = mailbox.find("tobias.lang@mail.example", `Video brennendes Getriebe ${run}`)[0];
    const link = /https?:\/\/\S+\/brief\/[\w.-]+/.exec(mail.text ?? "")![0];

    // Without an account, on a phone: the briefing, reading confirmed, a post reported.
    const anonymous = await browser.newContext({ viewport: PHONE });
    const advocate = await anonymous.newPage();
    const res = await advocate.goto(link);
    expect(res?.status()).toBe(200);
    await expect(advocate.getByRole("heading", { level: 1, name: `Video brennendes Getriebe ${run}` })).toBeVisible();
    await expect(advocate.getByText("Nicht spekulieren, keine Schuldzuweisungen.")).toBeVisible();
    await expect(advocate.getByText("Felix Wagner")).toHaveCount(0);
    await expectNoA11yViolations(advocate, "briefing link");
    await expectNoHorizontalOverflow(advocate, "briefing link on a phone");
    await advocate.getByRole("button", { name: "Gelesen – danke" }).click();
    await expect(advocate.getByText("Danke! Wir wissen jetzt, dass Sie das Briefing gelesen haben.")).toBeVisible();
    await advocate.getByLabel("Link zu Ihrem Beitrag").fill("https://www.youtube.com/watch?v=klarstellung");
    await advocate.getByRole("button", { name: "Melden" }).click();
    await expect(advocate.getByText("Danke für Ihre Rückmeldung!")).toBeVisible();

    // A forged link answers 403, an expired one 410, and neither shows anything.
    const [id, exp, sig] = link.slice(link.lastIndexOf("/") + 1).split(".");
    const forged = await advocate.goto(link.replace(`${id}.${exp}.${sig}`, `${Number(id) + 1}.${exp}.${sig}`));
    expect(forged?.status()).toBe(403);
    await expect(advocate.getByText("Nicht spekulieren")).toHaveCount(0);
    const expired = signBriefingToken(E2E_SECRET, Number(id), new Date(Date.now() - 60_000));
    const gone = await advocate.goto(link.replace(`${id}.${exp}.${sig}`, expired));
    expect(gone?.status()).toBe(410);
    await anonymous.close();

    // The room counts it and shows the post.
    await manager.goto(room);
    await expect(manager.getByText("3 gebrieft, 1 gelesen, 1 aktiv geworden")).toBeVisible();
    await expect(manager.getByRole("link", { name: "https://www.youtube.com/watch?v=klarstellung" })).toBeVisible();
    await manager.context().close();
  });
});
