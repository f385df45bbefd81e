import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./helpers";

// Admin work as an admin does it: add a user (who then signs in with the one-time password),
// change a role, invite someone through a copyable link, protect the last admin, and edit a
// verdict colour with the contrast check.

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const NEW_USER = { name: "Nora Newcomer", email: `nora-${stamp}@example.com` };

async function signInFresh(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password });
  return { context, page };
}

test("an admin adds a user who can then sign in with the generated password", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/members");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  await dialog.getByLabel("Name").fill(NEW_USER.name);
  await dialog.getByLabel("Email").fill(NEW_USER.email);
  await dialog.getByLabel("Role").selectOption("EDITOR");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByRole("heading", { name: "User created" })).toBeVisible();
  const password = await dialog.getByTestId("copy-field-value").inputValue();
  expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId(`member-row-${NEW_USER.email}`)).toContainText(NEW_USER.name);

  const nora = await signInFresh(browser, NEW_USER.email, password);
  await expect(nora.page.getByTestId("current-role")).toHaveText("Editor");
  await nora.context.close();
});

test("an admin changes a member's role, and cannot demote the last admin", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/members");
  const row = page.getByTestId(`member-row-${NEW_USER.email}`);
  await row.getByLabel(`Role of ${NEW_USER.name}`).selectOption("READER");
  await expect(page.getByText(`${NEW_USER.name} is now reader.`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`member-row-${NEW_USER.email}`).getByLabel(`Role of ${NEW_USER.name}`)).toHaveValue("READER");

  await page.getByTestId("member-row-admin@example.com").getByLabel("Role of Alex Admin").selectOption("EDITOR");
  await expect(page.getByText(/would leave this workspace without an admin/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("member-row-admin@example.com").getByLabel("Role of Alex Admin")).toHaveValue("ADMIN");
});

test("an admin invites someone by link; they set a password and join", async ({ page, browser }) => {
  const email = `ivan-${stamp}@example.com`;
  await signIn(page, "admin");
  await page.goto("/admin/members");
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("READER");
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  const link = await dialog.getByTestId("copy-field-value").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId(`invitation-row-${email}`)).toBeVisible();

  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Demo Desk" })).toBeVisible();
  await guest.getByLabel("Your name").fill("Ivan Invitee");
  await guest.getByLabel("Choose a password").fill("ivan-password-123");
  await guest.getByLabel("Confirm password").fill("ivan-password-123");
  await guest.getByRole("button", { name: "Join and sign in" }).click();
  await expect(guest).toHaveURL(/\/articles/);
  await expect(guest.getByTestId("current-role")).toHaveText("Reader");
  // The link is single-use.
  await guest.goto(link);
  await expect(guest.getByText("This invitation has already been used.")).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByTestId(`invitation-row-${email}`)).toHaveCount(0);
  await expect(page.getByTestId(`member-row-${email}`)).toContainText("Ivan Invitee");
});

test("an admin edits a verdict colour; a colour failing WCAG AA is refused with the reason", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/scale");
  const row = page.getByTestId("verdict-row-false");
  const colour = row.getByRole("textbox", { name: "Colour", exact: true });
  await expect(colour).toHaveValue("#fecaca");

  await colour.fill("#b91c1c");
  await expect(row.getByTestId("contrast-badge")).toContainText("fails AA");
  await page.getByRole("button", { name: "Save scale" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "WCAG AA needs at least 4.5:1" })).toBeVisible();

  await colour.fill("#fca5a5");
  await expect(row.getByTestId("contrast-badge")).toContainText("AA pass");
  await page.getByRole("button", { name: "Save scale" }).click();
  await expect(page.getByText("Rating scale saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("verdict-row-false").getByRole("textbox", { name: "Colour", exact: true })).toHaveValue("#fca5a5");

  // Everyone reading the scale gets the new colour.
  const scale = await (await page.request.get("/api/v1/scale?workspace=demo")).json();
  expect(JSON.stringify(scale)).toContain("#fca5a5");

  // Put the demo colour back so other specs see the default scale.
  await page.getByTestId("verdict-row-false").getByRole("textbox", { name: "Colour", exact: true }).fill("#fecaca");
  await page.getByRole("button", { name: "Save scale" }).click();
  await expect(page.getByText("Rating scale saved").first()).toBeVisible();
});

test("an admin saves workspace settings (bad website refused inline) and a site admin creates a workspace", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/workspace");
  const settings = page.getByRole("form", { name: "Workspace settings" });
  const website = settings.getByLabel("Organisation website");
  const original = await website.inputValue();

  await website.fill("javascript:alert(1)");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(website).toHaveAttribute("aria-invalid", "true");

  await website.fill(original);
  const approval = settings.getByLabel("Require independent approval");
  const wasRequired = await approval.isChecked();
  await approval.setChecked(!wasRequired);
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Workspace settings" }).getByLabel("Require independent approval")).toBeChecked({ checked: !wasRequired });
  // Put it back: other specs approve their own claims.
  await page.getByRole("form", { name: "Workspace settings" }).getByLabel("Require independent approval").setChecked(wasRequired);
  await page.getByRole("form", { name: "Workspace settings" }).getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.").first()).toBeVisible();

  const created = page.getByRole("form", { name: "New workspace" });
  await created.getByLabel("Name", { exact: true }).fill(`Sports desk ${stamp}`);
  await created.getByLabel("Slug").fill(`sports-${stamp}`);
  await created.getByLabel("Organisation name").fill("Factmark Sports");
  await created.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText(`Workspace “Sports desk ${stamp}” created.`)).toBeVisible();
  await expect(created.getByLabel("Name", { exact: true })).toHaveValue("");
  await page.getByTestId("workspace-switcher").click();
  await expect(page.getByRole("menuitem", { name: new RegExp(`Sports desk ${stamp}`) })).toBeVisible();
});
