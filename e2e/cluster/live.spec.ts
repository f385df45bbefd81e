import { expect, test, type Page } from "@playwright/test";
import { apiAs, signIn } from "../helpers";

// Two app servers on one PostgreSQL database (playwright.cluster.config.ts): editor A works on
// server 1, admin B on server 2; each sees the other's work without reloading.
const SECOND = process.env.E2E_SECOND_URL!;
const QUOTE = "The harbour bridge carried 90,000 cars a day in 2023";
const TEXT = `${QUOTE}, the council said.\n\nTraffic fell by a third after the toll was introduced.`;

/** Every text painted by any CSS Custom Highlight on the page. */
function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.toString())));
}

test("two editors on two servers see each other's claims, edits and presence live", async ({ browser, baseURL }) => {
  const apiA = await apiAs(baseURL!, "editor");
  const created = await apiA.post("/api/v1/articles", { data: { text: TEXT, title: `Live desk ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const articleId = (await created.json()).id as string;

  const a = await (await browser.newContext({ baseURL })).newPage();
  await signIn(a, "editor");
  await a.goto(`/articles/${articleId}`);
  await expect(a.locator(".article-viewer .article-prose")).toContainText(QUOTE);
  await a.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const bContext = await browser.newContext({ baseURL: SECOND });
  const b = await bContext.newPage();
  await signIn(b, "admin");
  await b.goto(`${SECOND}/articles/${articleId}`);
  await expect(b.locator(".article-viewer .article-prose")).toContainText(QUOTE);

  // A sees B arrive.
  await expect(a.getByTestId("presence")).toContainText("Alex Admin is here");

  // B adds a claim through server 2; A (server 1) gets it highlighted without reloading.
  const apiB = await apiAs(SECOND, "admin");
  const res = await apiB.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] } } });
  expect(res.status()).toBe(201);
  const claim = await res.json();
  await expect(a.locator(`[data-claim-id="${claim.id}"]`)).toBeVisible();
  await expect.poll(() => painted(a)).toContain(QUOTE);

  // B opens the claim; A opening it too is told B is editing it.
  await b.locator(`[data-claim-id="${claim.id}"]`).click();
  await a.locator(`[data-claim-id="${claim.id}"]`).click();
  await expect(a.getByTestId("editing-notice")).toHaveText(/Alex Admin is editing this claim/);

  // B changes the statement: A is told, reviews it in the conflict view and takes theirs.
  const patched = await apiB.patch(`/api/v1/claims/${claim.id}`, { data: { version: claim.version, statement: "Bridge traffic: 90,000 cars a day" } });
  expect(patched.ok()).toBeTruthy();
  await expect(a.getByTestId("remote-change")).toContainText("Updated by Alex Admin");
  await a.getByRole("button", { name: "Review changes" }).click();
  await expect(a.getByRole("dialog", { name: "Someone else changed this claim" })).toBeVisible();
  await a.getByRole("button", { name: "Take theirs" }).click();
  await expect(a.getByLabel("Statement")).toHaveValue("Bridge traffic: 90,000 cars a day");

  // B leaves: A's presence bar empties within seconds.
  await bContext.close();
  await expect(a.getByTestId("presence")).toHaveCount(0, { timeout: 8_000 });
  expect(await a.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await apiA.dispose();
  await apiB.dispose();
});
