import type { Metadata } from "next";
import { listPendingInvitations } from "@/lib/server/invitations/list-invitations";
import { listMembers } from "@/lib/server/members/list-members";
import { requireAdminWorkspace } from "../admin-workspace";
import { AddUserDialog } from "./add-user-dialog";
import { InviteDialog } from "./invite-dialog";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

export const metadata: Metadata = { title: "Members · Admin" };

export default async function MembersPage() {
  const { actor, workspace } = await requireAdminWorkspace("/admin/members");
  const [members, invitations] = await Promise.all([
    listMembers({ actor, workspaceId: workspace.id }),
    listPendingInvitations({ actor, workspaceId: workspace.id }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="members-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
            <p className="text-sm text-muted-foreground">Admins manage members and the scale; editors create and annotate; readers read published fact-checks.</p>
          </div>
          <div className="flex gap-2">
            <InviteDialog workspaceId={workspace.id} />
            <AddUserDialog workspaceId={workspace.id} />
          </div>
        </div>
        <MembersTable workspaceId={workspace.id} members={members} currentUserId={actor.userId} />
      </section>
      <PendingInvitations workspaceId={workspace.id} invitations={invitations} />
    </div>
  );
}
