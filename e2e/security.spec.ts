import { type BrowserContext, type Cookie, expect, type Page, test } from "@playwright/test";
import { PASSWORD, ROLES } from "./fixtures";
import { kpiIdByName } from "./pages/kpi-pages";
import { LoginPage } from "./pages/login-page";
import { UserMenu } from "./pages/user-menu";

const anonymous = { storageState: { cookies: [], origins: [] } };

async function signedIn(browser: import("@playwright/test").Browser, email: string) {
  const ctx = await browser.newContext(anonymous);
  const page = await ctx.newPage();
  await new LoginPage(page).loginAs(email, PASSWORD);
  return { ctx, page };
}

/** A second browser holding a copy of the session cookie, as someone who copied it would. */
async function withCopiedCookies(browser: import("@playwright/test").Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const ctx = await browser.newContext(anonymous);
  await ctx.addCookies(cookies);
  return ctx;
}

async function expectSignedOut(ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
  const api = await ctx.request.get("/api/overview");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthenticated");
}

test.describe("logout ends the session, not only the cookie in this browser", () => {
  test("a cookie copied before logging out no longer works", async ({ browser }) => {
    const { ctx, page } = await signedIn(browser, ROLES.manager);
    const copy = await withCopiedCookies(browser, await ctx.cookies());
    // The copy works while the session is alive …
    expect((await copy.request.get("/api/overview")).status()).toBe(200);

    await new UserMenu(page).logout();
    await expect(page).toHaveURL(/\/login/);

    // … and is refused once it has been logged out, by pages and by the API.
    await expectSignedOut(copy);
    await copy.close();
    await ctx.close();
  });

  test("signing out everywhere ends the user's sessions on other devices too", async ({ browser }) => {
    const email = "sophie.wolf@example.com";
    const laptop = await signedIn(browser, email);
    const phone = await signedIn(browser, email);
    expect((await phone.ctx.request.get("/api/overview")).status()).toBe(200);

    await new UserMenu(laptop.page).logoutEverywhere();
    await expect(laptop.page).toHaveURL(/\/login/);

    await expectSignedOut(phone.ctx);
    // Signing in again starts fresh sessions.
    const again = await signedIn(browser, email);
    expect((await again.ctx.request.get("/api/overview")).status()).toBe(200);
    for (const s of [laptop, phone, again]) await s.ctx.close();
  });
});

test.describe("Content-Security-Policy", () => {
  /** Collects the browser's reports of anything the policy blocked. */
  async function watchViolations(page: Page): Promise<string[]> {
    const seen: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.push(m.text());
    });
    await page.exposeFunction("__cspViolation", (s: string) => seen.push(s));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return seen;
  }

  function expectStrictPolicy(header: string | undefined) {
    expect(header).toBeTruthy();
    expect(header).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "script-src-attr 'none'"]) {
      expect(header).toContain(d);
    }
    expect(header).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }

  test("the login page runs under the policy and signs in", async ({ browser }) => {
    const ctx = await browser.newContext(anonymous);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);
    const res = await page.goto("/login");
    const headers = res!.headers();
    expectStrictPolicy(headers["content-security-policy"]);
    // Kept from next.config.ts; HSTS only over https.
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script Next rendered carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
    const scripts = page.locator("script");
    expect(await scripts.count()).toBeGreaterThan(0);
    for (const n of await scripts.evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce))) expect(n).toBe(nonce);
    // The form only works once React has hydrated it.
    await new LoginPage(page).login(ROLES.exec, PASSWORD);
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    expect(violations).toEqual([]);
    await ctx.close();
  });

  test("the overview and a KPI chart render and hydrate without violations", async ({ browser }) => {
    const { ctx, page } = await signedIn(browser, ROLES.manager);
    const violations = await watchViolations(page);
    const res = await page.goto("/overview");
    expectStrictPolicy(res!.headers()["content-security-policy"]);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await new UserMenu(page).open();
    await expect(page.getByRole("button", { name: "Benutzermenü" })).toHaveAttribute("aria-expanded", "true");

    const kpi = await kpiIdByName(page, "Zeit bis zur ersten Antwort");
    const kpiRes = await page.goto(`/kpis/${kpi}`);
    expectStrictPolicy(kpiRes!.headers()["content-security-policy"]);
    await expect(page.getByRole("img", { name: /Liniendiagramm der Ist-Werte/ })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(violations).toEqual([]);
    await ctx.close();
  });
});
