import { ArrowRight, Palette, Settings2, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listPendingInvitations } from "@/lib/server/invitations/list-invitations";
import { listMembers } from "@/lib/server/members/list-members";
import { getRatingScaleForEdit } from "@/lib/server/scales/get-rating-scale-for-edit";
import { requireAdminWorkspace } from "./admin-workspace";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  const { actor, workspace } = await requireAdminWorkspace("/admin");
  const [members, invitations, scale] = await Promise.all([
    listMembers({ actor, workspaceId: workspace.id }),
    listPendingInvitations({ actor, workspaceId: workspace.id }),
    getRatingScaleForEdit({ actor, workspaceId: workspace.id }),
  ]);
  const active = members.filter((m) => m.active);
  const count = (role: string) => active.filter((m) => m.role === role).length;
  const sections = [
    {
      href: "/admin/members",
      icon: Users,
      title: "Members",
      description: `${active.length} active · ${count("ADMIN")} admin, ${count("EDITOR")} editor, ${count("READER")} reader${
        invitations.length ? ` · ${invitations.length} pending invitation${invitations.length === 1 ? "" : "s"}` : ""
      }`,
    },
    {
      href: "/admin/scale",
      icon: Palette,
      title: "Rating scale",
      description: `${scale.verdicts.filter((v) => !v.archived).length} verdicts, rated ${scale.worstRating}–${scale.bestRating} in ClaimReview`,
    },
    { href: "/admin/workspace", icon: Settings2, title: "Workspace", description: "Name, organisation shown on published fact-checks, approval rule" },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {sections.map(({ href, icon: Icon, title, description }) => (
        <Link key={href} href={href} className="group rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Card className="h-full transition-colors group-hover:border-primary/40">
            <CardHeader>
              <div className="flex items-center justify-between">
                <Icon className="size-5 text-primary" aria-hidden />
                <ArrowRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
              </div>
              <CardTitle className="mt-2">{title}</CardTitle>
              <CardDescription>{description}</CardDescription>
            </CardHeader>
          </Card>
        </Link>
      ))}
    </div>
  );
}
