import { importFile } from "./import-file";
import { importHtml, type HtmlImportOptions } from "./import-html";
import { importMarkdown } from "./import-markdown";
import { importText } from "./import-text";
import type { ImportOptions, ImportResult } from "./types";

// One import as plain data, so it can be handed to a worker thread (structured clone) and run
// there under a time budget (lib/server/articles/import-pool.ts).

export type ImportTask =
  | { kind: "text"; text: string; options?: ImportOptions }
  | { kind: "html"; html: string; options?: HtmlImportOptions }
  | { kind: "markdown"; markdown: string; options?: ImportOptions }
  | { kind: "file"; filename: string; data: Uint8Array; contentType?: string | null; options?: ImportOptions };

export async function runImportTask(task: ImportTask): Promise<ImportResult> {
  switch (task.kind) {
    case "text":
      return importText(task.text, task.options);
    case "html":
      return importHtml(task.html, task.options);
    case "markdown":
      return importMarkdown(task.markdown, task.options);
    case "file":
      return importFile({ filename: task.filename, data: task.data, contentType: task.contentType }, task.options);
  }
}
