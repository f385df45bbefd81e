import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { apiAs, sampleArticleId, signIn } from "./helpers";

// Accessibility of the signed-in app (the reader page has its own check in reader.spec.ts):
// axe (WCAG 2 A + AA) finds no serious or critical violation on each page, and the pages an
// editor uses on a phone do not scroll sideways. QA_SCREENSHOTS=1 also saves screenshots of the
// library, article and new-article pages at desktop and phone size into .tmp/qa/.

test.describe.configure({ mode: "serial" });

const QUOTE = "Mr Putin has ordered a mass dispatch of troops to Ukraine";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SHOTS = process.env.QA_SCREENSHOTS === "1" ? path.resolve(__dirname, "..", ".tmp", "qa") : null;

let editor: APIRequestContext;
let articleId: string;
let claimId: string;
let createdClaimId: string | null = null;

test.beforeAll(async ({ baseURL }) => {
  editor = await apiAs(baseURL!, "editor");
  articleId = await sampleArticleId(editor);
  const list = await editor.get(`/api/v1/articles/${articleId}/claims`);
  expect(list.ok(), `listing claims → ${list.status()}`).toBeTruthy();
  const { claims } = (await list.json()) as { claims: Array<{ id: string }> };
  if (claims.length > 0) {
    claimId = claims[0].id;
  } else {
    const res = await editor.post(`/api/v1/articles/${articleId}/claims`, {
      data: { target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] }, statement: "Putin sent a mass of troops to Ukraine's border" },
    });
    expect(res.status(), `creating a claim → ${res.status()} ${await res.text()}`).toBe(201);
    claimId = createdClaimId = ((await res.json()) as { id: string }).id;
  }
});

test.afterAll(async () => {
  // Leaves the sample article as the other specs expect to find it.
  if (createdClaimId) await editor.delete(`/api/v1/claims/${createdClaimId}`);
  await editor.dispose();
});

/** Runs axe on the page as it is now and fails with each serious/critical violation's id and targets. */
async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const why = (n.failureSummary ?? "").split("\n").map((l) => l.trim()).filter((l) => l && !/^Fix (any|all) of the following:$/.test(l));
        return `    ${n.target.join(" ")} — ${why.join("; ")}`;
      });
      return `${v.id} (${v.impact}): ${v.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
  expect(serious.map((v) => v.id), `${label}: serious/critical axe violations:\n${report}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label} scrolls sideways at ${innerWidth}px (content is ${scrollWidth}px wide)`).toBeLessThanOrEqual(innerWidth);
}

async function screenshot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function openLibrary(page: Page) {
  await page.goto("/articles");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Biden, Putin Talk/ }).first()).toBeVisible();
}

async function openArticleWithClaim(page: Page) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(page.locator(".article-viewer .article-prose")).toBeVisible();
  await expect(page.getByTestId("claim-panel").getByRole("button", { name: "All claims" })).toBeVisible();
  await expect(page.getByTestId("claim-panel").getByLabel("Statement")).toBeVisible();
}

async function openNewArticle(page: Page) {
  await page.goto("/articles/new");
  await expect(page.getByRole("tab", { name: "Paste" })).toBeVisible();
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in");
});

test("the article library has no serious accessibility violations", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "editor");
  await openLibrary(page);
  await expectNoSeriousViolations(page, "articles library");
  await screenshot(page, "library-desktop");
});

test("each way into a new article has no serious accessibility violations", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "editor");
  await openNewArticle(page);
  await expectNoSeriousViolations(page, "new article — Paste");
  await screenshot(page, "new-article-desktop");
  for (const tab of ["Upload", "From URL"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expectNoSeriousViolations(page, `new article — ${tab}`);
  }
  // The cleaned preview, with its remove/restore controls, before anything is saved.
  await page.getByRole("tab", { name: "Paste" }).click();
  await page.getByLabel("Article text").fill(readFileSync(path.resolve(__dirname, "..", "..", "shared", "fixtures", "articles", "biden-putin-scraped.txt"), "utf8"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("button", { name: "Change input" })).toBeVisible();
  await expectNoSeriousViolations(page, "new article — preview");
});

test("the annotation page with a claim open has no serious accessibility violations", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "editor");
  await openArticleWithClaim(page);
  await expectNoSeriousViolations(page, "article page with a claim selected");
  await screenshot(page, "article-desktop");
});

test("the admin and settings pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin");
  for (const [url, marker] of [
    ["/admin", "Administration"],
    ["/admin/members", "Pending invitations"],
    ["/admin/scale", "Verdicts"],
    ["/admin/workspace", "Workspace settings"],
    ["/settings/tokens", "API tokens"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByText(marker, { exact: true }).first()).toBeVisible();
    await expectNoSeriousViolations(page, url);
  }
});

test("on a phone the library, the article page and the new-article page do not scroll sideways and stay accessible", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "editor");
  await openLibrary(page);
  await checkPhonePage(page, "articles library", "library-phone");
  await openArticleWithClaim(page);
  await checkPhonePage(page, "article page", "article-phone");
  await page.getByTestId("claim-panel").getByRole("button", { name: "All claims" }).click();
  await expect(page.getByRole("group", { name: "Filter claims" })).toBeVisible();
  await checkPhonePage(page, "article page, list of claims", "article-list-phone");
  await openNewArticle(page);
  await checkPhonePage(page, "new article page", "new-article-phone");
});

/** The phone layout: no sideways scroll, and what shows or hides at this size keeps its names. */
async function checkPhonePage(page: Page, label: string, shot: string) {
  await screenshot(page, shot);
  await expectNoSidewaysScroll(page, label);
  await expectNoSeriousViolations(page, `${label} (phone)`);
}
