"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown } from "lucide-react";
import { useTransition } from "react";
import { switchWorkspace } from "@/app/(app)/actions";
import type { MyWorkspace } from "@/lib/server/workspaces/list-my-workspaces";

export function WorkspaceSwitcher({ current, workspaces }: { current: MyWorkspace; workspaces: MyWorkspace[] }) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex min-w-0 max-w-40 items-center sm:max-w-56 gap-1.5 rounded-md border border-border px-2.5 py-1 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={`Workspace: ${current.name}. Switch workspace`}
        data-testid="workspace-switcher"
        aria-busy={pending}
      >
        <span className="truncate">{current.name}</span>
        <ChevronsUpDown className="size-3.5 text-muted-foreground" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-60 rounded-md border border-border bg-background p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted-foreground">Workspaces</DropdownMenu.Label>
          {workspaces.map((w) => (
            <DropdownMenu.Item
              key={w.id}
              onSelect={() => startTransition(() => switchWorkspace(w.id))}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted"
            >
              <Check className={w.id === current.id ? "size-4" : "size-4 opacity-0"} aria-hidden />
              <span className="flex-1 truncate">{w.name}</span>
              <span className="text-xs text-muted-foreground">{w.role.toLowerCase()}</span>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
