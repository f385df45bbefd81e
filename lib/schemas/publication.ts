import "./zod-config";
import { z } from "zod";
import { visibilitySchema } from "./enums";

// Publish / unpublish requests, shared by the publish dialog and the route handlers.

export const PUBLICATION_REASON_MAX = 2000;

const reasonField = z
  .string()
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(PUBLICATION_REASON_MAX, `Keep the reason under ${PUBLICATION_REASON_MAX} characters.`);

export const publishArticleSchema = z.strictObject({
  /** PUBLIC: anyone with the link; MEMBERS: signed-in members of the workspace. Defaults to the current setting. */
  visibility: visibilitySchema.optional(),
  /** Required when the article was published before and the content changed: why it changed. */
  reason: reasonField.optional(),
});
export type PublishArticleInput = z.infer<typeof publishArticleSchema>;

export const unpublishArticleSchema = z.strictObject({
  /** Shown to readers at the article's address: "This fact-check was withdrawn on <date>: <reason>". */
  reason: reasonField,
});
export type UnpublishArticleInput = z.infer<typeof unpublishArticleSchema>;

export const publishResultSchema = z.object({
  url: z.string(),
  /** 1 for the first publication, 2, 3 ... for corrections; unchanged when nothing was published. */
  number: z.number().int(),
  /** False when nothing changed since the last publication (no new publication was made). */
  published: z.boolean(),
  message: z.string(),
  changes: z.array(z.string()),
  visibility: visibilitySchema,
});
export type PublishResult = z.infer<typeof publishResultSchema>;

export const unpublishResultSchema = z.object({
  url: z.string(),
  withdrawnAt: z.string(),
  reason: z.string(),
});
export type UnpublishResult = z.infer<typeof unpublishResultSchema>;
