import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// Keyboard-only claim creation (issue 12): Tab into the article text, move the caret, select
// with Shift+arrows, Alt+Shift+A; the skip link reaches the claim list; "?" lists the shortcuts.
// No mouse: the page counts pointer presses and there must be none.

test("an editor creates a claim with the keyboard alone, skips to the claim list, and opens the shortcut help; axe stays clean", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const stamp = Date.now().toString(36);
  const article = await (await editor.post("/api/v1/articles", { data: { text: `Keys ${stamp}\n\nTaxes rose by ten percent last year.\n\nSpending fell.`, title: `Keys ${stamp}` } })).json();
  await editor.dispose();

  await signIn(page, "editor");
  await page.goto(`/articles/${article.id}`);
  await page.evaluate(() => {
    const w = window as unknown as { __presses: number };
    w.__presses = 0;
    window.addEventListener("pointerdown", () => (w.__presses += 1), { capture: true });
  });

  // The skip link into the text is the first stop after the page's header controls.
  const into = page.getByRole("link", { name: "Select text with the keyboard" });
  for (let i = 0; i < 40 && !(await into.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(into).toBeFocused();
  await page.keyboard.press("Enter");
  const text = page.getByRole("region", { name: "Article text" });
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute("contenteditable", "true");

  // The caret starts at the beginning of the text; select "Taxes rose".
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < "Taxes rose".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("Taxes rose");
  // Typing does not change the article.
  await page.keyboard.press("x");
  await page.keyboard.press("Backspace");
  await expect(text).toContainText("Taxes rose by ten percent last year.");

  const created = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${article.id}/claims`) && r.request().method() === "POST");
  await page.keyboard.press("Alt+Shift+A");
  expect((await created).status()).toBe(201);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByLabel("Statement")).toHaveValue(/Taxes rose/);
  await expect(page.locator(".article-prose")).toHaveAttribute("data-painted-claims", "1");

  // Esc leaves the text; shift-tab back to the skip link to the claim list.
  await text.focus();
  await page.keyboard.press("Escape");
  await expect(text).not.toBeFocused();
  const skip = page.getByRole("link", { name: "Skip to the claim list" });
  await skip.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#claims").locator(":focus")).toHaveCount(1);

  await page.locator("body").focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Alt + Shift + A");
  await expect(help).toContainText("Shift + arrows");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The article page in keyboard mode, with the new claim open.
  await page.getByRole("region", { name: "Article text" }).focus();
  // Toasts fade in and out (axe reads their contrast mid-animation); they are checked elsewhere.
  const article2 = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).exclude("[data-sonner-toaster]").analyze();
  expect(article2.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __presses: number }).__presses)).toBe(0);
});
