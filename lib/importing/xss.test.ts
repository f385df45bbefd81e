import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { BlockNode, DocNode, InlineNode } from "@/lib/document/types";
import { AppError } from "@/lib/errors";
import { importHtml } from "./import-html";

const PAYLOADS = readFileSync(path.resolve(__dirname, "../../../shared/fixtures/security/xss-payloads.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");

const ALLOWED_BLOCKS = new Set(["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "figure"]);
const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const DANGEROUS_TAGS = "script, iframe, object, embed, style, form, input, button, textarea, select, svg, math, link, meta, base, frame, frameset, applet";

/** Every node of the document is one of the fixed schema's, every URL http(s)/mailto. */
function assertSafeDocument(doc: DocNode, payload: string) {
  const visitInline = (node: InlineNode) => {
    expect(["text", "hardBreak"], payload).toContain(node.type);
    if (node.type !== "text") return;
    for (const mark of node.marks ?? []) {
      expect(["bold", "italic", "link"], payload).toContain(mark.type);
      if (mark.type === "link") expect(mark.attrs?.href ?? "", payload).toMatch(SAFE_URL);
      expect(Object.keys(mark.attrs ?? {}).every((k) => k === "href"), payload).toBe(true);
    }
  };
  const visitBlock = (block: BlockNode | { type: "listItem"; content: BlockNode[] }) => {
    expect(ALLOWED_BLOCKS.has(block.type), `${block.type} from ${payload}`).toBe(true);
    if (block.type === "figure") {
      expect(block.attrs.src, payload).toMatch(/^https?:\/\//i);
      expect(Object.keys(block.attrs).sort(), payload).toEqual(["alt", "caption", "src"]);
      return;
    }
    if (block.type === "paragraph" || block.type === "heading") (block.content ?? []).forEach(visitInline);
    else (block.content as BlockNode[]).forEach(visitBlock);
  };
  expect(doc.type).toBe("doc");
  doc.content.forEach(visitBlock);
}

/** The rendered HTML, parsed back: no active element, no handler attribute, no unsafe URL. */
function assertSafeRenderedHtml(html: string, payload: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  expect(document.querySelectorAll(DANGEROUS_TAGS).length, payload).toBe(0);
  for (const el of document.querySelectorAll("*")) {
    for (const attr of Array.from(el.attributes) as Array<{ name: string; value: string }>) {
      expect(attr.name.toLowerCase().startsWith("on"), `${attr.name} from ${payload}`).toBe(false);
      expect(["style", "srcdoc", "formaction", "action"].includes(attr.name.toLowerCase()), payload).toBe(false);
      if (["href", "src"].includes(attr.name.toLowerCase())) expect(attr.value, payload).toMatch(SAFE_URL);
    }
  }
  expect(html, payload).not.toMatch(/<\s*(script|iframe|object|embed|style|form)\b/i);
  expect(html, payload).not.toMatch(/\s(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
}

describe("XSS payloads through the HTML import path", () => {
  it(`neutralises all ${PAYLOADS.length} payloads`, () => {
    expect(PAYLOADS.length).toBeGreaterThan(6000);
    let imported = 0;
    let refused = 0;
    for (const payload of PAYLOADS) {
      // Each payload alone, and inside an article paragraph (the pasted-page case).
      for (const html of [payload, `<p>Story text before.</p>${payload}<p>Story text after.</p>`]) {
        let doc: DocNode;
        try {
          doc = importHtml(html).document;
        } catch (e) {
          // A payload with no text at all is refused as "no article": also safe.
          expect(e, payload).toBeInstanceOf(AppError);
          refused++;
          continue;
        }
        imported++;
        assertSafeDocument(doc, payload);
        const json = JSON.stringify(doc);
        expect(json, payload).not.toMatch(/"(href|src)":"\s*(javascript|data|vbscript):/i);
        expect(json, payload).not.toMatch(/"type":"(script|iframe|object|style|form|svg)"/);
        assertSafeRenderedHtml(renderDocumentHtml(doc), payload);
      }
    }
    expect(imported).toBeGreaterThan(PAYLOADS.length);
    expect(refused).toBeLessThan(PAYLOADS.length);
  }, 120_000);
});
