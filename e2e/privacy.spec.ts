import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

test.describe("Admin → Datenschutz: retention periods", () => {
  test("an admin changes a period (checked), applies the periods now after a confirmation, and sets it back", async ({ browser }) => {
    const page = await pageFor(browser, "admin");
    await page.goto("/admin/privacy");
    await expect(page.getByRole("heading", { name: "Aufbewahrungsfristen" })).toBeVisible();
    await expectNoA11yViolations(page);
    const applicants = page.getByLabel("Bewerberfrage");
    await expect(applicants).toHaveValue("6");

    await applicants.fill("0");
    await page.getByRole("button", { name: "Fristen speichern" }).click();
    await expect(page.getByText("Bitte 1 bis 120 Monate eingeben oder das Feld leeren.")).toBeVisible();

    await page.getByLabel("Bewerberfrage").fill("9");
    await page.getByRole("button", { name: "Fristen speichern" }).click();
    await expect(page.getByText("Aufbewahrungsfristen gespeichert.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Bewerberfrage")).toHaveValue("9");

    // Dismissing the confirmation runs nothing; accepting runs and lists the run (the demo's
    // insights are all younger than any period, so nothing is due).
    page.once("dialog", (d) => d.dismiss());
    await page.getByRole("button", { name: "Jetzt anwenden" }).click();
    await expect(page.getByText("Lauf beendet")).toHaveCount(0);
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Jetzt anwenden" }).click();
    await expect(page.getByText("Lauf beendet, nichts war fällig.")).toBeVisible();
    await expect(page.getByRole("table").getByText("Nichts anonymisiert").first()).toBeVisible();

    await page.getByLabel("Bewerberfrage").fill("6");
    await page.getByRole("button", { name: "Fristen speichern" }).click();
    await expect(page.getByText("Aufbewahrungsfristen gespeichert.")).toBeVisible();
    await page.context().close();

    const phone = await pageFor(browser, "admin", PHONE);
    await phone.goto("/admin/privacy");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  test("is the admins' alone", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    expect((await page.goto("/admin/privacy"))?.status()).toBe(403);
    await page.context().close();
  });
});
