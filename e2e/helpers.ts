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

/** A claim to create on a fresh article, taken through review to approval by the admin. */
export type ApprovedClaimSpec = { exact: string; verdict: string; rationale: string; source: { url: string; title: string; stance: "SUPPORTS" | "REFUTES" | "CONTEXT" }; statement?: string };

/**
 * Creates an article from `text` as the editor, adds each claim with its source, has the editor
 * submit and the admin approve it, and publishes the article publicly. Returns the ids and the slug.
 */
export async function publishApprovedArticle(baseURL: string, text: string, claims: readonly ApprovedClaimSpec[]): Promise<{ articleId: string; claimIds: string[]; slug: string }> {
  const editor = await apiAs(baseURL, "editor");
  const admin = await apiAs(baseURL, "admin");
  const articleId = (await ok<{ id: string }>(await editor.post("/api/v1/articles", { data: { text } }))).id;
  const claimIds: string[] = [];
  for (const { exact, verdict, rationale, source, statement } of claims) {
    const claim = await ok<{ id: string }>(await editor.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact }] }, verdict, rationale, ...(statement ? { statement } : {}) } }));
    await ok(await editor.post(`/api/v1/claims/${claim.id}/sources`, { data: source }));
    const fresh = await ok<{ version: number }>(await editor.get(`/api/v1/claims/${claim.id}`));
    const review = await ok<{ version: number }>(await editor.patch(`/api/v1/claims/${claim.id}`, { data: { version: fresh.version, status: "IN_REVIEW" } }));
    await ok(await admin.patch(`/api/v1/claims/${claim.id}`, { data: { version: review.version, status: "APPROVED" } }));
    claimIds.push(claim.id);
  }
  const slug = (await ok<{ url: string }>(await editor.post(`/api/v1/articles/${articleId}/publish`, { data: { visibility: "PUBLIC" } }))).url.split("/r/")[1];
  await Promise.all([editor.dispose(), admin.dispose()]);
  return { articleId, claimIds, slug };
}

/** The article text on the article page (highlights are painted over it, not elements). */
export const ARTICLE_TEXT = ".article-viewer .article-prose";

/**
 * Selects the first occurrence of `text` inside `rootSelector` — across text nodes, so across
 * formatting — and sends the mouseup a user's drag ends with.
 */
export async function selectTextIn(page: Page, rootSelector: string, text: string) {
  const found = await page.evaluate(
    ([sel, quote]) => {
      const root = document.querySelector(sel);
      if (!root) return false;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const at = nodes.map((n) => n.data).join("").indexOf(quote);
      if (at < 0) return false;
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length)) return [n, offset - seen];
          seen += n.data.length;
        }
        const last = nodes[nodes.length - 1];
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + quote.length, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return true;
    },
    [rootSelector, text] as const,
  );
  expect(found, `"${text}" is in ${rootSelector}`).toBe(true);
}
