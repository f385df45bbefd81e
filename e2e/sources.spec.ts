import { expect, test } from "@playwright/test";
import { apiAs, sampleArticleId, signIn } from "./helpers";

// Sources carry a version like claims: a colleague's edit made while the editor had the source
// form open is not overwritten silently.

test("a colleague's edit of a source is not overwritten by a stale form; saving again is a knowing choice", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const admin = await apiAs(baseURL!, "admin");
  const articleId = await sampleArticleId(editor);
  const claim = await (
    await editor.post(`/api/v1/articles/${articleId}/claims`, {
      data: { target: { selector: [{ type: "TextQuoteSelector", exact: "Russia annexed Crimea" }] }, statement: `Source version check ${Date.now()}` },
    })
  ).json();
  const source = await (await editor.post(`/api/v1/claims/${claim.id}/sources`, { data: { url: "https://example.org/un-vote", title: "UN vote (original)" } })).json();
  expect(source.version).toBe(1);

  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  const p = page.getByTestId("claim-panel");
  await p.locator(`[data-claim-id="${claim.id}"]`).click();
  await p.getByRole("button", { name: "Edit source UN vote (original)" }).click();
  const form = p.getByRole("form", { name: "Edit source" });
  await form.getByLabel("Title", { exact: true }).fill("UN vote (editor)");

  // Meanwhile the admin retitles it.
  const theirs = await admin.patch(`/api/v1/sources/${source.id}`, { data: { title: "UN vote (admin)", version: 1 } });
  expect(theirs.status()).toBe(200);
  // A stale version through the API is a 409 carrying the current source.
  const stale = await admin.patch(`/api/v1/sources/${source.id}`, { data: { title: "stale", version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.details.current).toMatchObject({ title: "UN vote (admin)", version: 2 });

  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else changed this source while you were editing it");
  await expect(form.getByLabel("Title", { exact: true })).toHaveValue("UN vote (editor)");
  const current = async () => ((await (await admin.get(`/api/v1/claims/${claim.id}`)).json()).sources as Array<{ title: string; version: number }>)[0];
  expect(await current()).toMatchObject({ title: "UN vote (admin)", version: 2 });

  await form.getByRole("button", { name: "Save source" }).click();
  await expect(p.getByRole("list", { name: "Sources" })).toContainText("UN vote (editor)");
  expect(await current()).toMatchObject({ title: "UN vote (editor)", version: 3 });
  await editor.dispose();
  await admin.dispose();
});
