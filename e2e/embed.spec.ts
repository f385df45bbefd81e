import { expect, test, type Frame } from "@playwright/test";
import { publishApprovedArticle } from "./helpers";

// The embed as the README documents it: an iframe 520 px high, as wide as the host's column.
// Its rows line up (every chip one width, every statement starting at one edge), a verdict chip
// is one line ("Mostly true" never wraps), and no page shows a literal "#claim-<id>".

test.describe.configure({ mode: "serial" });

const EMBED_HEIGHT = 520;
let slug: string;

test.beforeAll(async ({ baseURL }) => {
  const text = [
    `Ferry timetable ${Date.now()}`,
    "The new ferry carries 600 passengers, twice as many as the old one, the operator said.",
    "Crossings will take 40 minutes. Fares stay frozen until 2027, and the operator promises a crossing every hour from May, including on public holidays and through the winter storms.",
    "The council has not published the contract.",
  ].join("\n\n");
  const source = { url: "https://ferry.example/timetable", title: "Timetable", stance: "SUPPORTS" } as const;
  const rationale = "<p>Checked with the operator.</p>";
  ({ slug } = await publishApprovedArticle(
    baseURL!,
    text,
    (
      [
        ["The new ferry carries 600 passengers, twice as many as the old one", "mostly-true"],
        ["Crossings will take 40 minutes", "true"],
        ["the operator promises a crossing every hour from May, including on public holidays and through the winter storms", "mostly-false"],
        ["The council has not published the contract", "unproven"],
      ] as const
    ).map(([exact, verdict]) => ({ exact, verdict, rationale, source })),
  ));
});

type Row = { chipLeft: number; chipWidth: number; chipHeight: number; chipLines: number; lineHeight: number; chipOverflow: number; textLeft: number; label: string };

async function rows(frame: Frame): Promise<Row[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".e-claim")].map((row) => {
      const chip = row.querySelector<HTMLElement>(".fm-chip")!;
      const text = row.querySelector<HTMLElement>(":scope > div")!;
      const style = getComputedStyle(chip);
      const range = document.createRange();
      range.selectNodeContents(chip);
      // Line boxes of the label: one per line it takes.
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const box = chip.getBoundingClientRect();
      const inner = chip.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return {
        chipLeft: box.left,
        chipWidth: box.width,
        chipHeight: inner,
        chipLines: lines,
        lineHeight: parseFloat(style.lineHeight),
        chipOverflow: chip.scrollWidth - chip.clientWidth,
        textLeft: text.getBoundingClientRect().left,
        label: chip.textContent ?? "",
      };
    }),
  );
}

for (const width of [320, 390, 768, 1200]) {
  test(`the embed at ${width}×${EMBED_HEIGHT}: rows aligned, chips on one line, no #claim- text`, async ({ browser, baseURL }) => {
    const page = await browser.newPage({ viewport: { width: width + 40, height: EMBED_HEIGHT + 200 }, baseURL });
    // The README's snippet, in a host page with a 20 px margin on each side.
    await page.goto("/api/v1/health");
    await page.setContent(
      `<!doctype html><body style="margin:20px"><iframe src="${baseURL}/embed/${slug}" title="Fact-check" width="100%" height="${EMBED_HEIGHT}" style="border:0"></iframe></body>`,
    );
    await expect.poll(() => page.frames().find((f) => f.url().includes(`/embed/${slug}`))?.url()).toBeTruthy();
    const frame = page.frames().find((f) => f.url().includes(`/embed/${slug}`))!;
    await frame.waitForSelector(".e-claim");
    expect(await frame.evaluate(() => window.innerHeight)).toBe(EMBED_HEIGHT);
    expect(await frame.evaluate(() => window.innerWidth)).toBe(width);

    const list = await rows(frame);
    expect(list.map((r) => r.label).sort()).toEqual(["Mostly false", "Mostly true", "True", "Unproven"]);
    for (const r of list) {
      expect(r.chipLines, `"${r.label}" wraps at ${width}px`).toBe(1);
      expect(r.chipHeight, `"${r.label}" is taller than one line at ${width}px`).toBeLessThanOrEqual(r.lineHeight + 1);
      expect(r.chipOverflow, `"${r.label}" runs out of its chip at ${width}px`).toBeLessThanOrEqual(0);
    }
    // One column: every chip starts at one edge and has one width, so every statement starts at one edge.
    for (const r of list) {
      expect(Math.abs(r.chipLeft - list[0].chipLeft)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(r.chipWidth - list[0].chipWidth)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(r.textLeft - list[0].textLeft), `statement of "${r.label}" starts off the column`).toBeLessThanOrEqual(0.5);
    }
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await frame.evaluate(() => document.body.innerText)).not.toContain("#claim-");
    // The statement links still open the claim's card on the reader page.
    await expect(frame.locator(".e-claim a").first()).toHaveAttribute("href", /\/r\/[^#]+#claim-/);
    await page.close();
  });
}

test("the reader page (footer included) shows no literal #claim-<id>", async ({ page }) => {
  await page.goto(`/r/${slug}`);
  await expect(page.locator("footer")).toBeVisible();
  expect(await page.locator("footer").innerText()).not.toContain("#claim-");
  expect(await page.locator("body").innerText()).not.toMatch(/#claim-/);
});
