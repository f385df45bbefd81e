"use client";

import { CheckCircle2, ClipboardPaste, FileUp, Globe, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { ApiArticle, ArticlePreview } from "@/lib/schemas/article";
import { cn } from "@/lib/utils";
import { postWithProgress } from "@/lib/api-client";
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_LABEL, isAcceptedFileName } from "@/lib/importing/file-types";
import { ImportBusy, ImportPreview, metaFrom, type Busy, type MetaForm, type RemovedBlock } from "./import-preview";

type Mode = "paste" | "upload" | "url";


function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Paste / upload / URL → preview (cleaned article, editable metadata, removed blocks) → save. */
export function NewArticleFlow({ workspaceId, workspaceName, maxBytes }: { workspaceId: string; workspaceName: string; maxBytes: number }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("paste");
  const [pasteText, setPasteText] = useState("");
  const [pasteHtml, setPasteHtml] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ArticlePreview | null>(null);
  const [candidates, setCandidates] = useState<RemovedBlock[]>([]);
  const [restore, setRestore] = useState<number[]>([]);
  const [meta, setMeta] = useState<MetaForm | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const requestId = useRef(0);

  const body = useCallback(
    (extra: Record<string, unknown>): FormData | string => {
      if (mode === "upload" && file) {
        const form = new FormData();
        form.set("file", file);
        form.set("workspace", workspaceId);
        for (const [k, v] of Object.entries(extra)) if (v !== undefined) form.set(k, Array.isArray(v) ? JSON.stringify(v) : String(v ?? ""));
        return form;
      }
      const content = mode === "url" ? { url: url.trim() } : pasteHtml ? { html: pasteHtml } : { text: pasteText };
      return JSON.stringify({ ...content, workspace: workspaceId, ...extra });
    },
    [mode, file, url, pasteHtml, pasteText, workspaceId],
  );

  const runPreview = useCallback(
    async (restoreList: number[], first: boolean) => {
      const id = ++requestId.current;
      setError(null);
      const working = mode === "url" ? "Fetching the page and finding the article…" : "Cleaning up the article…";
      setBusy(mode === "upload" && first ? { label: "Uploading…", progress: 0 } : { label: first ? working : "Updating the preview…" });
      try {
        const result = await postWithProgress<ArticlePreview>("/api/v1/articles/preview", body({ restore: restoreList }), (fraction) => {
          if (id !== requestId.current) return;
          setBusy(fraction < 1 && mode === "upload" ? { label: "Uploading…", progress: Math.round(fraction * 100) } : { label: working });
        });
        if (id !== requestId.current) return;
        setPreview(result);
        if (first) {
          setCandidates(result.removedBlocks);
          // Same array when already empty: a new [] would re-trigger the restore effect and run
          // the whole preview (upload included) a second time.
          setRestore((current) => (current.length ? [] : current));
          setMeta(metaFrom(result));
          requestAnimationFrame(() => previewHeading.current?.focus());
        }
      } catch (e) {
        if (id !== requestId.current) return;
        setError((e as Error).message);
      } finally {
        if (id === requestId.current) setBusy(null);
      }
    },
    [body, mode],
  );

  // Restoring a block re-runs the import with it kept, so the preview shows exactly what will be saved.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!preview) return;
    const t = setTimeout(() => void runPreview(restore, false), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the restore list re-runs it
  }, [restore]);

  function canPreview(): string | null {
    if (mode === "paste" && !pasteText.trim() && !pasteHtml) return "Paste the article first.";
    if (mode === "upload" && !file) return "Choose a file first.";
    if (mode === "url" && !/^https?:\/\/\S+$/i.test(url.trim())) return "Give the article's full address, starting with https://.";
    return null;
  }

  function startPreview(e: React.FormEvent) {
    e.preventDefault();
    const problem = canPreview();
    if (problem) {
      setError(problem);
      return;
    }
    void runPreview([], true);
  }

  function chooseFile(f: File | null | undefined) {
    setError(null);
    if (!f) return;
    if (!isAcceptedFileName(f.name)) {
      setFile(null);
      setError(`${f.name} is not a supported file. Upload a ${ACCEPTED_FILE_LABEL} file.`);
      return;
    }
    if (f.size > maxBytes) {
      setFile(null);
      setError(`${f.name} is ${formatBytes(f.size)}; the limit is ${formatBytes(maxBytes)}. Split the article or paste its text.`);
      return;
    }
    setFile(f);
  }

  function onPaste(e: React.ClipboardEvent<HTMLTextAreaElement>) {
    const html = e.clipboardData.getData("text/html");
    const text = e.clipboardData.getData("text/plain");
    // Rich text (from a web page or Word) keeps its structure: send the HTML, show the text.
    if (html && html.trim()) {
      e.preventDefault();
      setPasteHtml(html);
      setPasteText(text || html.replace(/<[^>]+>/g, " "));
    } else setPasteHtml(null);
  }

  async function save() {
    if (!meta) return;
    setError(null);
    setBusy({ label: mode === "upload" ? "Uploading and saving…" : mode === "url" ? "Fetching the page again and saving…" : "Saving…" });
    try {
      const article = await postWithProgress<ApiArticle>(
        "/api/v1/articles",
        body({
          restore,
          title: meta.title,
          byline: meta.byline,
          publishedAt: meta.publishedAt,
          sourceUrl: meta.sourceUrl,
          language: meta.language,
        }),
      );
      toast.success("Article saved. Select text to add claims.");
      setBusy({ label: "Opening the article…" });
      router.push(`/articles/${article.id}`);
    } catch (e) {
      setBusy(null);
      setError((e as Error).message);
    }
  }

  function backToInput() {
    requestId.current++;
    setPreview(null);
    setMeta(null);
    setCandidates([]);
    setRestore([]);
    setBusy(null);
    setError(null);
  }

  if (preview && meta) {
    return (
      <ImportPreview
        preview={preview}
        meta={meta}
        onMetaChange={setMeta}
        candidates={candidates}
        restore={restore}
        onRestoreChange={setRestore}
        busy={busy}
        error={error}
        headingRef={previewHeading}
        onBack={backToInput}
        onSave={() => void save()}
      />
    );
  }

  return (
    <form onSubmit={startPreview} className="flex flex-col gap-4" aria-label="Load an article">
      <Tabs value={mode} onValueChange={(v) => { setMode(v as Mode); setError(null); }}>
        <TabsList aria-label="How to load the article">
          <TabsTrigger value="paste"><ClipboardPaste className="size-4" aria-hidden="true" />Paste</TabsTrigger>
          <TabsTrigger value="upload"><FileUp className="size-4" aria-hidden="true" />Upload</TabsTrigger>
          <TabsTrigger value="url"><Globe className="size-4" aria-hidden="true" />From URL</TabsTrigger>
        </TabsList>

        <TabsContent value="paste" className="mt-4">
          <div className="flex flex-col gap-1.5">
            <div className="flex items-center justify-between gap-2">
              <Label htmlFor="paste-zone">Article text</Label>
              {pasteHtml && (
                <Badge variant="success" data-testid="rich-paste">
                  <CheckCircle2 className="size-3" aria-hidden="true" />
                  Formatting kept
                </Badge>
              )}
            </div>
            <Textarea
              id="paste-zone"
              value={pasteText}
              onPaste={onPaste}
              onChange={(e) => {
                setPasteText(e.target.value);
                // Typing over pasted rich text: the text is what counts now.
                if (pasteHtml) setPasteHtml(null);
              }}
              rows={16}
              placeholder="Paste the story here, from a web page, Word or plain text. Headings, paragraphs, lists, links, bold and italic are kept."
              className="font-serif text-base leading-relaxed"
              aria-describedby="paste-help"
            />
            <p id="paste-help" className="text-xs text-muted-foreground">
              Ads, newsletter prompts, share buttons and related-story lists are removed; you can restore any of them in the preview.
            </p>
          </div>
        </TabsContent>

        <TabsContent value="upload" className="mt-4">
          <label
            htmlFor="file-input"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              chooseFile(e.dataTransfer.files?.[0]);
            }}
            className={cn(
              "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-border px-6 py-12 text-center transition-colors hover:bg-muted/40 focus-within:ring-2 focus-within:ring-ring",
              dragging && "border-primary bg-primary/5",
            )}
            data-testid="drop-zone"
          >
            <FileUp className="size-8 text-muted-foreground" aria-hidden="true" />
            <span className="font-medium">{file ? file.name : "Drop a file here, or click to choose"}</span>
            <span className="text-sm text-muted-foreground">
              {file ? formatBytes(file.size) : `${ACCEPTED_FILE_LABEL} · up to ${formatBytes(maxBytes)}`}
            </span>
            <input
              ref={fileInput}
              id="file-input"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              className="sr-only"
              onChange={(e) => chooseFile(e.target.files?.[0])}
            />
          </label>
        </TabsContent>

        <TabsContent value="url" className="mt-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="url-input">Article URL</Label>
            <Input id="url-input" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://www.example.com/news/story" autoComplete="url" />
            <p className="text-xs text-muted-foreground">The page is fetched by the server. Pages behind a log-in or paywall cannot be read: paste their text instead.</p>
          </div>
        </TabsContent>
      </Tabs>

      {error && <Alert variant="error">{error}</Alert>}
      <ImportBusy busy={busy} />
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-muted-foreground">Saving into {workspaceName}.</p>
        <Button type="submit" disabled={Boolean(busy)}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
          Preview
        </Button>
      </div>
    </form>
  );
}
