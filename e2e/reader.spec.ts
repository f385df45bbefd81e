import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { apiAs } from "./helpers";

// The published reader view as readers meet it: anonymous on a public fact-check, signed in on
// a members-only one, the JSON-LD, accessibility, keyboard, corrections and withdrawal.
// Data is prepared through the API as the demo editor (claims, sources, review, publish).

test.describe.configure({ mode: "serial" });

const XSS = readFileSync(path.join(__dirname, "../../shared/fixtures/security/xss-payloads.txt"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => /<|on\w+=|javascript:/i.test(l))
  .slice(0, 6);

const CLAIMS = [
  { exact: "NATO stated in 2008 that Ukraine and Georgia would one day be members", verdict: "true", statement: "NATO said in 2008 that Ukraine and Georgia would become members", claimant: "The Wall Street Journal" },
  { exact: "Russia annexed Crimea from Ukraine in 2014", verdict: "true", statement: "Russia annexed Crimea from Ukraine in 2014", claimant: `Reporter ${XSS[0]}` },
  { exact: "military is receiving Western weapons systems and training", verdict: "misleading", statement: `Ukraine's military gets Western weapons ${XSS[1]}`, claimant: `Pentagon officials ${XSS[2]}` },
];
const DRAFT = { exact: "the Kremlin less leverage over", statement: "DRAFT-ONLY statement never published" };

let editor: APIRequestContext;
let admin: APIRequestContext;
let articleId: string;
let slug: string;
const claimIds: string[] = [];
let draftId: string;

/** The fields this spec reads from claim and publish answers. */
interface ApiBody {
  id: string;
  version: number;
  url: string;
  status: string;
  number: number;
}

async function json(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<ApiBody> {
  const body = (await res.json()) as ApiBody;
  expect(res.ok(), `${res.url()} → ${res.status()} ${JSON.stringify(body)}`).toBeTruthy();
  return body;
}

async function createClaim(api: APIRequestContext, c: { exact: string; statement: string; verdict?: string; claimant?: string; rationale?: string }) {
  return json(
    await api.post(`/api/v1/articles/${articleId}/claims`, {
      data: {
        target: { selector: [{ type: "TextQuoteSelector", exact: c.exact }] },
        statement: c.statement,
        ...(c.claimant ? { claimant: c.claimant } : {}),
        ...(c.verdict ? { verdict: c.verdict } : {}),
        ...(c.rationale ? { rationale: c.rationale } : {}),
      },
    }),
  );
}

function collectDialogs(page: Page): string[] {
  const fired: string[] = [];
  page.on("dialog", async (d) => {
    fired.push(d.message());
    await d.dismiss();
  });
  return fired;
}

test.beforeAll(async ({ baseURL }) => {
  editor = await apiAs(baseURL!, "editor");
  admin = await apiAs(baseURL!, "admin");
  // Its own copy of the sample, so what other specs do to the demo article cannot interfere.
  const sample = readFileSync(path.resolve(__dirname, "..", "..", "shared", "fixtures", "articles", "biden-putin-scraped.txt"), "utf8");
  articleId = (await json(await editor.post("/api/v1/articles", { data: { text: sample } }))).id;
  for (const c of CLAIMS) {
    const claim = await createClaim(editor, {
      ...c,
      rationale: `<p>Checked against the <strong>record</strong>. ${XSS[3]}</p><p><a href="javascript:alert(1)">bad link</a> <a href="https://www.nato.int/">NATO</a></p>`,
    });
    await json(await editor.post(`/api/v1/claims/${claim.id}/sources`, { data: { url: "https://www.nato.int/cps/en/natolive/official_texts_8443.htm", title: `Bucharest Summit Declaration ${XSS[4]}`, publisher: "NATO", stance: "SUPPORTS" } }));
    const inReview = await json(await editor.patch(`/api/v1/claims/${claim.id}`, { data: { version: (await json(await editor.get(`/api/v1/claims/${claim.id}`))).version, status: "IN_REVIEW" } }));
    await json(await admin.patch(`/api/v1/claims/${claim.id}`, { data: { version: inReview.version, status: "APPROVED" } }));
    claimIds.push(claim.id);
  }
  draftId = (await createClaim(editor, { ...DRAFT, verdict: "false" })).id;
  const published = await json(await editor.post(`/api/v1/articles/${articleId}/publish`, { data: { visibility: "PUBLIC" } }));
  expect(published.url).toMatch(/\/r\/[a-z0-9-]+$/);
  slug = published.url.split("/r/")[1];
});

test("an anonymous reader reads the public fact-check, without drafts and without script injection", async ({ page }) => {
  const dialogs = collectDialogs(page);
  const res = await page.goto(`/r/${slug}`);
  expect(res?.status()).toBe(200);
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'sha256-[^']+'/);
  expect(csp).not.toContain("unsafe-inline");

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Biden, Putin Talk");
  await expect(page.locator(".summary-sentence")).toContainText(/claims? checked: .*2 True.*1 Misleading|1 Misleading.*2 True/);
  await expect(page.getByRole("img", { name: /Verdict distribution/ })).toBeVisible();
  for (const id of claimIds) {
    await expect(page.locator(`mark[data-claims~="${id}"]`).first()).toBeVisible();
    await expect(page.locator(`#claim-${id}`)).toBeVisible();
  }
  await expect(page.locator(`#claim-${claimIds[0]}`)).toContainText("Bucharest Summit Declaration");
  await expect(page.locator(`#claim-${claimIds[0]}`)).toContainText(/Reviewed by Alex Admin/);
  const html = await page.content();
  expect(html).not.toContain("DRAFT-ONLY");
  expect(html).not.toContain(draftId);
  await page.locator(`#claim-${claimIds[2]}`).hover();
  expect(dialogs).toEqual([]);

  const api = await page.request.get(`/api/v1/public/articles/${slug}`);
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(body).not.toContain("DRAFT-ONLY");
  expect(body).not.toContain(draftId);
  expect(JSON.parse(body).claims.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(claimIds));
});

test("the JSON-LD parses and carries every ClaimReview field, for published claims only", async ({ page }) => {
  await page.goto(`/r/${slug}`);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const reviews = blocks.map((b) => JSON.parse(b));
  expect(reviews.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(reviews)).not.toContain("DRAFT-ONLY");
  const byUrl = new Map(reviews.map((r) => [r.url as string, r]));
  for (const [i, id] of claimIds.entries()) {
    const r = byUrl.get(`${new URL(page.url()).origin}/r/${slug}#claim-${id}`) ?? [...byUrl.values()].find((x) => String(x.url).endsWith(`#claim-${id}`));
    expect(r, `ClaimReview for claim ${i + 1}`).toBeTruthy();
    expect(r["@context"]).toBe("https://schema.org");
    expect(r["@type"]).toBe("ClaimReview");
    expect(r.claimReviewed.length).toBeLessThan(75);
    expect(r.claimReviewed).not.toMatch(/\b(True|Misleading)\b$/);
    expect(r.reviewRating).toMatchObject({ "@type": "Rating", alternateName: CLAIMS[i].verdict === "true" ? "True" : "Misleading", bestRating: 5, worstRating: 1 });
    expect(typeof r.reviewRating.ratingValue).toBe("number");
    expect(r.itemReviewed["@type"]).toBe("Claim");
    expect(r.itemReviewed.author.name).toBeTruthy();
    expect(r.itemReviewed.appearance).toBeTruthy();
    expect(r.author).toMatchObject({ "@type": "Organization", name: "Factmark Demo Desk", url: "https://factmark.example/desk" });
    expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
  }
});

test("no serious or critical axe violation; the keyboard opens a claim card; #claim-<id> opens its card", async ({ page }) => {
  await page.goto(`/r/${slug}`);
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  const ref = page.locator(`a.fm-ref[data-claim="${claimIds[1]}"]`);
  await ref.focus();
  await page.keyboard.press("Enter");
  const card = page.getByRole("dialog");
  await expect(card).toBeVisible();
  await expect(card).toContainText("Russia annexed Crimea from Ukraine in 2014");
  await expect(card).toContainText("Sources");
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  await expect(ref).toBeFocused();

  await page.goto(`/r/${slug}#claim-${claimIds[2]}`);
  await expect(page.getByRole("dialog")).toContainText("Western weapons");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: ".tmp/reader-desktop-card.png" });
});

