"use client";

import { AtSign, Bell, CheckCheck, Loader2 } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/lib/api-client";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ApiMention, ApiMentionList } from "@/lib/schemas/mention";
import type { ApiNotification, ApiNotificationList } from "@/lib/schemas/notification";
import { bellItems, type BellItem } from "./bell-items";
import { cn } from "@/lib/utils";
import { useDates } from "@/components/ui/dates";

const POLL_MS = 60_000;
const SHOWN = 15;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function ago(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return "just now";
}

interface BellData {
  unread: number;
  mentions: ApiMention[];
  notifications: ApiNotification[];
}

/**
 * The header's bell: @mentions and workflow notifications (assigned, review requested, changes
 * requested, approved, published, replies) with one unread count, polled every minute and
 * refreshed on open; each item links to its claim.
 */
export function NotificationsMenu() {
  const { dateTime } = useDates();
  const [data, setData] = React.useState<BellData | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [marking, setMarking] = React.useState(false);
  const [now, setNow] = React.useState(() => Date.now());

  // State changes only in the request's callbacks, so the polling effect may start it.
  const refresh = React.useCallback(
    () =>
      Promise.all([
        api<ApiMentionList>("GET", `/api/v1/mentions?limit=${SHOWN}`),
        api<ApiNotificationList>("GET", `/api/v1/notifications?limit=${SHOWN}`),
      ]).then(
        ([m, n]) => {
          setData({ unread: m.unread + n.unread, mentions: m.mentions, notifications: n.notifications });
          setError(null);
          setLoading(false);
          setNow(Date.now());
        },
        (e: unknown) => {
          setError(e instanceof ApiError ? e.message : "Could not load your notifications.");
          setLoading(false);
        },
      ),
    [],
  );

  React.useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const markRead = async (item?: BellItem) => {
    const stamp = new Date().toISOString();
    const [m, n] = await Promise.all([
      !item || item.kind === "mention" ? api<{ unread: number }>("POST", "/api/v1/mentions/read", item ? { ids: [item.id] } : {}) : null,
      !item || item.kind === "notification" ? api<{ unread: number }>("POST", "/api/v1/notifications/read", item ? { ids: [item.id] } : {}) : null,
    ]);
    setData(
      (d) =>
        d && {
          unread: (m?.unread ?? d.mentions.filter((x) => !x.read).length) + (n?.unread ?? d.notifications.filter((x) => !x.readAt).length),
          mentions: d.mentions.map((x) => (!item || (item.kind === "mention" && item.id === x.id) ? { ...x, read: true } : x)),
          notifications: d.notifications.map((x) => (!item || (item.kind === "notification" && item.id === x.id) ? { ...x, readAt: x.readAt ?? stamp } : x)),
        },
    );
  };

  const markAll = async () => {
    setMarking(true);
    try {
      await markRead();
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not mark your notifications read.");
    } finally {
      setMarking(false);
    }
  };

  const unread = data?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread";
  const items = data ? bellItems(data.mentions, data.notifications, SHOWN) : [];

  return (
    <DropdownMenu
      onOpenChange={(open) => {
        if (!open) return;
        setLoading(true);
        void refresh();
      }}
    >
      <DropdownMenuTrigger
        className="relative flex size-9 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={label}
        title={label}
        data-testid="notifications-trigger"
      >
        <Bell className="size-5" aria-hidden="true" />
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute right-0.5 top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-none text-destructive-foreground tabular-nums"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" sideOffset={6} className="w-[min(24rem,calc(100vw-1rem))] p-0" aria-label="Notifications">
        <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm normal-case tracking-normal text-foreground">
            Notifications {unread > 0 && <span className="font-normal text-muted-foreground">· {unread} unread</span>}
          </DropdownMenuLabel>
          {loading && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Loading" />}
        </div>
        {error && !data ? (
          <p role="alert" className="px-3 py-6 text-center text-sm text-destructive">
            {error}
          </p>
        ) : items.length === 0 ? (
          <div className="flex flex-col items-center gap-1 px-3 py-8 text-center text-sm text-muted-foreground">
            <AtSign className="size-5" aria-hidden="true" />
            {data ? "Nothing yet. Mentions, assignments, review requests, approvals and replies show up here." : "Loading…"}
          </div>
        ) : (
          <div className="max-h-[min(28rem,70vh)] overflow-y-auto p-1">
            {items.map((m) => (
              <DropdownMenuItem key={`${m.kind}:${m.id}`} asChild className="items-start gap-2.5 px-2 py-2">
                <Link
                  href={m.href ?? "/claims"}
                  data-testid={m.kind === "mention" ? "mention-item" : "notification-item"}
                  onClick={() => {
                    if (!m.read) void markRead(m).catch(() => undefined);
                  }}
                  className="cursor-pointer"
                >
                  <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", m.read ? "bg-transparent" : "bg-primary")} />
                  <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <span className="text-sm">
                      {m.who && <span className="font-medium">{m.who}</span>}
                      <span className="text-muted-foreground"> {m.what}</span>
                      {!m.read && <span className="sr-only"> (unread)</span>}
                    </span>
                    <span className="line-clamp-2 text-sm text-foreground/90">{m.text}</span>
                    <span className="truncate text-xs text-muted-foreground">
                      {m.context && `${m.context} · `}
                      <time dateTime={m.createdAt} title={dateTime(m.createdAt)}>
                        {ago(m.createdAt, now)}
                      </time>
                    </span>
                  </span>
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        )}
        {items.length > 0 && (
          <>
            <DropdownMenuSeparator className="mx-0 my-0" />
            <div className="p-1">
              <DropdownMenuItem
                disabled={unread === 0 || marking}
                onSelect={(e) => {
                  e.preventDefault();
                  void markAll();
                }}
                className="justify-center text-sm font-medium"
              >
                {marking ? <Loader2 className="animate-spin" aria-hidden="true" /> : <CheckCheck aria-hidden="true" />}
                Mark all read
              </DropdownMenuItem>
            </div>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
