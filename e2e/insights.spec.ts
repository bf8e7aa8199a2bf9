import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { storageFor, type RoleKey } from "./fixtures";
import { InsightsPage } from "./pages/insights-page";

const run = Date.now().toString(36);

async function as(browser: Browser, role: RoleKey) {
  const context = await browser.newContext({ storageState: storageFor(role) });
  const page = await context.newPage();
  return { context, page, insights: new InsightsPage(page) };
}

function insight(externalId: string, over: Record<string, unknown> = {}) {
  return {
    source: "e2e-listening",
    externalId,
    platform: "forum",
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    text: `Das neue Getriebe G-200 ist super leise, tolle Arbeit! [${externalId}]`,
    category: "product_feedback",
    authorHandle: `@kunde.${run}`,
    ...over,
  };
}

async function post(request: APIRequestContext, token: string | null, body: unknown) {
  return request.post("/api/v1/insights", {
    data: body,
    headers: { Cookie: "", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
}

test.describe.serial("insight routing from the API to the department and back", () => {
  let token = "";
  let routedId = 0;
  const routedExt = `e2e-${run}-rnd`;
  const triageExt = `e2e-${run}-triage`;

  test("an admin creates an intake token in the admin area", async ({ browser }) => {
    const { context, page } = await as(browser, "admin");
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill(`Social Listening ${run}`);
    await page.getByLabel("Hinweise einliefern").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^smc_/);
    await context.close();
  });

  test("the API refuses a request without a token", async ({ request }) => {
    const res = await post(request, null, insight(`e2e-${run}-anon`));
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  test("a posted insight is routed by a rule to R&D, and re-sending it does not duplicate it", async ({ request }) => {
    const res = await post(request, token, { items: [insight(routedExt), { ...insight(`e2e-${run}-bad`), text: "" }] });
    expect(res.status()).toBe(201);
    const { data } = await res.json();
    expect(data).toMatchObject({ created: 1, invalid: 1, routed: 1 });
    expect(data.items[1].errors.text).toEqual(["Please fill in."]);
    routedId = data.items[0].id;

    const again = await post(request, token, insight(routedExt));
    expect(again.status()).toBe(200);
    expect((await again.json()).data).toMatchObject({ created: 0, duplicates: 1 });
  });

  test("the R&D head sees it pseudonymised, accepts it and resolves it with a ticket reference", async ({ browser }) => {
    const { context, page, insights } = await as(browser, "rnd");
    await insights.gotoInbox();
    const row = insights.inboxTable().getByRole("row", { name: new RegExp(routedExt) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(/Autor-[0-9A-F]{6}/);
    await expect(page.getByText(`@kunde.${run}`)).toHaveCount(0);

    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/insights/${routedId}$`));
    await expect(page.getByTestId("author-alias")).toHaveText(/Autor-[0-9A-F]{6}/);
    await insights.accept();
    await insights.resolve("Geräuschdämmung wird in die Serie übernommen.", `JIRA-${run}`);
    await expect(insights.outcome()).toContainText(`JIRA-${run}`);
    await expect(page.getByText(`@kunde.${run}`)).toHaveCount(0);
    await context.close();
  });

  test("the HR head cannot open the R&D insight", async ({ browser }) => {
    const { context, insights } = await as(browser, "hr");
    const res = await insights.open(routedId);
    expect(res?.status()).toBe(403);
    await context.close();
  });

  test("the manager sees the outcome in the timeline, with the handle, and closes the loop", async ({ browser }) => {
    const { context, page, insights } = await as(browser, "manager");
    await insights.open(routedId);
    const timeline = insights.timeline();
    await expect(timeline).toContainText(/Eingegangen über die API \(Social Listening/);
    await expect(timeline).toContainText("Per Regel „Produktfeedback und Ideen an F&E“ an Forschung & Entwicklung weitergeleitet");
    await expect(timeline.getByRole("listitem").filter({ hasText: "Angenommen" })).toContainText("Dr. Katrin Hoffmann");
    await expect(timeline.getByRole("listitem").filter({ hasText: "Erledigt" })).toContainText(`JIRA-${run}`);
    await expect(insights.outcome()).toContainText("Geräuschdämmung wird in die Serie übernommen.");
    await expect(page.getByText(`@kunde.${run}`)).toBeVisible();

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Schleife schließen" }).click();
    await expect(timeline).toContainText("Kunde hat eine Antwort erhalten – Schleife geschlossen");
    await context.close();
  });

  test("an unmatched insight waits in triage and the manager routes it by hand", async ({ browser, request }) => {
    const res = await post(request, token, insight(triageExt, { category: "praise", text: `Danke für den tollen Messestand! [${triageExt}]` }));
    const { data } = await res.json();
    expect(data.items[0]).toMatchObject({ status: "created", departmentId: null });

    const { context, page, insights } = await as(browser, "manager");
    await insights.gotoInbox();
    await expect(insights.row(triageExt)).toContainText("Triage");
    await insights.routeSelected([triageExt], "Vertrieb");
    await expect(page.getByTestId("bulk-result")).toContainText("1 Hinweis weitergeleitet.");
    await expect(insights.row(triageExt)).toHaveCount(0);

    await insights.open(data.items[0].id);
    await expect(insights.timeline()).toContainText("An Vertrieb weitergeleitet");
    await expect(insights.timeline()).toContainText("Jonas Weber");
    await context.close();
  });
});
