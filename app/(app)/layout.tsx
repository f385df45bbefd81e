import { requireSessionActor } from "@/lib/auth/session";
import { getCurrentWorkspace, getMyWorkspaces } from "@/lib/auth/current-workspace";
import { AppHeader } from "@/components/layout/app-header";
import { canEdit } from "@/lib/schemas/enums";
import { countWaitingForMe } from "@/lib/server/claims/list-review-queue";
import { InvitationsBanner } from "@/components/layout/invitations-banner";
import { listMyInvitations } from "@/lib/server/invitations/my-invitations";
import { DateLocaleProvider } from "@/components/ui/dates";
import { DEFAULT_LOCALE } from "@/lib/format/format-date";
import { answerInvitationAction } from "./actions";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", READER: "Reader" } as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireSessionActor();
  const [current, workspaces, invitations] = await Promise.all([getCurrentWorkspace(), getMyWorkspaces(), listMyInvitations({ actor })]);
  // The header only shows how many claims wait for this editor (not the per-status counts).
  const waitingForMe = current && canEdit(current.role) ? await countWaitingForMe({ actor, workspaceId: current.id }) : null;
  return (
    <DateLocaleProvider locale={current?.locale ?? DEFAULT_LOCALE}>
    <div className="flex min-h-screen flex-col">
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        current={current}
        workspaces={workspaces}
        reviewWaiting={waitingForMe}
      />
      <InvitationsBanner
        invitations={invitations.map((i) => ({ id: i.id, workspaceName: i.workspaceName, roleLabel: ROLE_LABEL[i.role], invitedBy: i.invitedBy }))}
        answer={answerInvitationAction}
      />
      <div className="flex-1">{children}</div>
    </div>
    </DateLocaleProvider>
  );
}
