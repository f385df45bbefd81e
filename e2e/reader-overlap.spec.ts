import { expect, test, type Page } from "@playwright/test";
import { publishApprovedArticle } from "./helpers";

// Overlapping claims on the reader page and claim cards that stay inside the window:
// a published article of its own with an outer claim and an inner claim inside it.

test.describe.configure({ mode: "serial" });

const FILLER = Array.from({ length: 14 }, (_, i) => `Filler paragraph ${i + 1} keeps the page long enough to scroll, with words that nobody checks here.`);
const OUTER = "the ministry said exports rose by 40 percent in the first quarter of the year";
const INNER = "rose by 40 percent";
const TEXT = [...FILLER.slice(0, 7), `In a statement on Monday ${OUTER}, a figure the opposition disputes.`, ...FILLER.slice(7)].join("\n\n");

let slug: string;
const ids: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  const rationale = `<p>The customs office counted <strong>12 percent</strong>.</p><ul>${Array.from({ length: 8 }, (_, i) => `<li>Line ${i + 1} of the working</li>`).join("")}</ul>`;
  const source = { url: "https://customs.example/q1", title: "Customs statistics, first quarter", stance: "REFUTES" } as const;
  const published = await publishApprovedArticle(baseURL!, `Overlap check ${Date.now()}\n\n${TEXT}`, [
    { exact: OUTER, statement: "Exports rose by 40 percent in the first quarter.", verdict: "false", rationale, source },
    { exact: INNER, statement: "Exports rose by 40 percent.", verdict: "mostly-true", rationale, source },
  ]);
  slug = published.slug;
  ids.push(...published.claimIds);
});

test("overlapping claims: both extents visible, the shared words marked, and a card listing both", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/r/${slug}`);
  const [outer, inner] = ids;
  const shared = page.locator(`mark.fm-overlap[data-claims="${outer} ${inner}"]`);
  await expect(shared).toHaveText(INNER);
  await expect(shared).toHaveAttribute("title", /Shared by claim 1: False and claim 2: Mostly true/);
  // Both colours on the shared words, and the double underline marking them.
  expect(await shared.evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/linear-gradient/);
  expect(await shared.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe("double");
  // The inner claim's chip sits inside the outer highlight without splitting it.
  await expect(page.locator(`mark.fm-ref-host[data-claims="${outer}"] a.fm-ref[data-claim="${inner}"]`)).toBeVisible();
  await page.screenshot({ path: `test-results/review/reader-overlap-1440.png` });

  await shared.click();
  const card = page.getByRole("dialog");
  await expect(card).toContainText("2 claims overlap here");
  await expect(card).toContainText("Exports rose by 40 percent.");
  await expect(card).toContainText("Exports rose by 40 percent in the first quarter.");
  await expect(card.locator(".fm-pop-item")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);

  // Words only the outer claim covers open the outer claim alone.
  await page.locator(`mark[data-claims="${outer}"]`).first().click({ position: { x: 4, y: 4 } });
  await expect(page.getByRole("dialog")).toContainText("Exports rose by 40 percent in the first quarter.");
  await expect(page.getByRole("dialog").locator(".fm-pop-item")).toHaveCount(0);
});

async function expectInsideViewport(page: Page, width: number, height: number) {
  const card = page.getByRole("dialog");
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.y, "card top inside the window").toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, "card bottom inside the window").toBeLessThanOrEqual(height + 1);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
}

for (const [width, height] of [
  [1440, 900],
  [760, 700],
  [390, 844],
] as const) {
  test(`a chip clicked at the bottom of a ${width}px window opens a card inside the window`, async ({ browser, baseURL }) => {
    const mobile = width < 640;
    const page = await browser.newPage({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile });
    await page.goto(`${baseURL}/r/${slug}`);
    const chip = page.locator(`a.fm-ref[data-claim="${ids[0]}"]`);
    // Bring the chip to the last line of the window, where a card placed below would be cut off.
    await chip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.bottom - window.innerHeight + 6);
    });
    const chipBox = (await chip.boundingBox())!;
    expect(chipBox.y + chipBox.height).toBeGreaterThan(height - 40);
    if (mobile) await chip.tap();
    else await chip.click();
    await expectInsideViewport(page, width, height);
    if (!mobile) await expect(page.getByRole("dialog")).toHaveClass(/fm-above/);
    await page.screenshot({ path: `test-results/review/reader-card-bottom-${width}.png` });
    await page.close();
  });
}