test("on a phone a tapped claim opens as a bottom sheet (screenshots kept for review)", async ({ browser, baseURL }) => {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(`${baseURL}/r/${slug}`);
  await desktop.screenshot({ path: ".tmp/reader-desktop.png", fullPage: true });
  await desktop.close();
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${baseURL}/r/${slug}`);
  await phone.screenshot({ path: ".tmp/reader-phone.png" });
  await phone.locator(`a.fm-ref[data-claim="${claimIds[1]}"]`).tap();
  const sheet = phone.getByRole("dialog");
  await expect(sheet).toHaveClass(/fm-sheet/);
  const box = await sheet.boundingBox();
  expect(box, "the sheet is visible").toBeTruthy();
  expect(Math.round(box!.y + box!.height)).toBeGreaterThanOrEqual(844 - 2);
  expect(box!.width).toBeGreaterThan(390 * 0.9);
  await phone.screenshot({ path: ".tmp/reader-phone-sheet.png" });
  await phone.close();
});

test("a correction needs a reason and appears in the log; withdrawing answers 410 with the reason", async ({ page }) => {
  const claim = await json(await editor.get(`/api/v1/claims/${claimIds[0]}`));
  const reopened = await json(await editor.patch(`/api/v1/claims/${claimIds[0]}`, { data: { version: claim.version, verdict: "mostly-true" } }));
  // A changed verdict needs a second look before it can reach readers again.
  expect(reopened.status).toBe("IN_REVIEW");
  await json(await admin.patch(`/api/v1/claims/${claimIds[0]}`, { data: { version: reopened.version, status: "APPROVED" } }));
  const noReason = await editor.post(`/api/v1/articles/${articleId}/publish`, { data: {} });
  expect(noReason.status()).toBe(400);
  expect((await noReason.json()).error.message).toMatch(/reason/i);
  const corrected = await json(await editor.post(`/api/v1/articles/${articleId}/publish`, { data: { reason: "NATO's wording was a promise, not a timetable." } }));
  expect(corrected.number).toBeGreaterThanOrEqual(2);

  await page.goto(`/r/${slug}`);
  await expect(page.locator(".updated")).toContainText("Updated");
  const log = page.locator("ol.corrections");
  await expect(log).toContainText("NATO's wording was a promise, not a timetable.");

  await json(await editor.post(`/api/v1/articles/${articleId}/unpublish`, { data: { reason: "The original story was retracted by its publisher." } }));
  const gone = await page.goto(`/r/${slug}`);
  expect(gone?.status()).toBe(410);
  await expect(page.locator("main")).toContainText(/This fact-check was withdrawn on .+: The original story was retracted by its publisher\./);
  expect((await page.request.get(`/api/v1/public/articles/${slug}`)).status()).toBe(410);

  // Restored as members-only for the next test.
  await json(await editor.post(`/api/v1/articles/${articleId}/publish`, { data: { reason: "Retraction withdrawn.", visibility: "MEMBERS" } }));
});

test("members-only: signed-out readers are sent to sign in, members read it, the embed refuses it", async ({ page, baseURL }) => {
  const res = await page.goto(`/r/${slug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fr%2F/);
  expect(res?.ok()).toBeTruthy();
  expect((await page.request.get(`/api/v1/public/articles/${slug}`)).status()).toBe(401);
  expect((await page.request.get(`/embed/${slug}`)).status()).toBe(404);

  const reader = await apiAs(baseURL!, "reader");
  const asMember = await reader.get(`/r/${slug}`);
  expect(asMember.status()).toBe(200);
  expect(await asMember.text()).toContain("Members only");

  await json(await editor.post(`/api/v1/articles/${articleId}/publish`, { data: { visibility: "PUBLIC" } }));
  const embed = await page.request.get(`/embed/${slug}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
});

test("an unknown slug is a proper 404 page", async ({ page }) => {
  const res = await page.goto("/r/no-such-fact-check");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that fact-check");
});
