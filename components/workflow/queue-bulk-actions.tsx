"use client";

import { Loader2, Undo2, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { api, ApiError } from "@/lib/api-client";
import type { BulkClaimAction, BulkClaimOutcome } from "@/lib/schemas/review-queue";

/** The queue rows' checkboxes: name "claim", value "<id>:<version>", data-statement for messages. */
export const BULK_CHECKBOX_NAME = "claim";

type Skipped = Array<{ statement: string; message: string }>;

const NONE = "__none__";

/**
 * A reviewer's bulk actions over the queue rendered on the server (its rows carry the checkboxes):
 * assign the picked claims, or send those in review back to their authors. The server checks
 * each claim like a single edit and says which were skipped and why.
 */
export function QueueBulkActions({
  people,
  total,
  children,
}: {
  people: Array<{ id: string; name: string }>;
  /** Rows on this page. */
  total: number;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [assignee, setAssignee] = useState("");
  const [busy, setBusy] = useState<null | "assign" | "request-changes">(null);
  const [skipped, setSkipped] = useState<Skipped>([]);
  const ids = useId();

  const boxes = () => [...(ref.current?.querySelectorAll<HTMLInputElement>(`input[name="${BULK_CHECKBOX_NAME}"]`) ?? [])];
  const recount = () => setCount(boxes().filter((b) => b.checked).length);
  const selectAll = (on: boolean) => {
    for (const b of boxes()) b.checked = on;
    recount();
  };

  const run = async (action: "assign" | "request-changes") => {
    const picked = boxes().filter((b) => b.checked);
    if (picked.length === 0) return;
    if (action === "assign" && !assignee) {
      toast.error("Choose whom to assign the claims to first.");
      return;
    }
    const claims = picked.map((b) => {
      const [id, version] = b.value.split(":");
      return { id, version: Number(version) };
    });
    const statementOf = new Map(picked.map((b) => [b.value.split(":")[0], b.dataset.statement ?? ""]));
    const body: BulkClaimAction =
      action === "assign" ? { action, claims, assigneeId: assignee === NONE ? null : assignee } : { action, claims };
    setBusy(action);
    setSkipped([]);
    try {
      const out = await api<BulkClaimOutcome>("POST", "/api/v1/claims/bulk", body);
      const verb = action === "assign" ? (assignee === NONE ? "Unassigned" : "Assigned") : "Sent back to draft";
      if (out.done > 0) toast.success(`${verb}: ${out.done} claim${out.done === 1 ? "" : "s"}`);
      setSkipped(out.results.filter((r) => !r.ok).map((r) => ({ statement: statementOf.get(r.id) ?? r.id, message: r.error?.message ?? "Skipped." })));
      selectAll(false);
      router.refresh();
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not change the claims.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <div ref={ref} onChange={recount}>
      <div role="toolbar" aria-label="Bulk actions" className="mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-border bg-muted/40 px-3 py-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={total > 0 && count === total}
            onChange={(e) => selectAll(e.target.checked)}
            aria-label="Select all claims on this page"
          />
          <span className="tabular-nums text-muted-foreground" aria-live="polite">
            {count > 0 ? `${count} selected` : "Select claims"}
          </span>
        </label>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <label htmlFor={`${ids}-assignee`} className="sr-only">
            Assign to
          </label>
          <NativeSelect id={`${ids}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-44">
            <option value="">Assign to…</option>
            <option value={NONE}>Nobody (unassign)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          <Button size="sm" variant="secondary" disabled={count === 0 || busy !== null} onClick={() => run("assign")}>
            {busy === "assign" ? <Loader2 className="animate-spin" aria-hidden="true" /> : <UserPlus aria-hidden="true" />} Assign
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={count === 0 || busy !== null}
            onClick={() => run("request-changes")}
            title="Sends the selected claims that are in review back to their authors as drafts"
          >
            {busy === "request-changes" ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Undo2 aria-hidden="true" />} Request changes
          </Button>
        </div>
      </div>
      {skipped.length > 0 && (
        <Alert variant="warning" className="mb-2" data-testid="bulk-skipped">
          <p className="font-medium">
            {skipped.length} claim{skipped.length === 1 ? " was" : "s were"} left unchanged:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {skipped.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{s.statement.length > 80 ? `${s.statement.slice(0, 79)}…` : s.statement}</span>: {s.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {children}
    </div>
  );
}
