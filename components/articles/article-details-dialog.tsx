"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { api, ApiError } from "@/lib/api-client";
import { articleDetailsSchema, type ApiArticleDetails } from "@/lib/schemas/article-details";

type Field = "title" | "byline" | "publishedOn" | "sourceUrl" | "language" | "visibility";
type Draft = Record<Field, string>;

const draftOf = (d: ApiArticleDetails): Draft => ({
  title: d.title,
  byline: d.byline ?? "",
  publishedOn: d.publishedOn ?? "",
  sourceUrl: d.sourceUrl ?? "",
  language: d.language ?? "",
  visibility: d.visibility,
});

/**
 * Edit an article's details after import (editors). The form validates with the same schema as
 * the server; a stale version (someone saved meanwhile) loads their details and says so.
 */
export function ArticleDetailsDialog({ details }: { details: ApiArticleDetails }) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(details);
  const [draft, setDraft] = useState<Draft>(() => draftOf(details));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onOpenChange = (next: boolean) => {
    if (next) {
      // Opening again starts from what the page shows now.
      setBase(details);
      setDraft(draftOf(details));
      setErrors({});
      setNotice(null);
    }
    setOpen(next);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = articleDetailsSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setNotice(null);
    setBusy(true);
    try {
      await api<ApiArticleDetails>("PATCH", `/api/v1/articles/${base.id}`, { version: base.version, ...draft });
      toast.success("Article details saved");
      setOpen(false);
      router.refresh();
    } catch (err) {
      const current = err instanceof ApiError && err.status === 409 ? (err.details as { current?: ApiArticleDetails } | undefined)?.current : undefined;
      if (current) {
        setBase(current);
        setDraft(draftOf(current));
        setNotice(err instanceof Error ? err.message : "Someone else changed these details.");
      } else {
        setNotice(err instanceof Error ? err.message : "Could not save the details.");
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`${ids}-${name}`}>{label}</Label>
      <Input
        id={`${ids}-${name}`}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${ids}-${name}-error` : undefined}
        {...props}
      />
      <FieldError id={`${ids}-${name}-error`} message={errors[name]} />
    </div>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <Pencil aria-hidden="true" /> Edit details
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Article details</DialogTitle>
          <DialogDescription>What the importer found, corrected by hand. Readers see the changes in the next publication; visibility applies at once.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Article details">
          {field("title", "Title", { required: true, maxLength: 500 })}
          {field("byline", "Byline", { maxLength: 300, placeholder: "By Jane Doe" })}
          <div className="grid gap-3 sm:grid-cols-2">
            {field("publishedOn", "Originally published", { type: "date" })}
            {field("language", "Language", { placeholder: "en", maxLength: 35 })}
          </div>
          {field("sourceUrl", "Source URL", { type: "url", inputMode: "url", placeholder: "https://" })}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-visibility`}>Reader page visibility</Label>
            <NativeSelect id={`${ids}-visibility`} value={draft.visibility} onChange={(e) => setDraft((d) => ({ ...d, visibility: e.target.value }))}>
              <option value="PUBLIC">Public: anyone with the link</option>
              <option value="MEMBERS">Members: signed-in workspace members</option>
            </NativeSelect>
          </div>
          {notice && (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {notice}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save details"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
