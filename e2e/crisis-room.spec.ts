import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

const run = Date.now().toString(36);

test.describe("crisis room", () => {
  test("a manager writes a playbook, declares a crisis with it, and only those concerned see the room", async ({ browser }) => {
    const manager = await pageFor(browser, "manager");

    // A playbook: an empty one is refused with a clear message, then two steps, the second moved up.
    await manager.goto("/crisis/playbooks/new");
    await expectNoA11yViolations(manager, "new playbook");
    const form = manager.getByRole("form", { name: "Neues Playbook" });
    await form.getByLabel("Name", { exact: true }).fill(`Shitstorm Arbeitgeber ${run}`);
    await form.getByLabel("Art der Krise").selectOption({ label: "Angriff auf die Arbeitgebermarke" });
    await form.getByRole("button", { name: "Speichern" }).click();
    await expect(form.getByText("Ein Playbook braucht mindestens einen Schritt.")).toBeVisible();
    await form.getByLabel("Schritt 1", { exact: true }).fill("Personalabteilung einbinden");
    await form.getByLabel("Fällig nach", { exact: true }).first().fill("2");
    await form.getByLabel("Abteilung", { exact: true }).first().selectOption({ label: "Personal" });
    await form.getByRole("button", { name: "Schritt hinzufügen" }).click();
    await form.getByLabel("Schritt 2", { exact: true }).fill("Holding Statement veröffentlichen");
    await form.getByLabel("Fällig nach", { exact: true }).nth(1).fill("30");
    await form.getByLabel("Einheit für Schritt 2").selectOption("min");
    await form.getByRole("button", { name: "Schritt 2 nach oben" }).click();
    await expect(form.getByLabel("Schritt 1", { exact: true })).toHaveValue("Holding Statement veröffentlichen");
    await form.getByRole("button", { name: "Speichern" }).click();
    await expect(manager.getByText("Playbook angelegt.")).toBeVisible();
    await expectNoA11yViolations(manager, "playbook editor");

    // Declared by hand on the X channel, with that playbook: active at once, its checklist in order.
    await manager.goto("/crisis/new");
    const declare = manager.getByRole("form", { name: "Krise ausrufen" });
    await declare.getByLabel("Titel", { exact: true }).fill(`Fake-Bewertungen auf Kununu ${run}`);
    await declare.getByLabel("Schwere").selectOption({ label: "Stufe 1 – begrenzt" });
    await declare.getByLabel("Playbook", { exact: true }).selectOption({ label: `Shitstorm Arbeitgeber ${run}` });
    await declare.getByLabel("Themen", { exact: true }).fill(`kununu-${run}`);
    await declare.getByLabel("Brenner auf X").check();
    await expectNoA11yViolations(manager, "declare a crisis");
    await declare.getByRole("button", { name: "Krise ausrufen" }).click();
    await expect(manager.getByRole("heading", { level: 1, name: `Fake-Bewertungen auf Kununu ${run}` })).toBeVisible();
    const steps = manager.getByRole("list", { name: "Checkliste" }).locator(":scope > li");
    await expect(steps).toHaveCount(2);
    await expect(steps.first()).toContainText("1. Holding Statement veröffentlichen");
    await expect(steps.nth(1)).toContainText("Personal");
    const room = manager.url();

    // The same topic cannot open a second room while this one is open.
    await manager.goto("/crisis/new");
    await declare.getByLabel("Titel", { exact: true }).fill("Doppelt");
    await declare.getByLabel("Themen", { exact: true }).fill(`KUNUNU-${run}`);
    await declare.getByRole("button", { name: "Krise ausrufen" }).click();
    await expect(declare.getByText("Eines der Themen gehört bereits zu einer offenen Krise.")).toBeVisible();
    await manager.context().close();

    // HR has a step, so its head sees the room; the executive sees every room; R&D is not concerned.
    for (const [role, status] of [["hr", 200], ["exec", 200], ["rnd", 403], ["employee", 403], ["admin", 403]] as const) {
      const page = await pageFor(browser, role);
      const res = await page.goto(room);
      expect(res?.status(), `${role} on the room`).toBe(status);
      if (status === 200) {
        // Reading, not acting: no checklist buttons, no close form.
        await expect(page.getByRole("button", { name: /als erledigt markieren/ })).toHaveCount(0);
        await expect(page.getByRole("form", { name: "Krise abschließen" })).toHaveCount(0);
      }
      await page.context().close();
    }
    const employee = await pageFor(browser, "employee");
    expect((await employee.goto("/crisis"))?.status()).toBe(403);
    await employee.context().close();
    const head = await pageFor(browser, "rnd");
    expect((await head.goto("/crisis/new"))?.status()).toBe(403);
    expect((await head.goto("/crisis/playbooks"))?.status()).toBe(403);
    await head.context().close();
  });

  test("the past crisis of the demo reads well on a phone", async ({ browser }) => {
    const exec = await pageFor(browser, "exec", PHONE);
    await exec.goto("/crisis");
    await exec.getByRole("link", { name: "Gerüchte über überhitzende FU-7-Umrichter" }).click();
    await expect(exec.getByText("Ein Forenbeitrag über einen qualmenden FU-7")).toBeVisible();
    await expect(exec.getByRole("list", { name: "Checkliste" }).getByText("verspätet erledigt")).toHaveCount(1);
    await expectNoA11yViolations(exec, "past crisis on a phone");
    await expectNoHorizontalOverflow(exec, "past crisis on a phone");
    // The post-mortem's export: the figures and the team's summary as Markdown.
    const md = await exec.request.get(exec.url().replace("/crisis/", "/api/crisis/") + "/post-mortem");
    expect(md.status()).toBe(200);
    expect(md.headers()["content-type"]).toContain("text/markdown");
    const text = await md.text();
    expect(text).toContain("# Nachbetrachtung: Gerüchte über überhitzende FU\\-7\\-Umrichter");
    expect(text).toContain("4 / 5 pünktlich erledigt");
    // Nobody outside the crisis's scope gets it either.
    const employee = await pageFor(browser, "employee");
    expect((await employee.request.get(exec.url().replace("/crisis/", "/api/crisis/") + "/post-mortem")).status()).toBe(403);
    await employee.context().close();
    await exec.context().close();
  });
});
