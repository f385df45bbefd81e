import { expect, test } from "@playwright/test";
import { apiAs, sampleArticleId, signIn } from "./helpers";

// Discovery: search from the header.

test("an editor finds a claim from the header search, with keyboard and the search page", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const articleId = await sampleArticleId(editor);
  const word = `Quokka${Date.now().toString(36)}`;
  const statement = `Russia annexed Crimea in 2014, ${word} says`;
  const created = await editor.post(`/api/v1/articles/${articleId}/claims`, {
    data: { target: { selector: [{ type: "TextQuoteSelector", exact: "Russia annexed Crimea from Ukraine in 2014" }] }, statement },
  });
  expect(created.status(), await created.text()).toBe(201);
  const claimId = (await created.json()).id as string;

  await signIn(page, "editor");
  const box = page.getByRole("combobox", { name: "Search articles, claims and sources" });
  await box.fill(word.toLowerCase());
  const listbox = page.getByRole("listbox", { name: "Search results" });
  await expect(listbox.getByRole("option", { name: new RegExp(word) })).toBeVisible();
  await expect(listbox.locator("mark", { hasText: word })).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}`));

  // Enter without choosing opens the search page; hostile syntax is plain text there.
  await box.fill(`"${word} OR (`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
  await expect(page.getByTestId("search-results").getByRole("link", { name: statement })).toBeVisible();
  await page.getByLabel("Show").selectOption("articles");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/kind=articles/);
  await expect(page.getByRole("heading", { name: /Claims/ })).toHaveCount(0);
  await page.screenshot({ path: `test-results/search-page.png`, fullPage: true });
});

test("checked before: a new claim in a second article is offered the earlier check, links to it and copies its verdict", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const sampleId = await sampleArticleId(editor);
  const tag = Date.now().toString(36);
  const earlier = await editor.post(`/api/v1/articles/${sampleId}/claims`, {
    data: {
      target: { selector: [{ type: "TextQuoteSelector", exact: "Russia annexed Crimea from Ukraine in 2014" }] },
      statement: `Russia annexed Crimea from Ukraine in 2014 (${tag})`,
      verdict: "true",
      rationale: "<p>UN General Assembly resolution 68/262.</p>",
    },
  });
  expect(earlier.status(), await earlier.text()).toBe(201);
  const earlierId = (await earlier.json()).id as string;
  const second = await editor.post("/api/v1/articles", {
    data: { title: `Second report ${tag}`, text: `A new report.\n\nIn 2014 Crimea was annexed by Russia, the minister repeated.\n\nOther news followed.` },
  });
  expect(second.status(), await second.text()).toBe(201);
  const secondId = (await second.json()).id as string;
  const later = await editor.post(`/api/v1/articles/${secondId}/claims`, {
    data: { target: { selector: [{ type: "TextQuoteSelector", exact: "In 2014 Crimea was annexed by Russia" }] } },
  });
  expect(later.status(), await later.text()).toBe(201);
  const laterId = (await later.json()).id as string;

  await signIn(page, "editor");
  await page.goto(`/articles/${secondId}?claim=${laterId}`);
  const panel = page.getByTestId("checked-before");
  const offers = panel.getByRole("list", { name: "Similar earlier claims" });
  await expect(offers.getByRole("link", { name: new RegExp(tag) })).toBeVisible();
  await panel.getByRole("button", { name: new RegExp(`Link and copy the check of .*${tag}`) }).click();
  await expect(panel.getByRole("list", { name: "Linked claims" }).getByRole("link", { name: new RegExp(tag) })).toBeVisible();
  await expect(page.getByTestId("claim-panel").getByText("True").first()).toBeVisible();
  await page.screenshot({ path: `test-results/checked-before.png`, fullPage: true });

  // The earlier claim shows the later one.
  await page.goto(`/articles/${sampleId}?claim=${earlierId}`);
  await expect(page.getByTestId("checked-before").getByText("Checked again in:")).toBeVisible();
  const links = await (await editor.get(`/api/v1/claims/${laterId}`)).json();
  expect(links.verdict).toBe("true");
});
