"use client";

import { Download, FileCode2, FileJson, FileSpreadsheet, FileText, FileType2, Globe, Loader2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS, type ExportFormat } from "@/lib/exporting/formats";
import { downloadExport } from "./download";

const ICONS: Record<ExportFormat, React.ComponentType<{ "aria-hidden"?: boolean }>> = {
  pdf: FileText,
  docx: FileType2,
  md: FileCode2,
  csv: FileSpreadsheet,
  html: Globe,
  w3c: FileJson,
  claimreview: FileJson,
};

export interface ExportMenuProps {
  articleId: string;
  slug: string;
  /** Editors and admins may export every claim, drafts included ("internal"). */
  canExportInternal: boolean;
  size?: "default" | "sm";
  /** An icon-only trigger (library rows); `label` names it for screen readers. */
  compact?: boolean;
  /** Accessible name of the compact trigger, e.g. "Export Biden, Putin Talk…". */
  label?: string;
}

/** The article's Export dropdown: a scope choice (internal only for editors) and one item per format. */
export function ExportMenu({ articleId, slug, canExportInternal, size = "default", compact = false, label = "Export" }: ExportMenuProps) {
  const [scope, setScope] = React.useState<"published" | "all">("published");
  const [busy, setBusy] = React.useState<ExportFormat | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    const params = new URLSearchParams({ format, scope });
    const fallback = `${slug}-${new Date().toISOString().slice(0, 10)}.${EXPORT_FORMATS[format].ext}`;
    try {
      const name = await downloadExport(`/api/v1/articles/${encodeURIComponent(articleId)}/export?${params}`, fallback);
      toast.success(`Downloaded ${name}${scope === "all" ? " (internal)" : ""}`);
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {compact ? (
          <Button
            variant="ghost"
            size="icon"
            className="text-muted-foreground hover:text-foreground"
            aria-busy={busy !== null}
            aria-label={busy ? `Exporting ${EXPORT_FORMATS[busy].ext.toUpperCase()}…` : label}
            title={busy ? `Exporting ${EXPORT_FORMATS[busy].ext.toUpperCase()}…` : "Export"}
            data-testid="export-menu-trigger"
          >
            {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
          </Button>
        ) : (
          <Button variant="outline" size={size} aria-busy={busy !== null} data-testid="export-menu-trigger">
            {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
            {busy ? `Exporting ${EXPORT_FORMATS[busy].ext.toUpperCase()}…` : "Export"}
          </Button>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        {canExportInternal && (
          <>
            <DropdownMenuLabel>Claims to include</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={scope} onValueChange={(v) => setScope(v === "all" ? "all" : "published")}>
              <DropdownMenuRadioItem value="published" onSelect={(e) => e.preventDefault()}>
                Published claims
              </DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="all" onSelect={(e) => e.preventDefault()}>
                All claims, drafts included
                <span className="ml-auto rounded bg-red-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-red-800">internal</span>
              </DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
            <DropdownMenuSeparator />
          </>
        )}
        <DropdownMenuLabel>Download as</DropdownMenuLabel>
        {EXPORT_FORMAT_KEYS.map((format) => {
          const Icon = ICONS[format];
          return (
            <DropdownMenuItem key={format} disabled={busy !== null} onSelect={() => void download(format)} data-format={format}>
              <Icon aria-hidden={true} />
              {EXPORT_FORMATS[format].label}
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
