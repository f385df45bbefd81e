import { z } from "zod";
import { EXPORT_FORMAT_KEYS, type ExportFormat } from "./formats";

// Export request parameters, shared by the Export menu, the workspace export dialog and the
// route handlers (query strings).

export const exportScopeSchema = z.enum(["published", "all"], { message: 'scope must be "published" or "all" (all claims: editors and admins only).' });

export const articleExportQuerySchema = z.object({
  /** Checked by parseExportFormat for a message listing the formats. */
  format: z.string().optional(),
  scope: exportScopeSchema.default("published"),
});

export const WORKSPACE_EXPORT_FORMATS = ["csv", "json", "zip"] as const;
export type WorkspaceExportFormat = (typeof WORKSPACE_EXPORT_FORMATS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-05-31.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date: use YYYY-MM-DD.");

export const workspaceExportQuerySchema = z
  .object({
    /** Workspace id or slug; defaults to the caller's first workspace. */
    workspace: z.string().min(1).max(200).optional(),
    format: z.string().optional(),
    /** For format=zip: the format of each article's report inside the ZIP. */
    articleFormat: z.string().optional(),
    scope: exportScopeSchema.default("published"),
    /** Articles added to Factmark on or after this day (UTC). */
    from: day.optional(),
    /** Articles added on or before this day (UTC), inclusive. */
    to: day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date must be on or before the end date.", path: ["from"] });

export type WorkspaceExportQuery = z.infer<typeof workspaceExportQuerySchema>;

/** Inclusive day range as a Prisma createdAt filter. */
export function dateRangeFilter(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = new Date(`${from}T00:00:00.000Z`);
  if (to) range.lt = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
  return range;
}

export type { ExportFormat };
export { EXPORT_FORMAT_KEYS };
