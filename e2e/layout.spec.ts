import { expect, test } from "@playwright/test";
import { PHONE } from "./a11y";
import { storageFor } from "./fixtures";

test.describe("first visit language", () => {
  for (const [locale, heading, lang] of [
    ["en-US", "Sign in", "en"],
    ["de-DE", "Anmelden", "de"],
    ["fr-FR", "Anmelden", "de"],
  ] as const) {
    test.describe(`a browser asking for ${locale}`, () => {
      test.use({ locale });
      test(`gets the login page in ${lang}`, async ({ page }) => {
        await page.goto("/login");
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      });
    });
  }

  test.describe("a language the user picked", () => {
    test.use({ locale: "en-US", storageState: storageFor("manager") });
    test("wins over the browser's preference", async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "de", url: baseURL! }]);
      await page.goto("/channels");
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
    });
  });
});

test.describe("the header", () => {
  test.use({ storageState: storageFor("admin") });

  test("fits on one line at 1440 px, with every section and the user menu", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/admin/users");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    const links = nav.getByRole("link");
    await expect(links).toHaveCount(7);
    const menu = page.getByRole("button", { name: /, Benutzermenü$/ });
    const tops = new Set<number>();
    for (const box of [...(await Promise.all((await links.all()).map((l) => l.boundingBox()))), await menu.boundingBox()]) {
      tops.add(Math.round(box!.y + box!.height / 2));
    }
    // One row: every link and the menu share a vertical centre (within a pixel or two).
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
    await expect(menu).toContainText("Petra Albrecht");
  });

  test("on a phone is a menu button that opens the sections as a list and closes with Escape", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/users");
    const button = page.getByRole("button", { name: /^Menü/ });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
    await button.click();
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link")).toHaveCount(7);
    await nav.getByRole("link", { name: "Kanäle" }).focus();
    await page.keyboard.press("Escape");
    await expect(button).toBeFocused();
    await expect(nav).toBeHidden();
    await button.click();
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Kanäle" }).click();
    await expect(page).toHaveURL(/\/channels$/);
    await expect(page.getByRole("button", { name: /^Menü/ })).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kanäle");
  });

  test("marks the current section, and the overview for a drill-down from it", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/kpis");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link", { name: "Kennzahlen" })).toHaveAttribute("aria-current", "page");
    await page.goto("/kpis?from=overview");
    await expect(nav.getByRole("link", { name: "Überblick" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Kennzahlen" })).not.toHaveAttribute("aria-current", "page");
  });
});

test.describe("lists", () => {
  test.use({ storageState: storageFor("admin") });

  test("a list on one page shows its count and no paging buttons", async ({ page }) => {
    await page.goto("/channels?platform=linkedin");
    await expect(page.getByRole("navigation", { name: "Seitennavigation" })).toHaveCount(0);
    await expect(page.getByText(/^\d+ (Eintrag|Einträge)$/)).toBeVisible();
  });

  test("each page has its own title", async ({ page }) => {
    const titles = new Set<string>();
    for (const path of ["/admin/users", "/admin/departments", "/admin/tokens", "/admin/audit", "/channels", "/channels/processes"]) {
      await page.goto(path);
      titles.add(await page.title());
    }
    expect(titles.size).toBe(6);
    await page.goto("/admin/tokens");
    await expect(page).toHaveTitle("API-Tokens – Administration · Social-Media-Koordination");
  });
});
