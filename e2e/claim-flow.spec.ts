import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, signIn, ok } from "./helpers";

// The claim flow details a desk editor meets: a drag that starts inside a highlight selects
// (a click opens the claim), one character is not a claim, a new claim's statement is its
// sentence, a fragment is questioned before approval, publishing updates the open claim and
// the dialog, and an empty list says what to do.

test.describe.configure({ mode: "serial" });

const SENTENCE = "The council said the bridge will cost 40 million pounds and open in 2027.";
const TEXT = [`Bridge check ${Date.now()}`, SENTENCE, "Critics doubt both figures and ask for an audit of the contract.", "Work on the approach roads starts next spring."].join("\n\n");
const QUOTE = "the bridge will cost 40 million pounds";

let editor: APIRequestContext;
let articleId: string;
let claimId: string;

/** The viewport point of character `index` inside the first occurrence of `text` in the article. */
async function pointIn(page: Page, text: string, index: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([quote, i]) => {
      const root = document.querySelector(".article-viewer .article-prose")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(quote as string);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at + (i as number));
        r.setEnd(n, at + (i as number) + 1);
        const box = r.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    [text, index] as const,
  );
  expect(point, `"${text}" is in the article`).not.toBeNull();
  return point!;
}

const panel = (page: Page) => page.getByTestId("claim-panel");

test.beforeAll(async ({ baseURL }) => {
  editor = await apiAs(baseURL!, "editor");
  articleId = (await ok<{ id: string }>(await editor.post("/api/v1/articles", { data: { text: TEXT } }))).id;
});

test("an empty claim list says how to add the first claim", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  const empty = panel(page).getByTestId("claims-empty");
  await expect(empty).toContainText("No claims yet");
  await expect(empty).toContainText("Select a sentence in the article, then choose Add claim");
});

