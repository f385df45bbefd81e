import { expect, test, type Browser } from "@playwright/test";
import { publishApprovedArticle, signIn } from "./helpers";

// Every page kind at phone (390 px) and desktop (1440 px) width: nothing runs off the side of
// the window. With SCREENSHOT_REVIEW=1 each page is also saved as a PNG under
// test-results/review/ for a person to look at (and printed to PDF where the page prints).

test.describe.configure({ mode: "serial" });

const REVIEW = Boolean(process.env.SCREENSHOT_REVIEW);
let slug: string;
let articleId: string;

test.beforeAll(async ({ baseURL }) => {
  const text = `Harbour review ${Date.now()}\n\nThe port handled 12 million tonnes last year, a record, the harbour board said. It will also double its staff by 2028.\n\nUnions say the figures ignore the closed northern dock.`;
  const source = { url: "https://port.example/report", title: "Annual report", stance: "SUPPORTS" } as const;
  const rationale = '<p>Board figures, <strong>checked</strong> against <a href="https://port.example/report">the annual report</a>.</p>';
  ({ articleId, slug } = await publishApprovedArticle(
    baseURL!,
    text,
    (
      [
        ["The port handled 12 million tonnes last year, a record", "mostly-true"],
        ["12 million tonnes", "true"],
        ["It will also double its staff by 2028", "unproven"],
      ] as const
    ).map(([exact, verdict]) => ({ exact, verdict, rationale, source })),
  ));
});

async function review(browser: Browser, baseURL: string, width: number) {
  const height = width < 640 ? 844 : 900;
  const mobile = width < 640;
  const page = await browser.newPage({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile, baseURL });
  const visit = async (name: string, path: string, opts: { pdf?: boolean; ready?: string } = {}) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Client-rendered parts (highlights, the claim list, select values) before the picture.
    if (opts.ready) await expect(page.locator(opts.ready).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px runs ${overflow}px off the side`).toBeLessThanOrEqual(1);
    if (!REVIEW) return;
    await page.screenshot({ path: `test-results/review/${name}-${width}.png`, fullPage: width >= 640 });
    // Print preview: Chromium prints with the page's @page margins.
    if (opts.pdf && width >= 640) await page.pdf({ path: `test-results/review/${name}-print.pdf`, preferCSSPageSize: true });
  };
  await visit("sign-in", "/sign-in");
  await visit("reader", `/r/${slug}`, { pdf: true });
  await visit("embed", `/embed/${slug}`);
  await visit("not-found", "/r/no-such-fact-check");
  await signIn(page, "admin");
  await visit("library", "/articles", { pdf: true });
  await visit("article", `/articles/${articleId}`, { pdf: true, ready: "[data-testid=claim-panel] [data-claim-id]" });
  await visit("new-article", "/articles/new");
  await visit("review-queue", "/claims");
  await visit("search", "/search?q=harbour");
  await visit("admin-members", "/admin/members");
  await visit("admin-scale", "/admin/scale");
  await visit("admin-workspace", "/admin/workspace");
  await visit("tokens", "/settings/tokens");
  await page.close();
}

for (const width of [390, 1440]) {
  test(`every page kind fits a ${width}px window`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    await review(browser, baseURL!, width);
  });
}
