import Link from "next/link";
import { HeaderSearch } from "@/components/discovery/header-search";
import type { MyWorkspace } from "@/lib/server/workspaces/list-my-workspaces";
import { canEdit, isAdmin } from "@/lib/schemas/enums";
import { HeaderOffset } from "./header-offset";
import { NotificationsMenu } from "./notifications-menu";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppHeader({
  user,
  current,
  workspaces,
  reviewWaiting = null,
}: {
  user: { name: string; email: string };
  current: MyWorkspace | null;
  workspaces: MyWorkspace[];
  /** Claims waiting for this user's review (editors and admins); null hides the link. */
  reviewWaiting?: number | null;
}) {
  return (
    <header id="app-header" className="sticky top-0 z-40 border-b border-border bg-background/95 backdrop-blur print:hidden">
      <HeaderOffset headerId="app-header" />
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:py-0 sm:px-6">
        <Link href="/articles" className="flex items-center gap-2 font-semibold tracking-tight">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          <span className="sr-only sm:not-sr-only">Factmark</span>
        </Link>
        {current && <WorkspaceSwitcher current={current} workspaces={workspaces} />}
        <nav aria-label="Main" className="order-last -mx-2 flex w-full items-center gap-1 overflow-x-auto text-sm sm:order-none sm:mx-0 sm:w-auto">
          <NavLink href="/articles">Articles</NavLink>
          {current && canEdit(current.role) && <NavLink href="/articles/new">New article</NavLink>}
          {reviewWaiting !== null && (
            <NavLink href={reviewWaiting > 0 ? "/claims?waiting=mine" : "/claims"} match="/claims">
              <span data-testid="nav-review">
                Review{" "}
                <span className="ml-0.5 rounded-full bg-muted-foreground/15 px-1.5 text-xs tabular-nums" aria-label={`${reviewWaiting} waiting for your review`}>
                  {reviewWaiting}
                </span>
              </span>
            </NavLink>
          )}
          {current && isAdmin(current.role) && <NavLink href="/admin">Admin</NavLink>}
        </nav>
        {current && (
          <div className="order-last w-full sm:order-none sm:ml-auto sm:w-auto" role="search">
            <HeaderSearch workspace={current.slug} />
          </div>
        )}
        <div className={current ? "ml-auto flex items-center gap-2 sm:ml-0" : "ml-auto flex items-center gap-2"}>
          {current && (
            <span className="hidden rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground sm:inline" data-testid="current-role">
              {current.role.charAt(0) + current.role.slice(1).toLowerCase()}
            </span>
          )}
          <NotificationsMenu />
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
    </header>
  );
}
