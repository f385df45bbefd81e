import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// The desk's process (issue 12): an approval covers what was approved. The admin approves an
// editor's claim and publishes; the editor changes the verdict; the claim is back in review
// with the reason, the reader page keeps the published verdict, and the admin finds it in the
// review queue and the bell.

type Body = Record<string, unknown> & { id: string; version: number; status: string };

async function json(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<Body> {
  const body = (await res.json()) as Body;
  expect(res.ok(), `${res.url()} → ${res.status()} ${JSON.stringify(body)}`).toBeTruthy();
  return body;
}

test("editor changes the verdict of an approved claim: back in review with the reason, reader keeps the old verdict, reviewer finds it in the queue", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const admin = await apiAs(baseURL!, "admin");
  const stamp = Date.now().toString(36);
  const text = `Desk check ${stamp}\n\nThe city's bus fleet grew by half in ${stamp} according to the transport office.\n\nRidership stayed flat.`;
  const article = await json(await editor.post("/api/v1/articles", { data: { text, title: `Desk check ${stamp}` } }));
  let claim = await json(
    await editor.post(`/api/v1/articles/${article.id}/claims`, {
      data: {
        target: { selector: [{ type: "TextQuoteSelector", exact: "The city's bus fleet grew by half" }] },
        statement: `Bus fleet grew by half (${stamp})`,
        verdict: "false",
        rationale: "<p>The transport office counts 12% growth.</p>",
      },
    }),
  );
  const src = await json(await editor.post(`/api/v1/claims/${claim.id}/sources`, { data: { url: "https://transport.example/fleet", title: "Fleet report", stance: "REFUTES" } }));
  claim = await json(await editor.patch(`/api/v1/claims/${claim.id}`, { data: { version: src.claimVersion, status: "IN_REVIEW" } }));
  claim = await json(await admin.patch(`/api/v1/claims/${claim.id}`, { data: { version: claim.version, status: "APPROVED" } }));
  const published = (await json(await admin.post(`/api/v1/articles/${article.id}/publish`, { data: { visibility: "PUBLIC" } }))) as Body & { url: string };
  claim = await json(await editor.get(`/api/v1/claims/${claim.id}`));
  expect(claim.status).toBe("PUBLISHED");

  // The editor changes the verdict in the panel.
  await signIn(page, "editor");
  await page.goto(`/articles/${article.id}?claim=${claim.id}`);
  const verdict = page.getByRole("combobox", { name: "Verdict", exact: true });
  await verdict.click();
  await page.getByRole("option", { name: "True", exact: true }).click();
  await expect(page.getByTestId("review-reason")).toHaveText("Verdict changed after approval — needs review again");
  const after = await json(await editor.get(`/api/v1/claims/${claim.id}`));
  expect(after).toMatchObject({ status: "IN_REVIEW", verdict: "true", approvedBy: null });

  // Readers still see the published verdict.
  const reader = await page.context().browser()!.newPage();
  await reader.goto(new URL(published.url).pathname);
  await expect(reader.locator("main")).toContainText("False");
  await expect(reader.locator(".methodology")).toContainText("second member");
  await reader.close();

  // The admin finds it waiting in the queue, with the reason.
  await page.context().clearCookies();
  await signIn(page, "admin");
  // The bell says so too.
  await page.getByTestId("notifications-trigger").click();
  await expect(page.getByRole("menu").getByTestId("notification-item").filter({ hasText: `Bus fleet grew by half (${stamp})` }).first()).toContainText(
    "Verdict changed after approval — needs review again",
  );
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("nav-review")).toBeVisible();
  await page.getByTestId("nav-review").click();
  await expect(page).toHaveURL(/\/claims/);
  const row = page.getByRole("listitem").filter({ hasText: `Bus fleet grew by half (${stamp})` });
  await expect(row).toContainText("Verdict changed after approval — needs review again");
  await expect(row).toContainText("In review");
  await page.screenshot({ path: ".tmp/desk-queue.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".tmp/desk-queue-phone.png", fullPage: true });
  await row.getByRole("link", { name: new RegExp(`Bus fleet grew by half`) }).click();
  await expect(page.getByTestId("review-reason")).toBeVisible();
});

test("a reviewer assigns claims and sends one back in bulk from the queue; a draft picked along is left unchanged with the reason", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const stamp = Date.now().toString(36);
  const text = `Bulk desk ${stamp}\n\nHospital waits fell by a third in ${stamp}.\n\nNurse numbers doubled.\n\nBeds stayed the same.`;
  const article = await json(await editor.post("/api/v1/articles", { data: { text, title: `Bulk desk ${stamp}` } }));
  const make = async (exact: string, submit: boolean) => {
    const c = await json(await editor.post(`/api/v1/articles/${article.id}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact }] }, statement: `${exact} (${stamp})` } }));
    return submit ? json(await editor.patch(`/api/v1/claims/${c.id}`, { data: { version: c.version, status: "IN_REVIEW" } })) : c;
  };
  await make("Hospital waits fell by a third", true);
  await make("Nurse numbers doubled", true);
  await make("Beds stayed the same", false);
  await editor.dispose();

  await signIn(page, "admin");
  await page.goto(`/claims?article=${article.id}`);
  const queue = page.getByTestId("claim-queue");
  await expect(queue.getByRole("listitem")).toHaveCount(3);
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await bar.getByRole("checkbox", { name: "Select all claims on this page" }).check();
  await expect(bar).toContainText("3 selected");
  await bar.getByLabel("Assign to").selectOption({ label: "Emma Editor" });
  await bar.getByRole("button", { name: "Assign" }).click();
  await expect(queue.getByRole("listitem").filter({ hasText: "assigned to Emma Editor" })).toHaveCount(3);

  await queue.getByRole("checkbox", { name: `Select “Nurse numbers doubled (${stamp})”` }).check();
  await queue.getByRole("checkbox", { name: `Select “Beds stayed the same (${stamp})”` }).check();
  await bar.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("bulk-skipped")).toContainText(`Beds stayed the same (${stamp}): Only claims in review can be sent back in bulk`);
  const nurse = queue.getByRole("listitem").filter({ hasText: `Nurse numbers doubled (${stamp})` });
  await expect(nurse).toContainText("Draft");
  await expect(queue.getByRole("listitem").filter({ hasText: `Hospital waits fell by a third (${stamp})` })).toContainText("In review");
  await page.screenshot({ path: ".tmp/desk-bulk.png", fullPage: true });
});
