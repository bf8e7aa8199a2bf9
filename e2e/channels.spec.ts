import { expect, test } from "@playwright/test";
import { storageFor } from "./fixtures";
import { ChannelsPage } from "./pages/channels-page";
import { actionIdFor, callAction } from "./pages/server-action";

const stamp = Date.now().toString(36);
const channelName = `Brenner Ausbildung ${stamp}`;
let channelId = 0;

test.describe.serial("a channel from creation to the department head's strategy answers, and the head's limits", () => {
  test.use({ storageState: storageFor("hr") });

  test("the manager creates a channel, assigns HR as owner and sales as contributor, and the matrix shows both", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageFor("manager") });
    const page = await ctx.newPage();
    const channels = new ChannelsPage(page);
    await channels.create({
      name: channelName,
      platform: "youtube",
      handle: `@brenner-ausbildung-${stamp}`,
      url: "https://www.youtube.com/@brenner-ausbildung",
      status: "active",
      owner: "Sabine Krüger",
      deputy: "Lukas Meyer",
      owningDepartment: "Personal",
    });
    await expect(page.locator('[role="status"][data-notice]')).toHaveText(`Kanal ${channelName} wurde angelegt.`);

    channelId = await channels.open(channelName);
    await channels.assign("Vertrieb", "Mitwirkend");
    const assignments = page.getByRole("table", { name: "Abteilungen und Zuständigkeiten" });
    await expect(assignments.getByRole("row", { name: /Personal/ })).toContainText("Federführend");
    await expect(assignments.getByRole("row", { name: /Vertrieb/ })).toContainText("Mitwirkend");
    await expect(page.getByText("Kennung (Handle)").locator("xpath=following-sibling::dd[1]")).toHaveText(`brenner-ausbildung-${stamp}`);

    await page.goto("/channels/matrix");
    await expect(await channels.matrixCell("Personal", channelName)).toHaveText("Federführend");
    await expect(await channels.matrixCell("Vertrieb", channelName)).toHaveText("Mitwirkend");
    await expect(await channels.matrixCell("Marketing", channelName)).not.toContainText(/Federführend|Mitwirkend|Lesend/);
    // The history keeps each step.
    await page.goto(`/channels/${channelId}`);
    await expect(page.getByText("Zuständigkeit festgelegt")).toBeVisible();
    await expect(page.getByText("Kanal angelegt")).toBeVisible();
    await ctx.close();
  });

  test("the HR head answers the strategy questions of the channel HR owns", async ({ page }) => {
    await page.goto(`/channels/${channelId}`);
    await page.getByRole("link", { name: "Strategiefragen beantworten" }).click();
    await page.getByLabel("Was gewinnen wir?").fill("Mehr Bewerbungen für Ausbildungsplätze in der Region.");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator('[role="status"][data-notice]')).toHaveText("Strategiefragen gespeichert.");
    await page.goto(`/channels/${channelId}`);
    await expect(page.getByText("Mehr Bewerbungen für Ausbildungsplätze in der Region.")).toBeVisible();
    // Only the strategy answers: no full edit form for a head.
    await page.goto(`/channels/${channelId}/edit`);
    await expect(page.getByLabel("Plattform")).toHaveCount(0);
  });

  test("the HR head gets 403 on another department's channel edit, by page and by server action", async ({ page, browser }) => {
    const channels = new ChannelsPage(page);
    const marketingChannel = await channels.open("Brenner Antriebe");
    await expect(page.getByRole("link", { name: "Strategiefragen beantworten" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
    const res = await page.goto(`/channels/${marketingChannel}/edit`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();

    // The strategy action from HR's own channel page, aimed at the marketing channel.
    const ownId = channelId;
    const html = await (await page.request.get(`/channels/${ownId}/edit`)).text();
    const actionId = actionIdFor(html, "ourGain");
    // Posted to HR's own edit page, which the head may open: the 403 can only come from the action.
    const refused = await callAction(page.request, `/channels/${ownId}/edit`, actionId, { id: marketingChannel, ourGain: "Übernommen" });
    expect(refused.status()).toBe(403);
    // The same call on HR's own channel is accepted, so the request itself was valid.
    const accepted = await callAction(page.request, `/channels/${ownId}/edit`, actionId, { id: ownId, ourGain: "Fachkräfte gewinnen" });
    expect(accepted.status()).toBe(200);

    const manager = await browser.newContext({ storageState: storageFor("manager") });
    const detail = await (await manager.request.get(`/channels/${marketingChannel}`)).text();
    expect(detail).not.toContain("Übernommen");
    expect(await (await manager.request.get(`/channels/${ownId}`)).text()).toContain("Fachkräfte gewinnen");
    await manager.close();
  });

  test("the HR head gets 403 when creating a channel, by page and by server action", async ({ page, browser }) => {
    await page.goto("/channels");
    await expect(page.getByRole("link", { name: "Neuer Kanal" })).toHaveCount(0);
    const res = await page.goto("/channels/new");
    expect(res?.status()).toBe(403);

    const manager = await browser.newContext({ storageState: storageFor("manager") });
    const actionId = actionIdFor(await (await manager.request.get("/channels/new")).text(), "owningDepartmentId");
    const fields = (name: string) => ({ name, platform: "other", handle: "", url: "", status: "planned", ownerId: "", deputyId: "", owningDepartmentId: "", nextReviewOn: "" });
    // Posted to a channel page the head may open, so the 403 can only come from the action itself.
    const path = `/channels/${channelId}`;
    expect((await callAction(page.request, path, actionId, fields(`Eindringling ${stamp}`))).status()).toBe(403);
    expect((await callAction(manager.request, path, actionId, fields(`Kontrolle ${stamp}`))).status()).toBe(200);
    // A link to the channel in the register's results, not just the search term echoed in the form.
    const register = async (q: string) => (await (await manager.request.get(`/channels?q=${encodeURIComponent(q)}`)).text()).includes(`>${q}</a>`);
    expect(await register(`Eindringling ${stamp}`)).toBe(false);
    expect(await register(`Kontrolle ${stamp}`)).toBe(true);
    await manager.close();
  });
});

test.describe("the register and the matrix for the manager", () => {
  test.use({ storageState: storageFor("manager") });

  test("an overdue review is flagged in the register and the matrix", async ({ page }) => {
    const channels = new ChannelsPage(page);
    await page.goto("/channels?sort=nextReviewOn&dir=asc");
    const first = channels.registerRows().first();
    await expect(first).toContainText("Brenner Service");
    await expect(first).toContainText("Überprüfung überfällig");
    await expect(channels.registerRows().filter({ hasText: "Überprüfung überfällig" })).toHaveCount(1);

    await page.goto("/channels/matrix");
    await expect(channels.columnHeader("Brenner Service")).toContainText("Überprüfung überfällig");
    await expect(channels.columnHeader("Brenner Karriere (Instagram)")).toContainText("Keine Stellvertretung");
    await expect(channels.columnHeader("Brenner Antriebe")).not.toContainText(/Keine|überfällig/);
    await expect(page.getByRole("rowheader", { name: /Finanzen & Controlling/ })).toContainText("Nutzt keinen Kanal");
    await expect(page.getByRole("rowheader", { name: /^Marketing/ })).not.toContainText("Nutzt keinen Kanal");
    await expect(page.getByText(/^\d+ Abteilung(en)? nutz(t|en) keinen Kanal\.$/)).toBeVisible();
  });

  test("the register filters by platform, status, department and name, and paginates", async ({ page }) => {
    const channels = new ChannelsPage(page);
    const rows = channels.registerRows();
    await page.goto("/channels");
    await page.getByLabel("Plattform").selectOption("xing");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Brenner Antriebstechnik (XING)");

    await page.goto("/channels");
    await page.getByLabel("Status").selectOption("paused");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(rows.first()).toContainText("Brenner (Mastodon)");
    for (const text of await rows.allInnerTexts()) expect(text).toContain("Pausiert");

    await page.goto("/channels");
    await page.getByLabel("Abteilung").selectOption({ label: "Kundenservice" });
    await page.getByLabel("Name suchen").fill("forum");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Brenner Anwenderforum");

    await page.goto("/channels?sort=name&dir=asc");
    await expect(rows).toHaveCount(10);
    const pager = page.getByRole("navigation", { name: "Seitennavigation" });
    await expect(pager).toContainText("Seite 1 von");
    const firstPage = await rows.allInnerTexts();
    await pager.getByRole("link", { name: "Nächste Seite" }).click();
    await expect(pager).toContainText("Seite 2 von");
    const secondPage = await rows.allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((r) => firstPage.includes(r))).toBe(false);
  });

  test("validation errors are shown per field and nothing is created", async ({ page }) => {
    const channels = new ChannelsPage(page);
    await channels.create({
      name: `Ungültig ${stamp}`,
      platform: "linkedin",
      handle: "Brenner-Karriere",
      url: "ftp://brenner.example",
      status: "active",
      owner: "Jonas Weber",
      deputy: "Jonas Weber",
    });
    await expect(page.locator('[role="alert"][data-notice="error"]')).toBeVisible();
    await expect(page.getByText("Bitte eine Adresse mit http:// oder https:// eingeben.")).toBeVisible();
    await expect(page.getByLabel("Adresse (URL)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Ungültig ${stamp}`);

    // With a valid address, the rules about people and the owning department speak up.
    await page.getByLabel("Adresse (URL)").fill("https://www.linkedin.com/x");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Stellvertretung und verantwortliche Person müssen verschiedene Personen sein.")).toBeVisible();
    await expect(page.getByText("Ein aktiver Kanal braucht eine federführende Abteilung.", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Stellvertretung")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Status")).toHaveAttribute("aria-invalid", "true");

    // With the rules met, the handle that LinkedIn already has is refused.
    await page.getByLabel("Stellvertretung").selectOption({ label: "Sophie Wolf" });
    await page.getByLabel("Federführende Abteilung").selectOption({ label: "Personal" });
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Diese Kennung gibt es auf dieser Plattform schon.")).toBeVisible();
    await page.goto(`/channels?q=${encodeURIComponent(`Ungültig ${stamp}`)}`);
    await expect(page.getByText("Keine Kanäle gefunden.")).toBeVisible();
  });

  test("the manager creates, renames and archives a business process shown on the department page", async ({ page }) => {
    const name = `Onboarding ${stamp}`;
    await page.goto("/departments/personal");
    await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
    await expect(page.getByText("Sabine Krüger")).toBeVisible();
    await expect(page.getByRole("table", { name: "Kanäle und Zuständigkeiten" })).toContainText("Brenner Karriere");
    await page.getByRole("link", { name: "Geschäftsprozesse verwalten" }).click();

    const form = page.getByRole("form", { name: "Neuer Geschäftsprozess" });
    await expect(form.getByLabel("Abteilung")).toHaveValue(/\d+/);
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Anlegen" }).click();
    await expect(form.getByRole("status")).toHaveText(`Geschäftsprozess ${name} wurde angelegt.`);

    const row = page.getByRole("row", { name: new RegExp(name) });
    await row.getByLabel(`${name} umbenennen`).click();
    await row.getByLabel("Name").fill(`${name} (neu)`);
    await row.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`${name} \\(neu\\)`) })).toBeVisible();

    await page.goto("/departments/personal");
    await expect(page.getByText(`${name} (neu)`)).toBeVisible();

    await page.goto("/channels/processes");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: `${name} (neu) archivieren` }).click();
    await expect(page.getByRole("button", { name: `${name} (neu) archivieren` })).toHaveCount(0);
    await page.goto("/departments/personal");
    await expect(page.getByText(`${name} (neu)`)).toHaveCount(0);
    await page.goto("/channels/processes?archived=1");
    await expect(page.getByRole("row", { name: new RegExp(`${name} \\(neu\\)`) })).toContainText("Archiviert");
  });
});
