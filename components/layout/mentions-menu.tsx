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

/** Where a mention leads: the article page with its claim selected. */
export function mentionHref(m: Pick<ApiMention, "articleId" | "claimId">): string {
  return `/articles/${encodeURIComponent(m.articleId)}?claim=${encodeURIComponent(m.claimId)}`;
}

/**
 * The header's bell: the unread @mention count (polled every minute and refreshed on open)
 * and a menu of recent mentions, each linking to its claim.
 */
export function MentionsMenu() {
  const { dateTime } = useDates();
  const [data, setData] = React.useState<ApiMentionList | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [marking, setMarking] = React.useState(false);
  const [now, setNow] = React.useState(() => Date.now());

  // State changes only in the request's callbacks, so the polling effect may start it.
  const refresh = React.useCallback(
    () =>
      api<ApiMentionList>("GET", `/api/v1/mentions?limit=${SHOWN}`).then(
        (list) => {
          setData(list);
          setError(null);
          setLoading(false);
          setNow(Date.now());
        },
        (e: unknown) => {
          setError(e instanceof ApiError ? e.message : "Could not load your mentions.");
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

  const markRead = async (ids?: string[]) => {
    const result = await api<{ marked: number; unread: number }>("POST", "/api/v1/mentions/read", ids ? { ids } : {});
    setData((d) =>
      d && {
        unread: result.unread,
        mentions: d.mentions.map((m) => (!ids || ids.includes(m.id) ? { ...m, read: true } : m)),
      },
    );
  };

  const markAll = async () => {
    setMarking(true);
    try {
      await markRead();
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not mark your mentions read.");
    } finally {
      setMarking(false);
    }
  };

  const unread = data?.unread ?? 0;
  const label = unread > 0 ? `Mentions, ${unread} unread` : "Mentions, none unread";
  const mentions = data?.mentions ?? [];

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
        data-testid="mentions-trigger"
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
      <DropdownMenuContent align="end" sideOffset={6} className="w-[min(24rem,calc(100vw-1rem))] p-0" aria-label="Mentions">
        <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm normal-case tracking-normal text-foreground">
            Mentions {unread > 0 && <span className="font-normal text-muted-foreground">· {unread} unread</span>}
          </DropdownMenuLabel>
          {loading && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Loading" />}
        </div>
        {error && !data ? (
          <p role="alert" className="px-3 py-6 text-center text-sm text-destructive">
            {error}
          </p>
        ) : mentions.length === 0 ? (
          <div className="flex flex-col items-center gap-1 px-3 py-8 text-center text-sm text-muted-foreground">
            <AtSign className="size-5" aria-hidden="true" />
            {data ? "No mentions yet. When a colleague writes @your name in a comment, it shows up here." : "Loading…"}
          </div>
        ) : (
          <div className="max-h-[min(28rem,70vh)] overflow-y-auto p-1">
            {mentions.map((m) => (
              <DropdownMenuItem key={m.id} asChild className="items-start gap-2.5 px-2 py-2">
                <Link
                  href={mentionHref(m)}
                  data-testid="mention-item"
                  onClick={() => {
                    if (!m.read) void markRead([m.id]).catch(() => undefined);
                  }}
                  className="cursor-pointer"
                >
                  <span
                    aria-hidden="true"
                    className={cn("mt-1.5 size-2 shrink-0 rounded-full", m.read ? "bg-transparent" : "bg-primary")}
                  />
                  <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <span className="text-sm">
                      <span className="font-medium">{m.author.name}</span>
                      <span className="text-muted-foreground"> mentioned you</span>
                      {!m.read && <span className="sr-only"> (unread)</span>}
                    </span>
                    <span className="line-clamp-2 text-sm text-foreground/90">{m.excerpt}</span>
                    <span className="truncate text-xs text-muted-foreground">
                      {m.articleTitle} ·{" "}
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
        {mentions.length > 0 && (
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
