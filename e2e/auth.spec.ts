import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { ACCOUNTS, SAMPLE_TITLE, apiAs, signIn } from "./helpers";

// Sign-in, what each demo role sees, sign-out, personal API tokens and workspace switching,
// all driven the way a user does it.

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function sampleIsPublished(baseURL: string): Promise<boolean> {
  const editor = await apiAs(baseURL, "editor");
  const res = await editor.get(`/api/v1/articles?workspace=demo&q=${encodeURIComponent("Biden, Putin Talk")}`);
  expect(res.ok()).toBeTruthy();
  const body = (await res.json()) as { items: Array<{ title: string; status: string }> };
  const sample = body.items.find((a) => a.title === SAMPLE_TITLE);
  expect(sample, "the demo seed imported the sample article").toBeTruthy();
  await editor.dispose();
  return sample!.status === "PUBLISHED";
}

test("the admin sees Admin and New article, the admin pages and the sample article", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  await expect(nav(page).getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "New article" })).toBeVisible();
  await expect(page.getByRole("link", { name: SAMPLE_TITLE })).toBeVisible();

  await nav(page).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Demo Desk" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Members" }).click();
  for (const account of Object.values(ACCOUNTS)) {
    await expect(page.getByTestId(`member-row-${account.email}`)).toContainText(account.name);
  }
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Rating scale" }).click();
  await expect(page.getByTestId("verdict-row-mostly-false")).toBeVisible();
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Workspace" }).click();
  await expect(page.getByRole("form", { name: "Workspace settings" }).getByLabel("Organisation name")).toHaveValue(/Factmark Demo Desk/);
});

test("the editor sees New article but not Admin, and /admin is refused", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByTestId("current-role")).toHaveText("Editor");
  await expect(nav(page).getByRole("link", { name: "New article" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: SAMPLE_TITLE })).toBeVisible();
  for (const path of ["/admin", "/admin/members", "/admin/scale", "/admin/workspace"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // The API says the same: members are for admins.
  const res = await page.request.get("/api/v1/workspaces/demo/members");
  expect(res.status()).toBe(403);
});

test("the reader sees neither New article nor Admin, and the sample article only once published", async ({ page, baseURL }) => {
  const published = await sampleIsPublished(baseURL!);
  await signIn(page, "reader");
  await expect(page.getByTestId("current-role")).toHaveText("Reader");
  await expect(nav(page).getByRole("link", { name: "New article" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Articles" })).toBeVisible();
  // Readers only see published articles.
  await expect(page.getByRole("link", { name: SAMPLE_TITLE })).toHaveCount(published ? 1 : 0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  for (const email of [ACCOUNTS.reader.email, "nobody-here@example.com"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  }
  // The right password still works (and clears the reader's failure count).
  await signIn(page, "reader");
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("button", { name: `Account menu for ${ACCOUNTS.editor.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("an API token created in the UI works as a Bearer token until it is revoked", async ({ page, baseURL }) => {
  await signIn(page, "editor");
  await page.getByRole("button", { name: `Account menu for ${ACCOUNTS.editor.name}` }).click();
  await page.getByRole("menuitem", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens/);
  const name = `e2e token ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").getByTestId("copy-field-value").inputValue();
  expect(token).toMatch(/^fm_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`token-row-${name}`)).toContainText("Active");

  // The same service over the API with the session cookie: unknown fields are named in a 400.
  const bad = await page.request.post("/api/v1/tokens", { data: { name: "x", scope: "all" }, headers: { Origin: new URL(page.url()).origin } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/Unknown field: scope/);

  const api = await playwrightRequest.newContext({ baseURL });
  const ok = await api.get("/api/v1/articles", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { items: Array<{ title: string }> };
  expect(body.items.map((a) => a.title)).toContain(SAMPLE_TITLE);
  const me = await (await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(me.user.email).toBe(ACCOUNTS.editor.email);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId(`token-row-${name}`)).toContainText("Revoked");
  const refused = await api.get("/api/v1/articles", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/revoked/);
  const malformed = await api.get("/api/v1/articles", { headers: { Authorization: "Bearer not-a-token" } });
  expect(malformed.status()).toBe(401);
  expect((await malformed.json()).error.message).toMatch(/malformed/);
  await api.dispose();
});

test("the admin switches to the Investigations workspace and back", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByTestId("workspace-switcher")).toContainText("Demo Desk");
  await page.getByTestId("workspace-switcher").click();
  await page.getByRole("menuitem", { name: /Investigations/ }).click();
  await expect(page.getByTestId("workspace-switcher")).toContainText("Investigations");
  // The demo's sample article belongs to the other workspace.
  await expect(page.getByRole("link", { name: SAMPLE_TITLE })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Investigations" })).toBeVisible();
  await page.getByTestId("workspace-switcher").click();
  await page.getByRole("menuitem", { name: /Demo Desk/ }).click();
  await expect(page.getByTestId("workspace-switcher")).toContainText("Demo Desk");
  await expect(page.getByRole("link", { name: SAMPLE_TITLE })).toBeVisible();
});
