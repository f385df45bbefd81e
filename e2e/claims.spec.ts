import { expect, test, type Page } from "@playwright/test";
import { apiAs, sampleArticleId, signIn } from "./helpers";

// Fact-checking the sample article end to end, the way editors do it in the browser:
// select text, add a claim, rate it, source it, review and approve it as a colleague,
// reload; then an overlapping claim; and a reader who can change nothing.

const QUOTE = "Russia annexed Crimea from Ukraine in 2014";
const OVERLAP = "Crimea from Ukraine";
const RATIONALE = "Russia annexed Crimea in March 2014 after a referendum held under military occupation.";
const SOURCE_URL = "https://www.un.org/press/en/2014/ga11493.doc.htm";
const SOURCE_TITLE = "General Assembly adopts resolution on the territorial integrity of Ukraine";

test.describe.configure({ mode: "serial" });

let articleId: string;
let claimId: string;

/** Selects the first occurrence of `text` inside the article viewer, as a user's drag would. */
async function selectInViewer(page: Page, text: string) {
  const found = await page.evaluate((quote) => {
    const root = document.querySelector(".article-viewer .ProseMirror");
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent?.indexOf(quote) ?? -1;
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + quote.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return true;
      }
    }
    return false;
  }, text);
  expect(found, `"${text}" is in one text node of the viewer`).toBe(true);
}

async function openArticle(page: Page) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-viewer .ProseMirror")).toContainText(QUOTE);
}

const panel = (page: Page) => page.getByTestId("claim-panel");

test.beforeAll(async ({ baseURL }) => {
  const api = await apiAs(baseURL!, "editor");
  articleId = await sampleArticleId(api);
  await api.dispose();
});

