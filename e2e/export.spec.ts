import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { apiAs, sampleArticleId, signIn, SAMPLE_TITLE } from "./helpers";

// Export from the UI: an editor opens the sample article, picks a format in the Export menu
// and gets the file; the library's workspace export builds a ZIP with a progress bar.

const CRIMEA = "Russia annexed Crimea from Ukraine in 2014";
const STATEMENT = `E2E export check: ${CRIMEA}.`;

let articleId: string;

test.beforeAll(async ({ baseURL }) => {
  const api = await apiAs(baseURL!, "editor");
  articleId = await sampleArticleId(api);
  // A claim of our own on the sample article, so the report has something to show.
  const claims = (await (await api.get(`/api/v1/articles/${articleId}/claims`)).json()) as { items?: Array<{ statement: string }> } | Array<{ statement: string }>;
  const list = Array.isArray(claims) ? claims : (claims.items ?? []);
  if (!list.some((c) => c.statement === STATEMENT)) {
    const res = await api.post(`/api/v1/articles/${articleId}/claims`, {
      data: { target: { selector: [{ type: "TextQuoteSelector", exact: CRIMEA }] }, statement: STATEMENT, claimant: "Michael R. Gordon", verdict: "true", rationale: "<p>UN resolution 68/262.</p>" },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await api.dispose();
});

async function downloadFromMenu(page: Page, formatLabel: RegExp, internal: boolean) {
  await page.getByTestId("export-menu-trigger").click();
  if (internal) {
    await page.getByRole("menuitemradio", { name: /All claims, drafts included/ }).click();
    await expect(page.getByRole("menuitemradio", { name: /All claims, drafts included/ })).toHaveAttribute("aria-checked", "true");
  }
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: formatLabel }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), path: (await download.path())! };
}

test("an editor downloads the sample article's internal report as PDF and Markdown from the Export menu", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByRole("heading", { level: 1, name: SAMPLE_TITLE })).toBeVisible();

  const md = await downloadFromMenu(page, /^Markdown$/, true);
  expect(md.name).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md$/);
  const text = readFileSync(md.path, "utf8");
  expect(text.startsWith("# Biden")).toBe(true);
  expect(text).toContain("INTERNAL");
  expect(text).toContain(CRIMEA);
  expect(text).toContain("E2E export check");

  const pdf = await downloadFromMenu(page, /^PDF report$/, false);
  expect(pdf.name).toMatch(/\.pdf$/);
  const bytes = readFileSync(pdf.path);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  let pdftotext = true;
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
  } catch {
    pdftotext = false;
  }
  if (pdftotext) {
    const extracted = execFileSync("pdftotext", [pdf.path, "-"], { encoding: "utf8" });
    expect(extracted).toContain("FACT-CHECK REPORT");
    expect(extracted).toMatch(/Page 1 of \d+/);
  }
  // The toast confirms the download.
  await expect(page.getByText(/^Downloaded .*\.pdf/)).toBeVisible();
});

test("the library exports the workspace as a ZIP; a reader is not offered internal reports", async ({ page, baseURL }) => {
  await signIn(page, "editor");
  await page.goto("/articles");
  await page.getByRole("button", { name: "Export workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Export the workspace" });
  await dialog.getByLabel("Report format inside the ZIP").selectOption("md");
  await dialog.getByLabel("Claims").selectOption("all");
  // The server builds the ZIP as a background job; hold the dialog's first progress poll so the
  // progress it shows before the job is done can be checked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/v1\/jobs\/[^/]+$/, async (route) => {
    await held;
    await route.continue();
  });
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const bar = dialog.getByRole("progressbar", { name: "Export progress" });
  await expect(bar).toHaveAttribute("aria-valuetext", /^0 of [1-9]\d* articles$/);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeVisible();
  await page.screenshot({ path: ".tmp/screens/workspace-export-progress.png" });
  release();
  const download = await downloading;
  await page.unroute(/\/api\/v1\/jobs\/[^/]+$/);
  expect(download.suggestedFilename()).toMatch(/-internal-md-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const names = Object.keys(files);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n.endsWith(".md"))).toBe(true);
  expect(Object.values(files).some((f) => strFromU8(f).includes("E2E export check"))).toBe(true);
  await expect(dialog).toBeHidden();

  // Readers: published claims only, no internal choice, and the API refuses scope=all.
  await page.context().clearCookies();
  await signIn(page, "reader");
  await page.getByRole("button", { name: "Export workspace" }).click();
  const readerDialog = page.getByRole("dialog", { name: "Export the workspace" });
  await expect(readerDialog).toBeVisible();
  await expect(readerDialog.getByLabel("Claims")).toHaveCount(0);
  const readerApi = await apiAs(baseURL!, "reader");
  const res = await readerApi.get(`/api/v1/articles/${articleId}/export?format=md&scope=all`);
  expect([403, 404]).toContain(res.status());
  await readerApi.dispose();
});

test("each library row has a compact Export menu that downloads that article, also on a narrow screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "editor");
  await page.goto("/articles");
  const row = page.getByTestId("article-row").filter({ hasText: SAMPLE_TITLE });
  const trigger = row.getByRole("button", { name: `Export “${SAMPLE_TITLE}”` });
  await expect(trigger).toBeVisible();
  // The actions column fits: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: ".tmp/screens/library-row-narrow.png" });

  await trigger.click();
  await page.getByRole("menuitemradio", { name: /All claims, drafts included/ }).click();
  await page.screenshot({ path: ".tmp/screens/library-row-menu.png" });
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /^Markdown$/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("# Biden")).toBe(true);
  expect(text).toContain("INTERNAL");
  expect(text).toContain("E2E export check");
  await expect(page.getByText(/^Downloaded .*\.md \(internal\)/)).toBeVisible();
});
