"use client";

import { ArrowLeft, Loader2, RotateCcw, Save, Undo2 } from "lucide-react";
import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { ArticlePreview } from "@/lib/schemas/article";
import { cn } from "@/lib/utils";

// The import's second step (NewArticleFlow): the cleaned article as it will be saved, its
// editable details, and the blocks the cleaner removed, each restorable.

export type RemovedBlock = ArticlePreview["removedBlocks"][number];
export interface MetaForm {
  title: string;
  byline: string;
  publishedAt: string;
  sourceUrl: string;
  language: string;
}
export interface Busy {
  label: string;
  progress?: number;
}

export function metaFrom(preview: ArticlePreview): MetaForm {
  const m = preview.metadata;
  return {
    title: m.title ?? "",
    byline: m.byline ?? "",
    publishedAt: m.publishedAt ? m.publishedAt.slice(0, 10) : "",
    sourceUrl: m.sourceUrl ?? "",
    language: m.language ?? "",
  };
}

/** What the import is doing now, with the upload's progress. */
export function ImportBusy({ busy }: { busy: Busy | null }) {
  if (!busy) return null;
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-md border border-border bg-muted/40 px-3 py-2 text-sm" data-testid="import-progress">
      <Loader2 className="size-4 shrink-0 animate-spin text-primary" aria-hidden="true" />
      <span>{busy.label}</span>
      {busy.progress !== undefined && (
        <div className="ml-auto flex w-40 items-center gap-2">
          <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-border" role="progressbar" aria-label="Upload" aria-valuemin={0} aria-valuemax={100} aria-valuenow={busy.progress}>
            <div className="h-full bg-primary transition-all" style={{ width: `${busy.progress}%` }} />
          </div>
          <span className="tabular-nums text-muted-foreground">{busy.progress}%</span>
        </div>
      )}
    </div>
  );
}

export function ImportPreview({
  preview,
  meta,
  onMetaChange,
  candidates,
  restore,
  onRestoreChange,
  busy,
  error,
  headingRef,
  onBack,
  onSave,
}: {
  preview: ArticlePreview;
  meta: MetaForm;
  onMetaChange: (meta: MetaForm) => void;
  candidates: RemovedBlock[];
  restore: number[];
  onRestoreChange: (restore: number[]) => void;
  busy: Busy | null;
  error: string | null;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
  onSave: () => void;
}) {
  const restoreSet = new Set(restore);
  const fieldId = (k: string) => `meta-${k}`;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="preview-heading" className="min-w-0">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id="preview-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Preview
            </h2>
            <p className="text-sm text-muted-foreground">
              {preview.wordCount.toLocaleString("en-US")} words · from {preview.importKind === "url" ? "a web page" : preview.importKind === "docx" ? "a Word document" : preview.importKind}
              {candidates.length > 0 && ` · ${candidates.length - restore.length} block${candidates.length - restore.length === 1 ? "" : "s"} removed`}
            </p>
          </div>
          <Button variant="ghost" onClick={onBack} disabled={Boolean(busy)}>
            <ArrowLeft aria-hidden="true" />
            Change input
          </Button>
        </div>
        {preview.warnings.map((warning) => (
          <p key={warning} role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-warning">
            {warning}
          </p>
        ))}
        <Card>
          <CardContent className="p-6">
            <h3 className="mb-1 font-serif text-2xl font-semibold leading-tight" data-testid="preview-title">
              {meta.title || <span className="text-muted-foreground">Untitled article</span>}
            </h3>
            {meta.byline && <p className="mb-4 text-sm text-muted-foreground">By {meta.byline}</p>}
            <div
              className="article-preview font-serif text-[1.05rem] leading-relaxed [&_a]:text-primary [&_a]:underline [&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-4 [&_blockquote]:italic [&_figcaption]:mt-1 [&_figcaption]:text-sm [&_figcaption]:text-muted-foreground [&_figure]:my-4 [&_h1]:mb-2 [&_h1]:mt-6 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:mb-2 [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:text-lg [&_h3]:font-semibold [&_img]:max-h-96 [&_img]:rounded [&_li]:my-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-3 [&_ul]:list-disc [&_ul]:pl-6"
              data-testid="article-preview"
              // renderDocumentHtml escapes all text and allows only http(s)/mailto URLs.
              dangerouslySetInnerHTML={{ __html: renderDocumentHtml(preview.document) }}
            />
          </CardContent>
        </Card>
      </section>

      <aside className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
            <CardDescription>Found in the article; correct anything that is wrong.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {(
              [
                ["title", "Title", "text"],
                ["byline", "Byline", "text"],
                ["publishedAt", "Published", "date"],
                ["sourceUrl", "Source URL", "url"],
                ["language", "Language", "text"],
              ] as const
            ).map(([key, label, type]) => (
              <div key={key} className="flex flex-col gap-1.5">
                <Label htmlFor={fieldId(key)}>{label}</Label>
                <Input
                  id={fieldId(key)}
                  type={type}
                  value={meta[key]}
                  placeholder={key === "language" ? "e.g. en" : key === "sourceUrl" ? "https://" : undefined}
                  onChange={(e) => onMetaChange({ ...meta, [key]: e.target.value })}
                />
              </div>
            ))}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Removed</CardTitle>
            <CardDescription>
              {candidates.length === 0 ? "Nothing was removed." : "Boilerplate left out of the article. Restore anything that belongs to the story."}
            </CardDescription>
          </CardHeader>
          {candidates.length > 0 && (
            <CardContent>
              <ul className="flex flex-col gap-2" aria-label="Removed blocks" data-testid="removed-blocks">
                {candidates.map((block) => {
                  const restored = restoreSet.has(block.index);
                  return (
                    <li key={block.index} className={cn("rounded-md border border-border p-2.5 text-sm", restored && "border-emerald-300 bg-emerald-50")} data-testid="removed-block">
                      <div className="flex items-start justify-between gap-2">
                        <p className={cn("min-w-0 break-words", !restored && "text-muted-foreground line-through decoration-muted-foreground/50")}>
                          {block.text.length > 160 ? `${block.text.slice(0, 160)}…` : block.text || "(empty)"}
                        </p>
                        <Button
                          type="button"
                          size="sm"
                          variant={restored ? "secondary" : "outline"}
                          aria-pressed={restored}
                          aria-label={`${restored ? "Remove again" : "Restore"}: ${block.text.slice(0, 60)}`}
                          onClick={() => onRestoreChange(restored ? restore.filter((i) => i !== block.index) : [...restore, block.index])}
                          disabled={busy !== null && busy.label !== "Updating the preview…"}
                        >
                          {restored ? <Undo2 aria-hidden="true" /> : <RotateCcw aria-hidden="true" />}
                          {restored ? "Undo" : "Restore"}
                        </Button>
                      </div>
                      <p className="mt-1 text-xs text-muted-foreground">{restored ? "Restored: it will be kept." : block.reason}</p>
                    </li>
                  );
                })}
              </ul>
            </CardContent>
          )}
        </Card>

        {error && <Alert variant="error">{error}</Alert>}
        <ImportBusy busy={busy} />
        <Button size="lg" onClick={onSave} disabled={Boolean(busy)}>
          <Save aria-hidden="true" />
          Save article
        </Button>
      </aside>
    </div>
  );
}
