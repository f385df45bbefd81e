import "server-only";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emailSchema, passwordSchema, personNameSchema, workspaceSlugSchema } from "@/lib/schemas/admin";
import { roleSchema, type Role } from "@/lib/schemas/enums";
import { recordAudit } from "@/lib/server/audit";
import { assertNotLastAdmin } from "@/lib/server/members/last-admin";
import { createWorkspaceTx } from "@/lib/server/workspaces/create-workspace";

export interface BootstrapUserInput {
  email: string;
  name: string;
  workspaceSlug: string;
  role: Role;
  password?: string;
}

export interface BootstrapUserResult {
  userId: string;
  email: string;
  workspaceSlug: string;
  workspaceCreated: boolean;
  userCreated: boolean;
  role: Role;
  /** The generated password to print once; null when given or when the account already existed. */
  generatedPassword: string | null;
}

/**
 * SYSTEM operation for the command line (`npm run cli -- user create`), run by an operator with
 * shell access to the server: there is no acting user, so no access check. This is how the first
 * admin of a fresh production database is made. Never call it from a page or route.
 * Creates the workspace (with the default scale) when it does not exist; the first user of a new
 * workspace becomes its ADMIN whatever role was asked, so the workspace is never unmanaged.
 */
export async function bootstrapUser(raw: BootstrapUserInput): Promise<BootstrapUserResult> {
  const email = emailSchema.parse(raw.email);
  const name = personNameSchema.parse(raw.name);
  const workspaceSlug = workspaceSlugSchema.parse(raw.workspaceSlug);
  const role = roleSchema.parse(raw.role);
  if (raw.password !== undefined) passwordSchema.parse(raw.password);
  const generatedPassword = raw.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(raw.password ?? generatedPassword!);

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && !existing.active) throw new AppError("CONFLICT", `${email} is deactivated; reactivate it in the admin pages first.`);
    const user = existing ?? (await tx.user.create({ data: { email, name, passwordHash } }));
    if (!existing) {
      await recordAudit(tx, { workspaceId: null, actorId: null, entityType: "User", entityId: user.id, action: "user.create", after: { email, name, via: "cli" } });
    }
    let workspace = await tx.workspace.findUnique({ where: { slug: workspaceSlug } });
    let workspaceCreated = false;
    let finalRole = role;
    if (!workspace) {
      const displayName = workspaceSlug.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
      workspace = await createWorkspaceTx(tx, { name: displayName, slug: workspaceSlug, organizationName: displayName, ownerUserId: user.id });
      workspaceCreated = true;
      finalRole = "ADMIN";
    } else {
      const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } } });
      if (membership) {
        if (membership.role !== role) {
          if (membership.role === "ADMIN") await assertNotLastAdmin(tx, workspace.id, user.id, `Changing ${email} to ${role.toLowerCase()}`);
          await tx.membership.update({ where: { id: membership.id }, data: { role } });
          await recordAudit(tx, {
            workspaceId: workspace.id,
            actorId: null,
            entityType: "Membership",
            entityId: membership.id,
            action: "membership.role",
            fields: ["role"],
            before: { userId: user.id, role: membership.role },
            after: { userId: user.id, role, via: "cli" },
          });
        }
      } else {
        const created = await tx.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role } });
        await recordAudit(tx, {
          workspaceId: workspace.id,
          actorId: null,
          entityType: "Membership",
          entityId: created.id,
          action: "membership.create",
          after: { userId: user.id, email, role, via: "cli" },
        });
      }
    }
    return {
      userId: user.id,
      email,
      workspaceSlug,
      workspaceCreated,
      userCreated: !existing,
      role: finalRole,
      generatedPassword: existing ? null : generatedPassword,
    };
  });
}
