"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ApiClaim } from "@/lib/schemas/claim";
import { api } from "@/lib/api-client";
import { useDates } from "@/components/ui/dates";

/** The article's deleted claims, each with Restore. */
export function TrashDialog({ open, onOpenChange, articleId, onRestored }: { open: boolean; onOpenChange: (o: boolean) => void; articleId: string; onRestored: (c: ApiClaim) => void }) {
  const { dateTime } = useDates();
  const [items, setItems] = useState<ApiClaim[] | null>(null);
  const [retentionDays, setRetentionDays] = useState<number | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    api<{ claims: ApiClaim[]; retentionDays: number }>("GET", `/api/v1/articles/${articleId}/claims/trash`)
      .then((r) => {
        if (!live) return;
        setItems(r.claims);
        setRetentionDays(r.retentionDays);
      })
      .catch((e: Error) => {
        toast.error(e.message);
        if (live) setItems([]);
      });
    return () => {
      live = false;
    };
  }, [open, articleId]);
  const restore = async (c: ApiClaim) => {
    try {
      const restored = await api<ApiClaim>("POST", `/api/v1/claims/${c.id}/restore`);
      setItems((list) => (list ?? []).filter((x) => x.id !== c.id));
      onRestored(restored);
      toast.success("Claim restored");
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Could not restore the claim.");
    }
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Trash</DialogTitle>
          <DialogDescription>
            Deleted claims of this article. Restore one to put it back where it was
            {retentionDays ? `; after ${retentionDays} days in the trash a claim is deleted for good` : ""}.
          </DialogDescription>
        </DialogHeader>
        {items === null ? (
          <p className="text-sm text-muted-foreground">Loading…</p>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">The trash is empty.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {items.map((c) => (
              <li key={c.id} className="flex items-center gap-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{c.statement}</p>
                  <p className="text-xs text-muted-foreground">Deleted {dateTime(c.deletedAt)}</p>
                </div>
                <Button size="sm" variant="outline" onClick={() => restore(c)}>
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
