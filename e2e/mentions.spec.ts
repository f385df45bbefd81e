import { expect, request, test } from "@playwright/test";
import { ACCOUNTS, apiAs, sampleArticleId, signIn } from "./helpers";

// @mentions reach the colleague: the editor writes "@Alex Admin" in comments on a claim of
// the sample article; the admin sees the unread count on the header bell, opens the menu,
// follows a mention to the claim, then marks the rest read.

const QUOTE = "NATO stated in 2008 that Ukraine and Georgia would one day be members";
const STATEMENT = `E2E mentions: ${QUOTE}.`;
const FIRST = "Could you confirm the Bucharest summit wording?";
const SECOND = "Also: is the year right?";

let articleId: string;
let claimId: string;

test.beforeAll(async ({ baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  articleId = await sampleArticleId(editor);
  const created = await editor.post(`/api/v1/articles/${articleId}/claims`, {
    data: { target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] }, statement: STATEMENT },
  });
  expect(created.status(), await created.text()).toBe(201);
  claimId = (await created.json()).id;
  for (const text of [FIRST, SECOND]) {
    const res = await editor.post(`/api/v1/claims/${claimId}/comments`, { data: { body: `@${ACCOUNTS.admin.name} ${text}` } });
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()).mentions).toEqual([expect.objectContaining({ name: ACCOUNTS.admin.name })]);
  }
  // The editor was not mentioned, so sees none of them.
  expect(await (await editor.get("/api/v1/mentions")).json()).toEqual({ unread: 0, mentions: [] });
  await editor.dispose();
  // Workflow notifications left by other specs share the bell: read them, so it counts these mentions.
  const admin = await apiAs(baseURL!, "admin");
  expect((await admin.post("/api/v1/notifications/read", { data: {} })).ok()).toBeTruthy();
  await admin.dispose();
});

test("the admin sees the unread count, follows a mention to the claim and marks the rest read", async ({ page }) => {
  await signIn(page, "admin");
  const bell = page.getByRole("button", { name: "Notifications, 2 unread" });
  await expect(bell).toBeVisible();
  await page.screenshot({ path: ".tmp/screens/mentions-header.png", clip: { x: 0, y: 0, width: 1280, height: 64 } });

  await bell.click();
  const menu = page.getByRole("menu");
  const items = menu.getByTestId("mention-item");
  await expect(items).toHaveCount(2);
  // Newest first, with author and excerpt.
  await expect(items.first()).toContainText(`${ACCOUNTS.editor.name} mentioned you`);
  await expect(items.first()).toContainText(SECOND);
  await expect(items.nth(1)).toContainText(FIRST);
  await page.screenshot({ path: ".tmp/screens/mentions-menu.png" });

  await items.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}$`));
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByRole("button", { name: "All claims" })).toBeVisible();
  await expect(panel.getByRole("textbox", { name: "Statement" })).toHaveValue(STATEMENT);
  await expect(page.getByRole("button", { name: "Notifications, 1 unread" })).toBeVisible();

  await page.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await page.getByRole("menuitem", { name: "Mark all read" }).click();
  // The menu stays open (the page behind it is hidden from assistive tech meanwhile).
  await expect(page.getByRole("menuitem", { name: "Mark all read" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();

  // Persisted: a reload still shows nothing unread.
  await page.reload();
  await expect(page.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();
});

test("another user sees none of the admin's mentions and cannot mark them read", async ({ baseURL }) => {
  const admin = await apiAs(baseURL!, "admin");
  const ids = ((await (await admin.get("/api/v1/mentions")).json()) as { mentions: Array<{ id: string }> }).mentions.map((m) => m.id);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  await admin.dispose();

  const reader = await apiAs(baseURL!, "reader");
  expect(await (await reader.get("/api/v1/mentions")).json()).toEqual({ unread: 0, mentions: [] });
  expect(await (await reader.post("/api/v1/mentions/read", { data: { ids } })).json()).toEqual({ marked: 0, unread: 0 });
  const bad = await reader.post("/api/v1/mentions/read", { data: { ids: [] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/leave `ids` out/);
  await reader.dispose();

  const anonymous = await request.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/mentions")).status()).toBe(401);
  await anonymous.dispose();
});
