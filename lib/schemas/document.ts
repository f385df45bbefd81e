import "./zod-config";
import { z } from "zod";
import type { DocNode } from "@/lib/document/types";

// The article document (lib/document/types.ts) as a strict zod schema: what an in-place edit
// may send back. Only the node and mark types of the fixed schema, links to http(s)/mailto,
// images over http(s); anything else is refused rather than stored.

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

const markSchema = z.union([
  z.strictObject({ type: z.enum(["bold", "italic"]) }),
  z.strictObject({
    type: z.literal("link"),
    attrs: z.object({ href: z.string().max(2_000).regex(SAFE_LINK, "Links must be http(s) or mailto addresses.") }),
  }),
]);

const textNodeSchema = z.strictObject({
  type: z.literal("text"),
  text: z.string().min(1),
  marks: z.array(markSchema).max(3).optional(),
});
const inlineSchema = z.union([textNodeSchema, z.strictObject({ type: z.literal("hardBreak") })]);
const inlineContent = z.array(inlineSchema).max(10_000).optional();

// Recursive block schema (lists and quotes hold blocks).
type BlockInput = Record<string, unknown>;
const blockSchema: z.ZodType<BlockInput> = z.lazy(() =>
  z.union([
    z.strictObject({ type: z.literal("paragraph"), content: inlineContent }),
    z.strictObject({ type: z.literal("heading"), attrs: z.object({ level: z.number().int().min(1).max(6) }), content: inlineContent }),
    z.strictObject({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1).max(10_000) }),
    z.strictObject({
      type: z.literal("orderedList"),
      attrs: z.object({ start: z.number().int().min(0).max(1_000_000).optional() }).optional(),
      content: z.array(listItemSchema).min(1).max(10_000),
    }),
    z.strictObject({ type: z.literal("blockquote"), content: z.array(blockSchema).min(1).max(10_000) }),
    z.strictObject({
      type: z.literal("figure"),
      attrs: z
        .object({
          src: z.string().max(2_000).regex(SAFE_IMAGE, "Images must be http(s) addresses."),
          alt: z.string().max(2_000).nullable().optional(),
          caption: z.string().max(5_000).nullable().optional(),
        })
        ,
    }),
  ]),
);
const listItemSchema: z.ZodType<BlockInput> = z.lazy(() => z.strictObject({ type: z.literal("listItem"), content: z.array(blockSchema).min(1).max(10_000) }));

export const articleDocumentSchema = z
  .strictObject({ type: z.literal("doc"), content: z.array(blockSchema).min(1).max(100_000) })
  .describe("Tiptap/ProseMirror JSON in the article schema (lib/document/types.ts)");

/** Parses an edited document; the result is the document schema's own type. */
export function parseArticleDocument(value: unknown): DocNode {
  return articleDocumentSchema.parse(value) as unknown as DocNode;
}
