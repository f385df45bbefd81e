"use client";

import { ExternalLink, Globe, Lock, Send, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/lib/api-client";
import type { Visibility } from "@/lib/schemas/enums";
import type { PublishResult } from "@/lib/schemas/publication";

export interface PublishDialogProps {
  articleId: string;
  slug: string;
  /** DRAFT | PUBLISHED | WITHDRAWN */
  status: string;
  /** Current setting; when unknown, nothing is preselected and publishing keeps the stored one. */
  visibility?: Visibility;
}

/** The dialog's title: what it will do, or, once done, what it did (the page's status has moved on by then). */
function publishTitle(mode: "publish" | "withdraw", status: string, result: PublishResult | null): string {
  if (mode === "withdraw") return "Withdraw this fact-check";
  if (result) return !result.published ? "Nothing new to publish" : result.number === 1 ? "Fact-check published" : "Correction published";
  return status === "PUBLISHED" ? "Publish a correction" : "Publish the fact-check";
}

/** Publish / correct / withdraw an article's fact-check (editors; the API enforces it). */
export function PublishDialog({ articleId, slug, status, visibility: initialVisibility }: PublishDialogProps) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"publish" | "withdraw">("publish");
  const [visibility, setVisibility] = useState<Visibility | undefined>(initialVisibility);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const republish = status !== "DRAFT";
  const readerPath = `/r/${slug}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === "withdraw") {
        await api("POST", `/api/v1/articles/${articleId}/unpublish`, { reason });
        toast.success("The fact-check was withdrawn; its address now says why.");
        setOpen(false);
      } else {
        const res = await api<PublishResult>("POST", `/api/v1/articles/${articleId}/publish`, { ...(visibility ? { visibility } : {}), ...(reason.trim() ? { reason } : {}) });
        setResult(res);
        toast.success(res.message);
      }
      setReason("");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setResult(null);
          setError(null);
          setMode("publish");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Send className="size-4" aria-hidden="true" /> {republish ? "Publish…" : "Publish"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{publishTitle(mode, status, result)}</DialogTitle>
            <DialogDescription>
              {mode === "withdraw"
                ? "Readers at the article's address will see that it was withdrawn, when and why."
                : "Approved claims are published with their verdicts, rationale and sources. Drafts, comments and history are never shown to readers."}
            </DialogDescription>
          </DialogHeader>

          {result ? (
            <div role="status" className="grid gap-2 rounded-md border border-border bg-muted p-3 text-sm">
              <p>{result.message}</p>
              {result.changes.length > 0 && (
                <ul className="list-disc pl-5">
                  {result.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
              <a href={readerPath} target="_blank" rel="noopener" className="inline-flex items-center gap-1 font-medium text-primary underline underline-offset-2">
                {result.url} <ExternalLink className="size-3" aria-hidden="true" />
              </a>
            </div>
          ) : (
            <>
              {mode === "publish" && (
                <fieldset className="grid gap-2">
                  <legend className="mb-1 text-sm font-medium">Who can read it{visibility ? "" : " (unchanged unless you choose)"}</legend>
                  {(
                    [
                      ["PUBLIC", "Anyone with the link", Globe],
                      ["MEMBERS", "Signed-in members of this workspace", Lock],
                    ] as const
                  ).map(([value, label, Icon]) => (
                    <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-secondary">
                      <input type="radio" name={`${ids}-visibility`} value={value} checked={visibility === value} onChange={() => setVisibility(value)} />
                      <Icon className="size-4" aria-hidden="true" /> {label}
                    </label>
                  ))}
                </fieldset>
              )}
              {(republish || mode === "withdraw") && (
                <div className="grid gap-1.5">
                  <Label htmlFor={`${ids}-reason`}>{mode === "withdraw" ? "Reason shown to readers" : "Reason for the correction"}</Label>
                  <Textarea
                    id={`${ids}-reason`}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required={mode === "withdraw"}
                    minLength={3}
                    maxLength={2000}
                    rows={3}
                    aria-describedby={`${ids}-reason-help`}
                  />
                  <p id={`${ids}-reason-help`} className="text-xs text-muted-foreground">
                    {mode === "withdraw"
                      ? "For example: “The original story was retracted by its publisher.”"
                      : "Required when something changed since the last publication; it appears in the public corrections log."}
                  </p>
                </div>
              )}
              {error && (
                <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-2 text-sm text-destructive">
                  {error}
                </p>
              )}
            </>
          )}

          <DialogFooter className="gap-2 sm:justify-between">
            {status === "PUBLISHED" && !result ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => setMode(mode === "withdraw" ? "publish" : "withdraw")}>
                <Undo2 className="size-4" aria-hidden="true" /> {mode === "withdraw" ? "Back to publishing" : "Withdraw…"}
              </Button>
            ) : (
              <span />
            )}
            {result ? (
              <Button type="button" onClick={() => setOpen(false)}>
                Done
              </Button>
            ) : (
              <Button type="submit" variant={mode === "withdraw" ? "destructive" : "default"} disabled={busy}>
                {busy ? "Working…" : mode === "withdraw" ? "Withdraw" : republish ? "Publish again" : "Publish"}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
