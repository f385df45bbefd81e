import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// The article page with many claims (issue 9): the claim list is virtualised inside its own
// scroll box (the page is as tall as the article, not taller), claim details load when a claim
// is opened (the page HTML carries no rationale), every claim is painted, selecting a claim
// touches no other highlight, and the list works from the keyboard and passes axe.

test.describe.configure({ mode: "serial" });

const COUNT = 120;
const stamp = Date.now().toString(36);
const quote = (i: number) => `region ${i} rose by ${i} percent`;
const rationale = (i: number) => `Rationale ${stamp} number ${i}`;

let editor: APIRequestContext;
let articleId: string;
const ids: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  editor = await apiAs(baseURL!, "editor");
  const text = Array.from({ length: COUNT }, (_, i) => `Paragraph ${i}: the figure for ${quote(i)} last year, the minister said.`).join("\n\n");
  const res = await editor.post("/api/v1/articles", { data: { text: `Scale check ${stamp}\n\n${text}`, title: `Scale check ${stamp}` } });
  expect(res.status(), await res.text()).toBe(201);
  articleId = (await res.json()).id;
  for (let i = 0; i < COUNT; i++) {
    const c = await editor.post(`/api/v1/articles/${articleId}/claims`, {
      data: {
        target: { selector: [{ type: "TextQuoteSelector", exact: quote(i) }] },
        rationale: `<p>${rationale(i)}</p>`,
        ...(i % 2 ? { statement: `Region ${i} grew ${i}%` } : {}),
      },
    });
    expect(c.status(), await c.text()).toBe(201);
    const id = (await c.json()).id as string;
    ids.push(id);
    // Every other claim is sourced: sources carry visually hidden labels in the list.
    if (i % 2 === 0) expect((await editor.post(`/api/v1/claims/${id}/sources`, { data: { url: `https://records.example/${i}` } })).ok()).toBeTruthy();
  }
});

test.afterAll(async () => {
  await editor.delete(`/api/v1/articles/${articleId}`);
  await editor.dispose();
});

const list = (page: Page) => page.getByTestId("claim-panel").getByRole("list", { name: "Claims in document order" });

async function open(page: Page) {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-prose[data-highlights-painted]")).toBeAttached();
}

test("the page carries summaries only, paints every claim and is as tall as the article", async ({ page }) => {
  await open(page);
  const html = await (await page.request.get(`/articles/${articleId}`)).text();
  expect(html).not.toContain(rationale(1)); // details load when a claim is opened
  expect(html).toContain(`Region 1 grew 1%`); // written statements travel with the summaries

  await expect(page.locator(".article-prose")).toHaveAttribute("data-painted-claims", String(COUNT));
  const paintedTexts = await page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith("fm-g-")) for (const r of h) out.push((r as Range).toString());
    });
    return out.sort();
  });
  expect(paintedTexts).toEqual(Array.from({ length: COUNT }, (_, i) => quote(i)).sort());

  const rows = list(page).getByRole("listitem");
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(COUNT));
  expect(await rows.count()).toBeLessThan(30);
  await expect(rows.first()).toContainText(quote(0)); // default statement, from the text
  await expect(rows.nth(1)).toContainText("Region 1 grew 1%");

  // No blank area under the article: the page ends where the article column does.
  const { scrollHeight, articleBottom } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    articleBottom: document.querySelector(".article-viewer")!.getBoundingClientRect().bottom + window.scrollY,
  }));
  expect(scrollHeight - articleBottom).toBeLessThan(200);
});

