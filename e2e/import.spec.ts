import { expect, test } from "@playwright/test";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { SAMPLE_TITLE, signIn } from "./helpers";

// Loading articles the way an editor does: paste the scraped sample, see what the cleaner
// removed, restore a line, save, find it in the library; upload a .docx; paste rich text;
// fetch a URL (served by the test on the allowed test port); delete with confirmation.

const SAMPLE = readFileSync(path.join(__dirname, "../../shared/fixtures/articles/biden-putin-scraped.txt"), "utf8");
const SHOTS = path.join(__dirname, "../.tmp");
const PORT = Number(process.env.E2E_PORT ?? 3100);

test.describe.configure({ mode: "serial" });

test("editor pastes the sample, reviews the removed lines, saves and opens it from the library", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { name: "New article", level: 1 })).toBeVisible();

  await page.getByLabel("Article text").fill(SAMPLE);
  await page.screenshot({ path: `${SHOTS}/import-paste.png` });
  let previewRequests = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/v1/articles/preview")) previewRequests++;
  });
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByLabel("Title")).toHaveValue(SAMPLE_TITLE);
  await expect(page.getByLabel("Byline")).toHaveValue("Michael R. Gordon");
  const preview = page.getByTestId("article-preview");
  await expect(preview).toContainText("Since the fall, Mr Putin has ordered a mass dispatch of troops");
  await expect(preview).not.toContainText("Advertisement");
  await expect(preview).not.toContainText("DMCA");

  const removed = page.getByTestId("removed-blocks");
  await expect(removed.getByTestId("removed-block").filter({ hasText: "- Advertisement -" })).toHaveCount(5);
  await expect(removed).toContainText("DMCA / Correction Notice");
  await expect(removed).toContainText("Stay on top - Get the daily news in your inbox");
  await expect(removed).toContainText("Write Michael R. Gordon at");
  await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });
  // The preview ran once (the restore list's reset used to run it a second time).
  await page.waitForTimeout(600);
  expect(previewRequests).toBe(1);

  // Restore a removed line: the preview shows it; undo takes it out again.
  await removed.getByRole("button", { name: /^Restore: DMCA/ }).click();
  await expect(preview).toContainText("DMCA / Correction Notice");
  await removed.getByRole("button", { name: /^Remove again: DMCA/ }).click();
  await expect(preview).not.toContainText("DMCA");

  const title = `${SAMPLE_TITLE} (pasted ${Date.now()})`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Published").fill("2021-12-30");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?#]+$/);
  const articleUrl = new URL(page.url()).pathname;

  await page.goto("/articles");
  await page.getByRole("searchbox", { name: "Search" }).fill("pasted");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=pasted/);
  const row = page.getByTestId("article-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Michael R. Gordon");
  await expect(row).toContainText("Draft");
  await page.screenshot({ path: `${SHOTS}/import-library.png`, fullPage: true });
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${articleUrl}$`));
  await expect(page.getByText("Since the fall, Mr Putin has ordered").first()).toBeVisible();
});

test("a story copied from a web page and pasted as plain text gets its title, byline and date; the page furniture is listed", async ({ page }) => {
  // What Chromium copies from the fixture page, headline to last paragraph (lib/importing/fixtures/copied).
  const copied = readFileSync(path.join(__dirname, "../lib/importing/fixtures/copied/nytimes-1.txt"), "utf8");
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByLabel("Article text").fill(copied);
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByLabel("Title")).toHaveValue("United States to Lift Sudan Sanctions");
  await expect(page.getByLabel("Byline")).toHaveValue("Jeffrey Gettleman");
  await expect(page.getByLabel("Published")).toHaveValue("2017-01-13");
  const preview = page.getByTestId("article-preview");
  await expect(preview).toContainText("LONDON — After nearly 20 years of hostile relations");
  await expect(preview).not.toContainText("Continue reading the main story");
  await expect(preview).not.toContainText("appears in print");
  const removed = page.getByTestId("removed-blocks");
  await expect(removed.getByTestId("removed-block").filter({ hasText: "Continue reading the main story" }).first()).toBeVisible();
  await expect(removed).toContainText("A version of this article appears in print");
  await expect(removed).toContainText("By JEFFREY GETTLEMAN JAN. 13, 2017");
  await expect(removed).not.toContainText("Nothing was removed");
});

test("editor uploads a .docx created in the test", async ({ page }) => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Harbour Council Approves Dredging Plan", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("The council voted "), new TextRun({ text: "seven to two", bold: true }), new TextRun(" on Tuesday to dredge the harbour.")] }),
          new Paragraph({ text: "Costs", heading: HeadingLevel.HEADING_2 }),
          new Paragraph("The plan will cost 4.2 million euros over three years."),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);

  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByRole("tab", { name: "Upload" }).click();
  await expect(page.getByTestId("drop-zone")).toContainText("up to 10 MB");
  await page.locator("#file-input").setInputFiles({ name: "dredging.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer });
  await expect(page.getByTestId("drop-zone")).toContainText("dredging.docx");
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByLabel("Title")).toHaveValue("Harbour Council Approves Dredging Plan");
  const preview = page.getByTestId("article-preview");
  await expect(preview.locator("strong")).toHaveText("seven to two");
  await expect(preview.getByRole("heading", { name: "Costs" })).toBeVisible();
  await expect(page.getByText("from a Word document")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-docx-preview.png`, fullPage: true });
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?#]+$/);
  await expect(page.getByText("The plan will cost 4.2 million euros").first()).toBeVisible();
});

