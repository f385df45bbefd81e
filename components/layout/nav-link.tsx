"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export function NavLink({ href, match, children }: { href: string; match?: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/articles" ? pathname === "/articles" || /^\/articles\/(?!new)/.test(pathname) : pathname.startsWith(match ?? href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1.5 font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground",
        active && "bg-muted text-foreground",
      )}
    >
      {children}
    </Link>
  );
}
