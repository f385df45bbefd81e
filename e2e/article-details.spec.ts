import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// Article details after import (issue 12): an editor corrects title, byline, original date,
// source URL, language and visibility on the article page; a colleague's save in between is
// caught (409) and their version shown; readers get no edit button.

test("an editor corrects the article's details; a stale save shows the colleague's version; readers cannot change them", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const stamp = Date.now().toString(36);
  const article = await (await editor.post("/api/v1/articles", { data: { text: `Imported ${stamp}\n\nThe council approved the budget on Monday.`, title: `Imported ${stamp}` } })).json();

  await signIn(page, "editor");
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Article details" });
  await dialog.getByLabel("Title").fill(`Council budget ${stamp}`);
  await dialog.getByLabel("Byline").fill("By Jane Doe");
  await dialog.getByLabel("Originally published").fill("2021-12-30");
  await dialog.getByLabel("Source URL").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByText("The source URL must be a web address starting with http:// or https://.")).toBeVisible();
  await dialog.getByLabel("Source URL").fill("https://news.example/council");
  await dialog.getByLabel("Language").fill("en-GB");
  await dialog.getByLabel("Reader page visibility").selectOption("MEMBERS");
  await page.screenshot({ path: ".tmp/article-details.png" });
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Council budget ${stamp}`);
  await expect(page.locator("main header")).toContainText("By Jane Doe");
  await expect(page.locator("main header")).toContainText("30 Dec 2021");
  await expect(page.getByRole("link", { name: /Original story/ })).toHaveAttribute("href", "https://news.example/council");

  // A colleague saves first: the open form gets a 409 and shows their title.
  await page.getByRole("button", { name: "Edit details" }).click();
  await dialog.getByLabel("Title").fill("Mine");
  const current = await (await editor.get(`/api/v1/articles/${article.id}`)).json();
  const theirs = await editor.patch(`/api/v1/articles/${article.id}`, { data: { version: current.version, title: `Theirs ${stamp}` } });
  expect(theirs.status()).toBe(200);
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Someone else changed this article's details");
  await expect(dialog.getByLabel("Title")).toHaveValue(`Theirs ${stamp}`);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const stale = await editor.patch(`/api/v1/articles/${article.id}`, { data: { version: current.version, title: "Stale" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.details.current.title).toBe(`Theirs ${stamp}`);
  await editor.dispose();

  const reader = await apiAs(baseURL!, "reader");
  expect((await reader.patch(`/api/v1/articles/${article.id}`, { data: { version: 1, title: "x" } })).status()).toBe(404);
  await reader.dispose();
});
