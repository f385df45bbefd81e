import Link from "next/link";
import type { MyWorkspace } from "@/lib/server/workspaces/list-my-workspaces";
import { canEdit, isAdmin } from "@/lib/schemas/enums";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppHeader({
  user,
  current,
  workspaces,
}: {
  user: { name: string; email: string };
  current: MyWorkspace | null;
  workspaces: MyWorkspace[];
}) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/95 backdrop-blur print:hidden">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-4 px-4 sm:px-6">
        <Link href="/articles" className="flex items-center gap-2 font-semibold tracking-tight">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          <span>Factmark</span>
        </Link>
        {current && <WorkspaceSwitcher current={current} workspaces={workspaces} />}
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <NavLink href="/articles">Articles</NavLink>
          {current && canEdit(current.role) && <NavLink href="/articles/new">New article</NavLink>}
          {current && isAdmin(current.role) && <NavLink href="/admin">Admin</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {current && (
            <span className="hidden rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground sm:inline" data-testid="current-role">
              {current.role.charAt(0) + current.role.slice(1).toLowerCase()}
            </span>
          )}
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
    </header>
  );
}