test("the list works from the keyboard; opening a claim loads its details and touches no other highlight", async ({ page }) => {
  await open(page);
  const rows = list(page).getByRole("listitem");
  await rows.first().getByRole("button").focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1).getByRole("button")).toBeFocused();
  await page.keyboard.press("End");
  const last = list(page).locator(`li[aria-posinset="${COUNT}"] button`);
  await expect(last).toBeFocused();

  const before = await page.evaluate(() => {
    const w = window as unknown as { __ranges: Range[] };
    w.__ranges = [];
    CSS.highlights.forEach((h, name) => name.startsWith("fm-g-") && h.forEach((r) => w.__ranges.push(r as Range)));
    return w.__ranges.length;
  });
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("claim-detail");
  await expect(detail).toHaveAttribute("data-claim-id", ids[COUNT - 1]);
  await expect(detail.getByText(`${COUNT} of ${COUNT}`)).toBeVisible();
  await expect(detail.getByText(rationale(COUNT - 1))).toBeVisible();
  const same = await page.evaluate(() => {
    const w = window as unknown as { __ranges: Range[] };
    const now = new Set<Range>();
    CSS.highlights.forEach((h, name) => name.startsWith("fm-g-") && h.forEach((r) => now.add(r as Range)));
    return w.__ranges.filter((r) => now.has(r)).length;
  });
  expect(same).toBe(before); // the same Range objects: nothing was rebuilt
  expect(await page.evaluate(() => [...(CSS.highlights.get("fm-selected") ?? [])].map((r) => r.toString()))).toEqual([quote(COUNT - 1)]);

  await page.keyboard.press("Escape");
  await expect(list(page).locator(`li[aria-posinset="${COUNT}"]`)).toBeInViewport();
});

/** The article text as shown, its claims painted; `marker` survives only client-side navigations. */
async function expectBody(page: Page, marker: boolean) {
  const body = page.locator(".article-viewer .article-prose");
  await expect(body).toHaveAttribute("data-painted-claims", String(COUNT));
  await expect(body).toHaveAttribute("data-highlights-painted", "");
  await expect(body).toContainText(`Paragraph 0: the figure for ${quote(0)}`);
  await expect(body).toContainText(`Paragraph ${COUNT - 1}: the figure for ${quote(COUNT - 1)}`);
  expect(await body.locator("p").count()).toBe(COUNT);
  expect(await page.evaluate(() => (window as unknown as { __stayed?: number }).__stayed)).toBe(marker ? 1 : undefined);
}

test("a full load sends the body once; it is right after client navigation, back and forward", async ({ page }) => {
  await signIn(page, "editor");
  // A browser's full load: the body is in the HTML only, not again in the page's data.
  const full = await (await page.request.get(`/articles/${articleId}`, { headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" } })).text();
  expect(full.split("Paragraph 7: the figure").length - 1).toBe(1);
  // A request that does not say it loads a document gets it in the page's data as well.
  const other = await (await page.request.get(`/articles/${articleId}`)).text();
  expect(other.split("Paragraph 7: the figure").length - 1).toBe(2);

  // (1) A full load.
  await page.goto(`/articles/${articleId}`);
  await expectBody(page, false);
  const key = await page.locator(".article-prose").getAttribute("data-body-key");
  const fromApi = (await (await page.request.get(`/api/v1/articles/${articleId}/body`)).json()) as { key: string; html: string };
  expect(fromApi.key).toBe(key);
  expect(fromApi.html).toContain(`Paragraph ${COUNT - 1}: the figure`);

  // (2) The library, then back to the full load's page, shown again from the router's cache.
  await page.evaluate(() => ((window as unknown as { __stayed?: number }).__stayed = 1));
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Articles" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  await expectBody(page, true);
  await page.goForward();
  await expect(page).toHaveURL(/\/articles$/);

  // (3) Client-side navigation from the library to the article, then back and forward.
  await page.getByRole("link", { name: `Scale check ${stamp}` }).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  await expectBody(page, true);
  await page.goBack();
  await expect(page).toHaveURL(/\/articles$/);
  await page.goForward();
  await expectBody(page, true);
});

test("axe finds nothing serious on the long list", async ({ page }) => {
  await open(page);
  await expect(list(page).getByRole("listitem").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).include('[data-testid="claim-panel"]').analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