test("an editor highlights a claim, rates, explains and sources it, and submits it for review", async ({ page }) => {
  await signIn(page, "editor");
  await openArticle(page);
  await selectInViewer(page, QUOTE);
  const created = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${articleId}/claims`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Add claim" }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  claimId = (await res.json()).id;

  const p = panel(page);
  await expect(p.getByRole("button", { name: "All claims" })).toBeVisible();
  await expect(p.getByLabel("Statement")).toHaveValue(QUOTE);

  await p.getByRole("combobox", { name: "Verdict", exact: true }).click();
  await page.getByRole("option", { name: "True", exact: true }).click();
  await expect(p.getByTestId("save-state")).toHaveText(/Saved/);

  await p.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type(RATIONALE);
  await expect(p.getByTestId("save-state")).toHaveText(/Saving|Saved/);

  await p.getByRole("button", { name: "Add source" }).click();
  await p.getByLabel("URL", { exact: true }).fill(SOURCE_URL);
  await p.getByLabel("Title", { exact: true }).fill(SOURCE_TITLE);
  await p.getByRole("button", { name: "Add source" }).click();
  await expect(p.getByRole("list", { name: "Sources" })).toContainText(SOURCE_TITLE);

  await p.getByRole("button", { name: "Submit for review" }).click();
  await expect(p.getByRole("button", { name: "Approve" })).toBeVisible();
  await expect(p.getByText("In review").first()).toBeVisible();
});

test("a second editor (the admin) approves it; after a reload everything persisted and is highlighted", async ({ page }) => {
  await signIn(page, "admin");
  await openArticle(page);
  const p = panel(page);
  await p.getByRole("button", { name: new RegExp(QUOTE) }).click();
  await p.getByRole("button", { name: "Approve" }).click();
  await expect(p.getByText(/Approved by Alex Admin/)).toBeVisible();

  await page.reload();
  await expect(page.locator(".article-viewer .ProseMirror")).toContainText(QUOTE);
  const highlight = page.locator(`.article-viewer [data-claim-ids~="${claimId}"]`);
  await expect(highlight.first()).toBeVisible();
  expect((await highlight.allTextContents()).join("")).toBe(QUOTE);

  const item = p.getByRole("button", { name: new RegExp(QUOTE) });
  await expect(item).toContainText("True");
  await expect(item).toContainText("Approved");
  await highlight.first().click();
  await expect(p.getByRole("button", { name: "All claims" })).toBeVisible();
  await expect(p.getByRole("textbox", { name: "Rationale" })).toContainText(RATIONALE);
  await expect(p.getByRole("list", { name: "Sources" })).toContainText(SOURCE_TITLE);
  await expect(p.getByText(/Approved by Alex Admin/)).toBeVisible();
});

test("an overlapping claim can be added on part of the first one", async ({ page }) => {
  await signIn(page, "editor");
  await openArticle(page);
  await selectInViewer(page, OVERLAP);
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(panel(page).getByLabel("Statement")).toHaveValue(OVERLAP);
  await panel(page).getByRole("button", { name: "All claims" }).click();
  await expect(panel(page).getByRole("list", { name: "Claims in document order" }).getByRole("listitem")).toHaveCount(2);
  // The shared words carry both claims; the first claim stays whole.
  const shared = page.locator(`.article-viewer [data-claim-ids~="${claimId}"]`).filter({ hasText: "Crimea" });
  await expect(shared.first()).toHaveAttribute("data-claim-ids", /\S+ \S+/);
  await page.reload();
  await expect(panel(page).getByRole("list", { name: "Claims in document order" }).getByRole("listitem")).toHaveCount(2);
});

test("a reader can neither edit in the UI nor through the API", async ({ page, baseURL }) => {
  const readerApi = await apiAs(baseURL!, "reader");
  // The article is not published: to a reader it does not exist.
  expect((await readerApi.patch(`/api/v1/claims/${claimId}`, { data: { version: 1, statement: "Hacked" } })).status()).toBe(404);
  const post = await readerApi.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] } } });
  expect(post.status()).toBe(404);
  await signIn(page, "reader");
  const notFound = await page.goto(`/articles/${articleId}`);
  expect(notFound?.status()).toBe(404);

  // Published: the reader sees the approved claim read-only, and writes are refused.
  const editorApi = await apiAs(baseURL!, "editor");
  const published = await editorApi.post(`/api/v1/articles/${articleId}/publish`, { data: {} });
  expect(published.ok(), await published.text()).toBeTruthy();
  await editorApi.dispose();

  await openArticle(page);
  const p = panel(page);
  const item = p.getByRole("button", { name: new RegExp(QUOTE) });
  await expect(item).toBeVisible();
  await selectInViewer(page, "the war between Kiev");
  await expect(page.getByRole("button", { name: "Add claim" })).toHaveCount(0);
  await item.click();
  await expect(p.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(p.getByRole("button", { name: "Request changes" })).toHaveCount(0);
  await expect(p.getByRole("button", { name: "Delete claim" })).toHaveCount(0);
  await expect(p.getByRole("button", { name: "Add source" })).toHaveCount(0);
  await expect(p.getByLabel("Statement")).toHaveCount(0);
  await expect(p.getByText(RATIONALE)).toBeVisible();

  const current = await (await readerApi.get(`/api/v1/claims/${claimId}`)).json();
  expect(current).not.toHaveProperty("assignee");
  const patch = await readerApi.patch(`/api/v1/claims/${claimId}`, { data: { version: current.version, statement: "Hacked" } });
  expect(patch.status()).toBe(403);
  expect((await readerApi.delete(`/api/v1/claims/${claimId}`)).status()).toBe(403);
  expect((await readerApi.post(`/api/v1/claims/${claimId}/sources`, { data: { url: "https://example.org" } })).status()).toBe(403);
  expect((await readerApi.post(`/api/v1/claims/${claimId}/comments`, { data: { body: "hi" } })).status()).toBe(403);
  expect((await readerApi.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: OVERLAP }] } } })).status()).toBe(403);
  expect((await (await readerApi.get(`/api/v1/claims/${claimId}`)).json()).statement).toBe(QUOTE);
  await readerApi.dispose();
});
