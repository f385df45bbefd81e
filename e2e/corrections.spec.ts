import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiAs, selectTextIn, signIn } from "./helpers";

// Corrections: an editor fixes a misspelled name in place, saves with a reason, and every
// claim follows the text; the claim whose quote changed and the one whose sentence was cut
// show under "Needs attention", where the orphan is anchored again on newly selected words.

const NAME_QUOTE = "said Angela Stant, a Brookings Institution fellow";
const CUT = "This sentence will be cut.";
const LATER = "Putin took the initiative and created a crisis";
const TEXT = [
  `“Focus on us,” ${NAME_QUOTE}. ${CUT}`,
  `The major Western players have become distracted, and ${LATER} where there was none.`,
].join("\n\n");

let articleId: string;
const ids: Record<string, string> = {};

test.beforeAll(async ({ baseURL }) => {
  const api = await apiAs(baseURL!, "editor");
  const res = await api.post("/api/v1/articles", { data: { text: TEXT, title: `Corrections e2e ${Date.now()}` } });
  expect(res.status(), await res.text()).toBe(201);
  articleId = (await res.json()).id;
  for (const [key, exact] of Object.entries({ name: NAME_QUOTE, cut: CUT, later: LATER })) {
    const c = await api.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact }] }, statement: `Claim ${key}` } });
    expect(c.status(), await c.text()).toBe(201);
    ids[key] = (await c.json()).id;
  }
  await api.dispose();
});

/** The texts painted by the verdict-colour CSS Custom Highlights (highlights have no elements of their own). */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.keys()].filter((k) => k.startsWith("fm-g-")).flatMap((k) => [...CSS.highlights.get(k)!].map((r) => r.toString())),
  );
}

test("fix a typo in place: highlights follow, changed and orphaned claims need attention, re-anchor the orphan", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-viewer .article-prose")).toContainText("Angela Stant");

  await page.getByRole("button", { name: "Edit text" }).click();
  const editor = page.locator(".fm-article-edit");
  await expect(editor).toContainText("Angela Stant");
  await expect(editor.locator(".fm-tracked-claim")).toHaveCount(3);
  // Fix the name (the highlight stays on it) and cut a sentence (its claim loses its text).
  await selectTextIn(page, ".fm-article-edit", "Stant");
  await page.keyboard.type("Stent");
  await selectTextIn(page, ".fm-article-edit", CUT);
  await page.keyboard.press("Backspace");
  await expect(editor.locator(`.fm-tracked-claim[data-claim-id="${ids.name}"]`)).toHaveText("said Angela Stent, a Brookings Institution fellow");
  await page.getByLabel(/Reason for the change/).fill("Corrected the spelling of Angela Stent");
  await page.getByRole("button", { name: "Save revision" }).click();

  await expect(page.getByText(/Revision 2 saved/)).toBeVisible();
  const viewer = page.locator(".article-viewer .article-prose");
  await expect(viewer).toContainText("Angela Stent");
  await expect(viewer).not.toContainText(CUT);
  // The moved claim and the corrected name are still painted on their words; the orphan on none.
  await expect.poll(() => paintedTexts(page)).toEqual(expect.arrayContaining([LATER, "said Angela Stent, a Brookings Institution fellow"]));
  expect(await paintedTexts(page)).toHaveLength(2);

  const queue = page.getByRole("region", { name: /Needs attention/ });
  await expect(queue.getByTestId("attention-item")).toHaveCount(2);
  await expect(queue).toContainText("Quoted text changed");
  await expect(queue).toContainText("Text not found");
  await page.screenshot({ path: "test-results/corrections-attention.png", fullPage: true });

  // Re-anchor the orphan on new words.
  await queue.getByTestId("attention-item").filter({ hasText: "Text not found" }).getByRole("button", { name: /Re-anchor here/ }).click();
  await selectTextIn(page, '[data-testid="span-picker-text"]', "The major Western players have become distracted");
  await page.getByRole("button", { name: "Use selection" }).click();
  await expect(page.getByRole("region", { name: /Needs attention/ }).getByTestId("attention-item")).toHaveCount(1);
  // Accept the corrected name: the queue empties.
  await page.getByRole("button", { name: "Accept new text" }).click();
  await expect(page.getByRole("region", { name: /Needs attention/ })).toHaveCount(0);

  // History shows both revisions and the word diff.
  await page.getByRole("button", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "Revisions" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("region", { name: /Changes from revision 1 to revision 2/ }).locator("ins")).toContainText(["Stent"]);
  await page.getByRole("button", { name: "Side by side" }).click();
  const sides = page.getByRole("region", { name: /Changes from revision 1 to revision 2, side by side/ });
  await expect(sides.locator("del")).toContainText(["Stant"]);
  await expect(sides.locator("ins")).toContainText(["Stent"]);
  await page.screenshot({ path: "test-results/corrections-side-by-side.png" });
});

