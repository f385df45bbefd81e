"use client";

import { CheckCircle2, MessageSquare, RotateCcw } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ApiComment, ApiPerson } from "@/lib/schemas/claim";
import { cn } from "@/lib/utils";
import { api, ApiError } from "@/lib/api-client";
import { timeAgo } from "./time-ago";
import { useLiveEvent } from "@/components/live/live-events";
import { useDates } from "@/components/ui/dates";

/** A textarea that suggests workspace members after "@" and inserts `@[Name](id)`. */
function MentionTextarea({
  value,
  onChange,
  members,
  label,
  placeholder,
  onSubmit,
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  members: ApiPerson[];
  label: string;
  placeholder: string;
  onSubmit: () => void;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ text: string; at: number } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query ? members.filter((m) => m.name.toLowerCase().includes(query.text.toLowerCase())).slice(0, 6) : [];
  const listId = `mentions-${useId().replace(/:/g, "")}`;

  const detect = (text: string, caret: number) => {
    const m = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(text.slice(0, caret));
    setQuery(m ? { text: m[2], at: caret - m[2].length - 1 } : null);
    setActive(0);
  };
  const insert = (member: ApiPerson) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const token = `@[${member.name}](${member.id}) `;
    const next = value.slice(0, query.at) + token + value.slice(caret);
    onChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      const pos = query.at + token.length;
      ref.current?.setSelectionRange(pos, pos);
      ref.current?.focus();
    });
  };
  return (
    <div className="relative">
      <textarea
        ref={ref}
        aria-label={label}
        placeholder={placeholder}
        autoFocus={autoFocus}
        value={value}
        rows={2}
        maxLength={5000}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          detect(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={(e) => {
          if (matches.length) {
            if (e.key === "ArrowDown") return (e.preventDefault(), setActive((a) => (a + 1) % matches.length));
            if (e.key === "ArrowUp") return (e.preventDefault(), setActive((a) => (a - 1 + matches.length) % matches.length));
            if (e.key === "Enter" || e.key === "Tab") return (e.preventDefault(), insert(matches[active]));
            if (e.key === "Escape") return (e.preventDefault(), setQuery(null));
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        className="flex min-h-16 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Mention a member" className="absolute left-0 top-full z-30 mt-1 w-64 rounded-md border border-border bg-background p-1 shadow-lg">
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(m);
              }}
              className={cn("cursor-pointer rounded-sm px-2 py-1.5 text-sm", i === active && "bg-muted")}
            >
              {m.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CommentBody({ c }: { c: ApiComment }) {
  const { dateTime } = useDates();
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-baseline gap-2 text-xs">
        <span className="font-semibold text-foreground">{c.author.name}</span>
        <time dateTime={c.createdAt} className="text-muted-foreground" title={dateTime(c.createdAt)}>
          {timeAgo(c.createdAt)}
        </time>
      </div>
      {/* Sanitized on the server when written (allowlist: b, i, a[href http/https/mailto], lists, p, br). */}
      <div className="rich-text text-sm" dangerouslySetInnerHTML={{ __html: c.body }} />
    </div>
  );
}

/** Comment threads on a claim: new thread, reply, resolve / reopen, @mentions. */
export function CommentsPanel({ claimId, members, onCountChange }: { claimId: string; members: ApiPerson[]; onCountChange?: (open: number, total: number) => void }) {
  const [comments, setComments] = useState<ApiComment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);

  const [attempt, setAttempt] = useState(0);
  const load = useCallback(() => setAttempt((n) => n + 1), []);
  useLiveEvent((e) => e.claimId === claimId && e.type.startsWith("comment.") && load());
  useEffect(() => {
    let live = true;
    api<{ comments: ApiComment[] }>("GET", `/api/v1/claims/${claimId}/comments`)
      .then((res) => {
        if (!live) return;
        setComments(res.comments);
        setError(null);
      })
      .catch((err: Error) => live && setError(err.message || "Could not load comments."));
    return () => {
      live = false;
    };
  }, [claimId, attempt]);

  const threads = (comments ?? []).filter((c) => !c.parentId);
  useEffect(() => {
    if (comments) onCountChange?.(threads.filter((t) => !t.resolved).length, comments.length);
  }, [comments]); // eslint-disable-line react-hooks/exhaustive-deps -- report only when the list changes

  const post = async (text: string, parentId: string | null) => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const c = await api<ApiComment>("POST", `/api/v1/claims/${claimId}/comments`, { body: text, parentId });
      setComments((list) => {
        const next = [...(list ?? []), c];
        return parentId ? next.map((x) => (x.id === parentId ? { ...x, resolved: false, resolvedBy: null, resolvedAt: null } : x)) : next;
      });
      if (parentId) {
        setReply("");
        setReplyTo(null);
      } else setDraft("");
      if (c.mentions.length) toast.success(`Mentioned ${c.mentions.map((m) => m.name).join(", ")}`);
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not post the comment.");
    } finally {
      setBusy(false);
    }
  };

  const setResolved = async (thread: ApiComment, resolved: boolean) => {
    try {
      const updated = await api<ApiComment>("PATCH", `/api/v1/comments/${thread.id}`, { resolved });
      setComments((list) => (list ?? []).map((c) => (c.id === updated.id ? updated : c)));
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not update the thread.");
    }
  };

  if (error) return <p role="alert" className="text-sm text-destructive">{error} <button className="underline" onClick={load}>Retry</button></p>;
  if (!comments) return <p className="text-sm text-muted-foreground">Loading comments…</p>;

  return (
    <div className="flex flex-col gap-3">
      {threads.length === 0 && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <MessageSquare className="size-4" aria-hidden="true" /> No comments yet. Ask a colleague with @name.
        </p>
      )}
      <ul className="flex flex-col gap-3" aria-label="Comment threads">
        {threads.map((t) => {
          const replies = comments.filter((c) => c.parentId === t.id);
          return (
            <li key={t.id} className={cn("rounded-md border border-border bg-background p-3", t.resolved && "bg-muted/50 opacity-80")} aria-label={`Thread by ${t.author.name}${t.resolved ? " (resolved)" : ""}`}>
              <CommentBody c={t} />
              {replies.length > 0 && (
                <ul className="mt-2 flex flex-col gap-2 border-l-2 border-border pl-3">
                  {replies.map((r) => (
                    <li key={r.id}>
                      <CommentBody c={r} />
                    </li>
                  ))}
                </ul>
              )}
              <div className="mt-2 flex items-center gap-1">
                {t.resolved ? (
                  <>
                    <span className="mr-auto inline-flex items-center gap-1 text-xs text-emerald-800">
                      <CheckCircle2 className="size-3.5" aria-hidden="true" /> Resolved{t.resolvedBy ? ` by ${t.resolvedBy.name}` : ""}
                    </span>
                    <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => setResolved(t, false)}>
                      <RotateCcw aria-hidden="true" /> Reopen
                    </Button>
                  </>
                ) : (
                  <>
                    <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => setReplyTo(replyTo === t.id ? null : t.id)}>
                      Reply
                    </Button>
                    <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => setResolved(t, true)}>
                      <CheckCircle2 aria-hidden="true" /> Resolve
                    </Button>
                  </>
                )}
              </div>
              {replyTo === t.id && (
                <div className="mt-2 flex flex-col gap-2">
                  <MentionTextarea autoFocus value={reply} onChange={setReply} members={members} label="Reply" placeholder="Reply… (@ to mention)" onSubmit={() => post(reply, t.id)} />
                  <div className="flex justify-end gap-2">
                    <Button variant="ghost" size="sm" onClick={() => setReplyTo(null)}>Cancel</Button>
                    <Button size="sm" disabled={busy || !reply.trim()} onClick={() => post(reply, t.id)}>Reply</Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-col gap-2">
        <MentionTextarea value={draft} onChange={setDraft} members={members} label="New comment" placeholder="Comment… (@ to mention, Ctrl+Enter to send)" onSubmit={() => post(draft, null)} />
        <Button size="sm" className="self-end" disabled={busy || !draft.trim()} onClick={() => post(draft, null)}>
          Comment
        </Button>
      </div>
    </div>
  );
}
