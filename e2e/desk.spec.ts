import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, signIn } from "./helpers";

// The desk's process (issue 12): an approval covers what was approved. The admin approves an
// editor's claim and publishes; the editor changes the verdict; the claim is back in review
// with the reason, the reader page keeps the published verdict, and the admin finds it in the
// review queue.

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