test("a published correction of the text: the reader sees it in the corrections log and opens the earlier version", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const admin = await apiAs(baseURL!, "admin");
  /** The fields this test reads from the API's answers. */
  interface Body {
    id: string;
    version: number;
    claimVersion: number;
    url: string;
    summary: Record<string, number>;
  }
  const ok = async (res: Awaited<ReturnType<typeof editor.get>>): Promise<Body> => {
    expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as Body;
  };
  const text = TEXT.replace("This sentence will be cut.", "She spoke in Washington.");
  const { id } = await ok(await editor.post("/api/v1/articles", { data: { text, title: `Published correction e2e ${Date.now()}` } }));
  const claim = await ok(
    await editor.post(`/api/v1/articles/${id}/claims`, {
      data: { target: { selector: [{ type: "TextQuoteSelector", exact: LATER }] }, statement: "Putin created a crisis", verdict: "misleading", rationale: "<p>Checked.</p>" },
    }),
  );
  const src = await ok(await editor.post(`/api/v1/claims/${claim.id}/sources`, { data: { url: "https://example.org/record", title: "Record", stance: "CONTEXT" } }));
  const inReview = await ok(await editor.patch(`/api/v1/claims/${claim.id}`, { data: { version: src.claimVersion, status: "IN_REVIEW" } }));
  await ok(await admin.patch(`/api/v1/claims/${claim.id}`, { data: { version: inReview.version, status: "APPROVED" } }));
  const published = await ok(await editor.post(`/api/v1/articles/${id}/publish`, { data: { visibility: "PUBLIC" } }));
  const revised = await ok(
    await editor.post(`/api/v1/articles/${id}/revisions`, { data: { text: text.replace("Angela Stant", "Angela Stent"), reason: "Corrected the spelling of Angela Stent", baseRevision: 1 } }),
  );
  expect(revised.summary).toMatchObject({ orphaned: 0, changed: 0 });
  await ok(await editor.post(`/api/v1/articles/${id}/publish`, { data: { reason: "The article's text was corrected" } }));
  await Promise.all([editor.dispose(), admin.dispose()]);

  await page.goto(published.url);
  await expect(page.locator("#article-text")).toContainText("Angela Stent");
  const log = page.locator("ol.corrections");
  await expect(log).toContainText("Article text updated: Corrected the spelling of Angela Stent");
  await log.getByRole("link", { name: /as it was before this correction/ }).click();
  await expect(page).toHaveURL(/\?revision=1$/);
  await expect(page.getByRole("note", { name: "Earlier version" })).toContainText("You are reading an earlier version");
  await expect(page.locator("#article-text")).toContainText("Angela Stant");
  await expect(page.locator(`mark[data-claims~="${claim.id}"]`).first()).toBeVisible();
  await page.screenshot({ path: "test-results/corrections-earlier-version.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.getByRole("link", { name: "Read the current fact-check" }).click();
  await expect(page.locator("#article-text")).toContainText("Angela Stent");
});

test("a new version pasted: identical text is refused, the word diff previews the change, saving makes revision 2", async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, "editor");
  const res = await api.post("/api/v1/articles", { data: { text: TEXT, title: `New version e2e ${Date.now()}` } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const claim = await api.post(`/api/v1/articles/${id}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: NAME_QUOTE }] }, statement: "Name" } });
  expect(claim.status()).toBe(201);
  await api.dispose();

  await signIn(page, "editor");
  await page.goto(`/articles/${id}`);
  await page.getByRole("button", { name: "New version" }).click();
  const dialog = page.getByRole("dialog", { name: "New version" });
  await dialog.getByLabel("Updated article text").fill(TEXT);
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByRole("alert")).toContainText("identical to the current text: no revision was made");

  await dialog.getByLabel("Updated article text").fill(TEXT.replace("Angela Stant", "Angela Stent"));
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  const diff = dialog.getByRole("region", { name: "Changes from the current text" });
  await expect(diff.locator("del")).toContainText(["Stant"]);
  await expect(diff.locator("ins")).toContainText(["Stent"]);
  await expect(dialog.getByTestId("reanchor-summary")).toContainText("1 changed");
  await dialog.getByLabel(/Reason for the change/).fill("Corrected a name");
  await dialog.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText(/Revision 2 saved/)).toBeVisible();
  await expect(page.locator(".article-viewer .article-prose")).toContainText("Angela Stent");
});
