import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-Passw0rd-Factmark";

export const ACCOUNTS = {
  admin: { email: "admin@example.com", name: "Alex Admin", role: "Admin" },
  editor: { email: "editor@example.com", name: "Emma Editor", role: "Editor" },
  reader: { email: "reader@example.com", name: "Riley Reader", role: "Reader" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export const SAMPLE_TITLE = "Biden, Putin Talk as Russian Leader Seeks to Redraw European Security Arrangements";

/** Signs in through the form, the way a user does, and waits for the article library. */
export async function signIn(page: Page, who: AccountName | { email: string; password: string }) {
  const { email, password } = typeof who === "string" ? { email: ACCOUNTS[who].email, password: PASSWORD } : who;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/articles/);
}

/**
 * An API client signed in as the account (session cookie via next-auth's credentials callback).
 * It sends the app's Origin, as the app's own pages do: cookie-authenticated writes without it
 * are refused as forged.
 */
export async function apiAs(baseURL: string, who: AccountName): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: ACCOUNTS[who].email, password: PASSWORD, json: "true" },
  });
  expect(res.ok(), `sign-in as ${who} failed: ${res.status()}`).toBeTruthy();
  return ctx;
}

/** The id of the demo sample article, looked up through the API. */
export async function sampleArticleId(api: APIRequestContext): Promise<string> {
  const res = await api.get(`/api/v1/articles?q=${encodeURIComponent("Biden, Putin Talk")}`);
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  const items: Array<{ id: string; title: string }> = body.items ?? body.articles ?? body.data ?? [];
  const article = items.find((a) => a.title === SAMPLE_TITLE);
  expect(article, "the demo sample article is listed").toBeTruthy();
  return article!.id;
}

/** The JSON of a successful API answer; a failed one fails the test with its URL, status and body. */
export async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}
