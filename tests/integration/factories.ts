import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/schemas/enums";
import { createWorkspaceTx } from "@/lib/server/workspaces/create-workspace";
import { canonicalText } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { createHash } from "node:crypto";
import { buildSnapshot } from "@/lib/server/publishing/build-snapshot";

// Seed factories for integration tests: every test builds the data it needs.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function actorOf(user: { id: string; email: string; name: string; isSuperAdmin?: boolean }): Actor {
  return { userId: user.id, email: user.email, name: user.name, isSuperAdmin: user.isSuperAdmin ?? false };
}

export async function createUser(opts: { name?: string; email?: string; password?: string; active?: boolean } = {}) {
  const id = unique();
  return db.user.create({
    data: {
      email: opts.email ?? `user-${id}@example.test`,
      name: opts.name ?? `User ${id}`,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
      active: opts.active ?? true,
    },
  });
}

/** A workspace with one member per role, plus an outsider who belongs to another workspace. */
export async function createWorkspaceWithMembers() {
  const [admin, editor, editor2, reader, outsider] = await Promise.all([
    createUser({ name: "Ada Admin" }),
    createUser({ name: "Eddie Editor" }),
    createUser({ name: "Erin Editor" }),
    createUser({ name: "Rita Reader" }),
    createUser({ name: "Otto Outsider" }),
  ]);
  const slug = `ws-${unique()}`;
  const workspace = await db.$transaction((tx) =>
    createWorkspaceTx(tx, { name: `Desk ${slug}`, slug, organizationName: "Test Checkers", organizationUrl: "https://checkers.example", ownerUserId: admin.id }),
  );
  const add = (userId: string, role: Role) => db.membership.create({ data: { userId, workspaceId: workspace.id, role } });
  await Promise.all([add(editor.id, "EDITOR"), add(editor2.id, "EDITOR"), add(reader.id, "READER")]);
  const otherSlug = `other-${unique()}`;
  const otherWorkspace = await db.$transaction((tx) =>
    createWorkspaceTx(tx, { name: "Other desk", slug: otherSlug, organizationName: "Others", ownerUserId: outsider.id }),
  );
  return {
    workspace,
    otherWorkspace,
    users: { admin, editor, editor2, reader, outsider },
    actors: {
      admin: actorOf(admin),
      editor: actorOf(editor),
      editor2: actorOf(editor2),
      reader: actorOf(reader),
      outsider: actorOf(outsider),
    },
  };
}

export function paragraphsDoc(paragraphs: string[]): DocNode {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })) };
}

/** An article written straight to the database (bypasses import), for tests of later stages. */
export async function createArticleRow(opts: {
  workspaceId: string;
  createdById: string;
  paragraphs?: string[];
  title?: string;
  status?: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
}) {
  const doc = paragraphsDoc(opts.paragraphs ?? ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low."]);
  const text = canonicalText(doc);
  const id = unique();
  const hash = createHash("sha256").update(text).digest("hex");
  return db.article.create({
    data: {
      revisions: { create: { number: 1, document: JSON.stringify(doc), canonicalText: text, contentHash: hash, kind: "IMPORT", createdById: opts.createdById } },
      workspaceId: opts.workspaceId,
      slug: `article-${id}`,
      title: opts.title ?? `Article ${id}`,
      document: JSON.stringify(doc),
      canonicalText: text,
      contentHash: hash,
      status: opts.status ?? "DRAFT",
      createdById: opts.createdById,
      updatedById: opts.createdById,
    },
  });
}

/**
 * The publication snapshot of an article whose rows were set to PUBLISHED directly (bypassing
 * publishArticle): readers get claims from the latest snapshot, never the live rows.
 */
export async function recordPublication(articleId: string, publishedById: string) {
  const snapshot = await buildSnapshot(db, { articleId, scope: "published" });
  const last = await db.publication.findFirst({ where: { articleId }, orderBy: { number: "desc" } });
  return db.publication.create({ data: { articleId, number: (last?.number ?? 0) + 1, snapshot: JSON.stringify(snapshot), publishedById } });
}