test("one character is not a claim; a new claim's statement is its whole sentence; no toast covers the panel", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  // One character: a hint, no Add claim.
  const c = await pointIn(page, "bridge", 0);
  await page.mouse.move(c.x - 3, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 3, c.y, { steps: 3 });
  await page.mouse.up();
  await expect(page.getByRole("status").filter({ hasText: "at least a whole word" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add claim" })).toHaveCount(0);

  // A real selection, by dragging.
  const from = await pointIn(page, QUOTE, 0);
  const to = await pointIn(page, QUOTE, QUOTE.length - 1);
  await page.mouse.move(from.x - 3, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x + 3, to.y, { steps: 5 });
  await page.mouse.up();
  const created = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${articleId}/claims`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Add claim" }).click();
  claimId = (await (await created).json()).id;
  await expect(panel(page).getByLabel("Statement")).toHaveValue(SENTENCE.replace(/\.$/, ""));
  await expect(page.getByText("Claim added")).toHaveCount(0);
  await expect(panel(page).getByRole("button", { name: "Add source" })).toBeVisible();
});

test("a drag that starts inside a highlight selects text; a click opens the claim", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-viewer [data-painted-claims]")).toHaveAttribute("data-painted-claims", "1");
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = await pointIn(page, "40 million", 1);
    const end = await pointIn(page, "open in 2027", 8);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 6 });
    await page.mouse.up();
    await expect(page.getByRole("button", { name: "Add claim" })).toBeVisible();
    await expect(panel(page).getByRole("button", { name: "All claims" })).toHaveCount(0);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toContain("million pounds and open in");
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
  }
  const inside = await pointIn(page, "cost", 1);
  await page.mouse.click(inside.x, inside.y);
  await expect(panel(page).getByRole("button", { name: "All claims" })).toBeVisible();
});

test("approving a fragment asks first; after publishing the open claim and the dialog say what happened", async ({ page }) => {
  const claim = await ok<{ version: number }>(await editor.get(`/api/v1/claims/${claimId}`));
  await ok(await editor.post(`/api/v1/claims/${claimId}/sources`, { data: { url: "https://council.example/budget", title: "Bridge budget", stance: "SUPPORTS" } }));
  const fresh = await ok<{ version: number }>(await editor.get(`/api/v1/claims/${claimId}`));
  expect(fresh.version).toBeGreaterThanOrEqual(claim.version);
  await ok(
    await editor.patch(`/api/v1/claims/${claimId}`, {
      data: { version: fresh.version, statement: "the bridge will cost", verdict: "true", rationale: "<p>The budget says so.</p>", status: "IN_REVIEW" },
    }),
  );

  await signIn(page, "admin");
  await page.goto(`/articles/${articleId}`);
  await panel(page).locator(`[data-claim-id="${claimId}"]`).click();
  await panel(page).getByRole("button", { name: "Approve" }).click();
  const warning = panel(page).getByRole("alert").filter({ hasText: "starts mid-sentence" });
  await expect(warning).toBeVisible();
  await expect(panel(page).getByText("In review").first()).toBeVisible();
  await warning.getByRole("button", { name: "Approve anyway" }).click();
  await expect(panel(page).getByText(/Approved by Alex Admin/)).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Publish the fact-check" })).toBeVisible();
  await dialog.getByText("Anyone with the link").click();
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: "Fact-check published" })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  // The open claim follows without a reload.
  await expect(panel(page).getByText("Published", { exact: true }).first()).toBeVisible();
  await expect(panel(page).getByText("Approved", { exact: true })).toHaveCount(0);
});

test("filters that hide every claim say so, and Show all claims clears them", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(panel(page).locator(`[data-claim-id="${claimId}"]`)).toBeVisible();
  await panel(page).getByRole("combobox", { name: "Filter by verdict" }).click();
  await page.getByRole("option", { name: "False", exact: true }).click();
  const empty = panel(page).getByTestId("claims-empty");
  await expect(empty).toContainText("No claims match these filters");
  await expect(empty).toContainText("The filters hide all 1 claim");
  await expect(panel(page).locator(`[data-claim-id="${claimId}"]`)).toHaveCount(0);
  await empty.getByRole("button", { name: "Show all claims" }).click();
  await expect(panel(page).getByTestId("claims-empty")).toHaveCount(0);
  await expect(panel(page).locator(`[data-claim-id="${claimId}"]`)).toBeVisible();
  await expect(panel(page).getByRole("combobox", { name: "Filter by verdict" })).toHaveText("All verdicts");
});

for (const [width, height] of [
  [390, 844],
  [1440, 900],
] as const) {
  test(`at ${width}px the open claim's header is below the app header and in view`, async ({ browser, baseURL }) => {
    const mobile = width < 640;
    // A long article: on a phone the claim panel sits far below the claim's highlight, so opening
    // the claim has to scroll the panel up, and it must stop below the sticky app header.
    const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the council minutes lists the contracts signed that month.`);
    const long = (await ok<{ id: string }>(await editor.post("/api/v1/articles", { data: { text: [`Long bridge check ${Date.now()}`, SENTENCE, ...filler].join("\n\n") } }))).id;
    await ok(await editor.post(`/api/v1/articles/${long}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] } } }));
    const page = await browser.newPage({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile, baseURL });
    await signIn(page, "editor");
    await page.goto(`/articles/${long}`);
    await expect(page.locator(".article-viewer [data-painted-claims]")).toHaveAttribute("data-painted-claims", "1");
    // Open the claim from its highlight in the article, as a reader of the page would.
    const at = await pointIn(page, "cost", 1);
    await page.mouse.click(at.x, at.y);
    const back = panel(page).getByRole("button", { name: "All claims" });
    await expect(back).toBeVisible();
    await expect(panel(page).locator("[data-claim-ready]")).toBeVisible();
    const headerOf = async () =>
      page.evaluate(() => {
        const app = document.getElementById("app-header")!.getBoundingClientRect();
        const head = document.querySelector<HTMLElement>("[data-testid=claim-detail-header]")!;
        const box = head.getBoundingClientRect();
        // What a tap on the header's middle row would hit: the header itself, not the app header.
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 4);
        return { appBottom: app.bottom, top: box.top, bottom: box.bottom, hitsHeader: !!hit && head.contains(hit), viewport: window.innerHeight };
      });
    // Smooth scrolling, if any, has to settle.
    await expect.poll(async () => (await headerOf()).top).toBeGreaterThanOrEqual((await headerOf()).appBottom);
    const h = await headerOf();
    expect(h.top, `panel header top ${h.top} vs app header bottom ${h.appBottom}`).toBeGreaterThanOrEqual(h.appBottom);
    expect(h.bottom).toBeLessThanOrEqual(h.viewport);
    expect(h.hitsHeader, "the panel header is on top at its own position").toBe(true);
    await expect(back).toBeInViewport();
    await page.close();
  });
}
