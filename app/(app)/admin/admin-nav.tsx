"use client";

import { LayoutDashboard, Palette, Settings2, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/admin", label: "Overview", icon: LayoutDashboard },
  { href: "/admin/members", label: "Members", icon: Users },
  { href: "/admin/scale", label: "Rating scale", icon: Palette },
  { href: "/admin/workspace", label: "Workspace", icon: Settings2 },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className="flex overflow-x-auto border-b border-border sm:gap-1">
      {LINKS.map(({ href, label, icon: Icon }) => {
        const active = href === "/admin" ? pathname === "/admin" : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-1.5 whitespace-nowrap border-b-2 border-transparent px-2 py-2 sm:px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active && "border-primary text-foreground",
            )}
          >
            {/* Icons only where all four sections fit with them: on a phone the last tab went off the edge. */}
            <Icon className="hidden size-4 sm:block" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
