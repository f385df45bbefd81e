import http from "node:http";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// Fast source entry (issue 12): a claim with two sources in at most 8 clicks, counted as the
// pointer presses the page receives (a drag to select is one). The first source is a pasted
// URL whose title, publisher and date the server reads from a page this spec serves; the second
// is a source already cited in the workspace, found by typing and attached in one click. Then
// the same again without the mouse.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const stamp = Date.now().toString(36);
const PAGE_TITLE = `Fleet report ${stamp}`;
const QUOTE = "The city's bus fleet grew by half";
const OTHER_QUOTE = "Ridership stayed flat";

let server: http.Server;
let editor: APIRequestContext;
let articleId: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html><head><title>${PAGE_TITLE} | Transport Office</title><meta property="og:site_name" content="Transport Office">` +
        `<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head><body><h1>${PAGE_TITLE}</h1><p>${req.url}</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
  editor = await apiAs(baseURL!, "editor");
  const text = `Transit desk ${stamp}\n\n${QUOTE} in ${stamp}, the transport office said.\n\n${OTHER_QUOTE} over the same period, a survey found.\n\nFares rose twice.`;
  const article = await (await editor.post("/api/v1/articles", { data: { text, title: `Transit desk ${stamp}` } })).json();
  articleId = article.id;
  // A source cited earlier in the workspace, on another claim.
  const earlier = await (
    await editor.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: "Fares rose twice" }] } } })
  ).json();
  const res = await editor.post(`/api/v1/claims/${earlier.id}/sources`, {
    data: { url: `https://stats.example/riders-${stamp}`, title: `Ridership survey ${stamp}`, publisher: "Statistics Office" },
  });
  expect(res.ok()).toBeTruthy();
});

test.afterAll(async () => {
  await editor?.dispose();
  await new Promise((resolve) => server.close(resolve));
});

/** Counts pointer presses in the page from now on (clicks, and drags to select). */
async function countPresses(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __presses: number };
    w.__presses = 0;
    window.addEventListener("pointerdown", () => (w.__presses += 1), { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { __presses: number }).__presses);
}

/** Drags the mouse across the first occurrence of `text` in the article, as a user selects it. */
async function dragAcross(page: Page, text: string) {
  const box = await page.evaluate((quote) => {
    const root = document.querySelector(".article-viewer .article-prose")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(quote);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + quote.length);
      const rects = r.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, text);
  expect(box, `"${text}" is in one text node`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move(box!.x2, box!.y2, { steps: 5 });
  await page.mouse.up();
}

const panel = (page: Page) => page.getByTestId("claim-panel");
const sourceItems = (page: Page): Locator => panel(page).getByRole("list", { name: "Sources" }).getByRole("listitem");

test("a claim with two sources in at most 8 clicks: pasted URL fills the title from the page, a workspace source attached in one click", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-viewer .article-prose")).toContainText(QUOTE);
  const presses = await countPresses(page);

  await dragAcross(page, QUOTE);
  await page.getByRole("button", { name: "Add claim" }).click();
  const p = panel(page);
  await expect(p.getByLabel("Statement")).toHaveValue(new RegExp(`^${QUOTE}`));
  await p.getByRole("combobox", { name: "Verdict", exact: true }).click();
  await page.getByRole("option", { name: "False", exact: true }).click();
  await expect(p.getByTestId("save-state")).toHaveText(/Saved/);

  // Source 1: paste a link; the server reads the page.
  await p.getByRole("button", { name: "Add source" }).click();
  const url = p.getByLabel("URL", { exact: true });
  await expect(url).toBeFocused();
  await page.keyboard.insertText(`http://127.0.0.1:${PORT}/fleet-${stamp}`);
  await expect(p.getByLabel("Title")).toHaveValue(PAGE_TITLE);
  await expect(p.getByLabel("Publisher")).toHaveValue("Transport Office");
  await expect(p.getByLabel("Published")).toHaveValue("2024-03-05");
  await expect(p.getByTestId("source-lookup-note")).toHaveText(/filled in from the page/);
  await p.getByRole("form", { name: "Add source" }).getByRole("button", { name: "Add source" }).click();
  await expect(sourceItems(page)).toHaveCount(1);
  await expect(sourceItems(page).first()).toContainText(PAGE_TITLE);

  // Source 2: one already used in the workspace, found by typing part of its title.
  await p.getByRole("button", { name: "Add source" }).click();
  await page.keyboard.type(`survey ${stamp}`);
  const suggestion = p.getByRole("option", { name: new RegExp(`Ridership survey ${stamp}`) });
  await suggestion.click();
  await expect(sourceItems(page)).toHaveCount(2);
  await expect(sourceItems(page).nth(1)).toContainText(`Ridership survey ${stamp}`);
  await expect(p.getByRole("heading", { name: "Sources (2)" })).toBeVisible();

  const clicks = await presses();
  console.log(`claim with two sources: ${clicks} clicks`);
  expect(clicks).toBeLessThanOrEqual(8);
  await page.screenshot({ path: ".tmp/source-entry.png" });
});

test("keyboard only: add a pasted source and attach a workspace source without touching the mouse; a refused address leaves a note", async ({ page }) => {
  await signIn(page, "editor");
  const claim = await (
    await editor.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: OTHER_QUOTE }] } } })
  ).json();
  await page.goto(`/articles/${articleId}?claim=${claim.id}`);
  const p = panel(page);
  await expect(p.getByLabel("Statement")).toHaveValue(new RegExp(`^${OTHER_QUOTE}`));
  const presses = await countPresses(page);

  await p.getByRole("button", { name: "Add source" }).focus();
  await page.keyboard.press("Enter");
  await expect(p.getByLabel("URL", { exact: true })).toBeFocused();
  // A refused address: nothing filled in, and the note says why.
  await page.keyboard.insertText("http://169.254.169.254/latest/meta-data/");
  await expect(p.getByTestId("source-lookup-note")).toContainText("Nothing filled in");
  await expect(p.getByTestId("source-lookup-note")).toContainText("Only public web addresses");
  await expect(p.getByLabel("Title")).toHaveValue("");
  await page.keyboard.press("ControlOrMeta+a");
  // Enter straight after the paste: the form waits for the page's title.
  await page.keyboard.insertText(`http://127.0.0.1:${PORT}/keyboard-${stamp}`);
  await page.keyboard.press("Enter");
  await expect(sourceItems(page)).toHaveCount(1);
  await expect(sourceItems(page).first()).toContainText(PAGE_TITLE);

  // Focus is back on "Add source": Enter, type, ↓, Enter.
  await expect(p.getByRole("button", { name: "Add source" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.type("stats.example");
  await expect(p.getByRole("option", { name: new RegExp(`Ridership survey ${stamp}`) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(p.getByRole("option", { name: new RegExp(`Ridership survey ${stamp}`) })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(sourceItems(page)).toHaveCount(2);
  expect(await presses()).toBe(0);
});
