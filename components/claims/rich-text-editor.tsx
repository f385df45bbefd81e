"use client";

import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Bold, Italic, Link2, List, ListOrdered, Unlink } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

// A small rich-text editor for rationales: bold, italic, links and lists, which is exactly
// what the server keeps when it sanitizes.

export interface RichTextEditorProps {
  id?: string;
  value: string;
  onChange: (html: string) => void;
  placeholder?: string;
  labelledBy?: string;
  disabled?: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" || u.protocol === "mailto:";
  } catch {
    return false;
  }
}

export function RichTextEditor({ id, value, onChange, labelledBy, disabled }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);

  const editor = useEditor({
    immediatelyRender: false,
    editable: !disabled,
    extensions: [
      StarterKit.configure({
        heading: false,
        code: false,
        codeBlock: false,
        blockquote: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], HTMLAttributes: { rel: "noopener noreferrer nofollow ugc", target: null } },
      }),
    ],
    content: value || "",
    editorProps: {
      attributes: {
        class: "rich-text min-h-28 px-3 py-2 text-sm focus:outline-none",
        ...(id ? { id } : {}),
        ...(labelledBy ? { "aria-labelledby": labelledBy } : {}),
        "aria-multiline": "true",
        role: "textbox",
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current(e.isEmpty ? "" : e.getHTML()),
  });

  // Outside changes (e.g. "take theirs" in a conflict) replace the content.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? "" : editor.getHTML();
    if (current !== value) editor.commands.setContent(value || "", { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      link: e?.isActive("link") ?? false,
      bullet: e?.isActive("bulletList") ?? false,
      ordered: e?.isActive("orderedList") ?? false,
    }),
  });

  const applyLink = () => {
    if (!editor) return;
    const url = linkUrl.trim();
    if (!isHttpUrl(url)) {
      setLinkError("Enter a full address starting with https:// (or http://, mailto:).");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    setLinkOpen(false);
    setLinkUrl("");
    setLinkError(null);
  };

  const btn = (active: boolean | undefined, label: string, onClick: () => void, Icon: typeof Bold) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled || !editor}
      onClick={onClick}
      className={cn(
        "inline-flex size-7 items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50",
        active && "bg-muted text-foreground",
      )}
    >
      <Icon className="size-4" aria-hidden="true" />
    </button>
  );

  return (
    <div className="rounded-md border border-input bg-background shadow-sm focus-within:ring-2 focus-within:ring-ring">
      <div role="toolbar" aria-label="Formatting" className="flex items-center gap-0.5 border-b border-border px-1.5 py-1">
        {btn(state?.bold, "Bold", () => editor?.chain().focus().toggleBold().run(), Bold)}
        {btn(state?.italic, "Italic", () => editor?.chain().focus().toggleItalic().run(), Italic)}
        {btn(state?.bullet, "Bulleted list", () => editor?.chain().focus().toggleBulletList().run(), List)}
        {btn(state?.ordered, "Numbered list", () => editor?.chain().focus().toggleOrderedList().run(), ListOrdered)}
        <span className="mx-1 h-4 w-px bg-border" aria-hidden="true" />
        {btn(state?.link || linkOpen, "Link", () => {
          setLinkUrl((editor?.getAttributes("link").href as string | undefined) ?? "");
          setLinkOpen((o) => !o);
        }, Link2)}
        {state?.link && btn(false, "Remove link", () => editor?.chain().focus().extendMarkRange("link").unsetLink().run(), Unlink)}
      </div>
      {linkOpen && (
        <div className="flex flex-col gap-1 border-b border-border bg-muted/50 p-2">
          <div className="flex gap-2">
            <Input
              autoFocus
              aria-label="Link address"
              placeholder="https://"
              value={linkUrl}
              aria-invalid={!!linkError}
              onChange={(e) => setLinkUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  applyLink();
                } else if (e.key === "Escape") setLinkOpen(false);
              }}
              className="h-8"
            />
            <button type="button" onClick={applyLink} className="rounded-md bg-primary px-3 text-xs font-medium text-primary-foreground hover:bg-primary/90">
              Apply
            </button>
          </div>
          {linkError && <p className="text-xs text-destructive">{linkError}</p>}
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
