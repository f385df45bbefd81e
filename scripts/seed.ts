// Loads the demo: a workspace with admin, editor and reader accounts and the sample article.
// Idempotent: running it again keeps existing data and passwords.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/schemas/enums";
import { createWorkspaceTx } from "@/lib/server/workspaces/create-workspace";
import { seedDemoFactcheck } from "./seed-demo-factcheck";
import { correctSampleArticle, loadSampleArticle } from "./seed-sample-article";

const CREDENTIALS_FILE = path.join("data", "demo-credentials.json");

const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "admin@example.com", name: "Alex Admin", role: "ADMIN" },
  { email: "editor@example.com", name: "Emma Editor", role: "EDITOR" },
  { email: "reader@example.com", name: "Riley Reader", role: "READER" },
];

/** Passwords: DEMO_PASSWORD for every account if set, else generated once and kept in data/. */
function demoPasswords(): Record<string, string> {
  const fixed = process.env.DEMO_PASSWORD;
  if (fixed) return Object.fromEntries(DEMO_USERS.map((u) => [u.email, fixed]));
  const stored: Record<string, string> = existsSync(CREDENTIALS_FILE) ? JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) : {};
  for (const u of DEMO_USERS) stored[u.email] ??= generatePassword();
  mkdirSync(path.dirname(CREDENTIALS_FILE), { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
  return stored;
}

async function ensureUser(email: string, name: string, password: string) {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    // Keep the account, but make sure the printed password works.
    if (!existing.passwordHash || process.env.DEMO_PASSWORD) {
      await db.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(password) } });
    }
    return existing;
  }
  return db.user.create({ data: { email, name, passwordHash: await hashPassword(password) } });
}

async function main() {
  const passwords = demoPasswords();
  const users = new Map<string, { id: string; email: string; name: string; isSuperAdmin: boolean }>();
  for (const u of DEMO_USERS) users.set(u.email, await ensureUser(u.email, u.name, passwords[u.email]));
  const admin = users.get("admin@example.com")!;
  if (!admin.isSuperAdmin) await db.user.update({ where: { id: admin.id }, data: { isSuperAdmin: true } });

  let workspace = await db.workspace.findUnique({ where: { slug: "demo" } });
  if (!workspace) {
    workspace = await db.$transaction((tx) =>
      createWorkspaceTx(tx, {
        name: "Demo Desk",
        slug: "demo",
        organizationName: "Factmark Demo Desk",
        organizationUrl: "https://factmark.example/desk",
        ownerUserId: admin.id,
      }),
    );
  }
  for (const u of DEMO_USERS) {
    const user = users.get(u.email)!;
    await db.membership.upsert({
      where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
      create: { userId: user.id, workspaceId: workspace.id, role: u.role },
      update: {},
    });
  }
  // A second workspace, so switching between workspaces can be tried.
  if (!(await db.workspace.findUnique({ where: { slug: "investigations" } }))) {
    await db.$transaction((tx) =>
      createWorkspaceTx(tx, { name: "Investigations", slug: "investigations", organizationName: "Factmark Investigations", ownerUserId: admin.id }),
    );
  }

  const actorFor = (email: string) => {
    const u = users.get(email)!;
    return { userId: u.id, email: u.email, name: u.name, isSuperAdmin: u.isSuperAdmin };
  };
  const editor = actorFor("editor@example.com");
  const sample = await loadSampleArticle({ actor: editor, workspaceId: workspace.id });
  // The demo shows the sample fact-checked and published; e2e tests start from the bare import.
  if (sample.created && process.env.SEED_DEMO_FACTCHECK !== "0") {
    const factcheck = await seedDemoFactcheck({ articleId: sample.id, author: editor, reviewer: actorFor("admin@example.com") });
    if (factcheck.url) console.log(`Sample article fact-checked (${factcheck.created} claims) and published: ${factcheck.url}`);
    if ((await correctSampleArticle({ actor: editor, articleId: sample.id })).revised) console.log("Sample article corrected (revision 2: two experts' names).");
  }

  console.log(`Demo workspace "${workspace.name}" (${workspace.slug}); sample article ${sample.created ? "imported" : "already present"} (${sample.id}).`);
  console.log("Demo accounts:");
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(6)}  ${u.email.padEnd(20)}  password: ${passwords[u.email]}`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