test("a .docx that is not a Word file gets a clear error", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByRole("tab", { name: "Upload" }).click();
  await page.locator("#file-input").setInputFiles({ name: "fake.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip at all") });
  await page.getByRole("button", { name: "Preview" }).click();
  // (Next's route announcer is also role=alert: pick ours by its text.)
  const alert = page.getByRole("alert").filter({ hasText: "not a .docx document" });
  await expect(alert).toContainText("Upload a Word .docx file");
});

test("pasting rich text keeps headings, bold and links and removes pasted boilerplate", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  const zone = page.getByLabel("Article text");
  await zone.focus();
  await zone.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/html", '<h1>Rich Paste Headline</h1><p>First paragraph with <b>bold words</b> and <a href="https://example.com/source">a link</a>.</p><p>- Advertisement -</p><h2>Background</h2><p>Second paragraph.</p>');
    data.setData("text/plain", "Rich Paste Headline\nFirst paragraph with bold words and a link.\n- Advertisement -\nBackground\nSecond paragraph.");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("rich-paste")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Rich Paste Headline");
  const preview = page.getByTestId("article-preview");
  await expect(preview.locator("strong")).toHaveText("bold words");
  await expect(preview.getByRole("link", { name: "a link" })).toHaveAttribute("href", "https://example.com/source");
  await expect(preview.getByRole("heading", { name: "Background" })).toBeVisible();
  await expect(preview).not.toContainText("Advertisement");
  await expect(page.getByTestId("removed-blocks")).toContainText("- Advertisement -");
});

test("URL import fetches a page on the allowed test port; a local address is refused with the reason", async ({ page }) => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html lang="en"><head><title>Port Authority Cuts Fees | Harbour Times</title><meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ines Reporter"></head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Port Authority Cuts Fees</h1><p>${"The port authority cut docking fees by ten percent on Monday, officials said. ".repeat(8)}</p><p>Shipping companies welcomed the move.</p></article><footer>© 2024 Harbour Times</footer></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(PORT + 1000, "127.0.0.1", resolve));
  try {
    await signIn(page, "editor");
    await page.goto("/articles/new");
    await page.getByRole("tab", { name: "From URL" }).click();

    await page.getByLabel("Article URL").fill("http://169.254.169.254/latest/meta-data/");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "cloud metadata address" })).toContainText("Only public web addresses");

    await page.getByLabel("Article URL").fill(`http://127.0.0.1:${PORT + 1000}/story`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("Port Authority Cuts Fees");
    await expect(page.getByLabel("Byline")).toHaveValue("Ines Reporter");
    await expect(page.getByLabel("Source URL")).toHaveValue(`http://127.0.0.1:${PORT + 1000}/story`);
    await expect(page.getByLabel("Language")).toHaveValue("en");
    await expect(page.getByTestId("article-preview")).toContainText("Shipping companies welcomed the move.");
    await expect(page.getByTestId("article-preview")).not.toContainText("Sport");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("editor deletes an article after confirming; a reader sees neither delete nor New article", async ({ page, browser }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  const title = `Disposable Story ${Date.now()}`;
  await page.getByLabel("Article text").fill(`${title}\n\nThis story exists to be deleted.`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?#]+$/);

  await page.goto(`/articles?q=${encodeURIComponent(title)}`);
  const row = page.getByTestId("article-row").filter({ hasText: title });
  await row.getByRole("button", { name: `Delete “${title}”` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Delete this article?");
  await page.screenshot({ path: `${SHOTS}/import-delete-dialog.png` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Delete “${title}”` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete article" }).click();
  await expect(page.getByText(`Deleted “${title}”.`)).toBeVisible();
  await expect(page.getByTestId("article-row").filter({ hasText: title })).toHaveCount(0);

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signIn(reader, "reader");
  await reader.goto("/articles");
  await expect(reader.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await expect(reader.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(reader.getByRole("link", { name: "New article" })).toHaveCount(0);
  await reader.goto("/articles/new");
  await expect(reader.getByText("Only editors and admins")).toBeVisible();
  await readerContext.close();
});
