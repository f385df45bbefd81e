import "./zod-config";
import { z } from "zod";
import { roleSchema } from "./enums";
import { DATE_LOCALES } from "@/lib/format/format-date";

// Schemas shared by the admin and settings forms, their server actions, the API routes and
// the services (which parse again: a service never trusts its caller).

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "The email address is too long.")
  .email("Enter a valid email address, like name@newsroom.org.");

export const personNameSchema = z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters.");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for the password.`)
  .max(PASSWORD_MAX, `Keep the password under ${PASSWORD_MAX} characters.`);

/** Empty means "none"; otherwise an absolute http(s) URL. */
export const optionalHttpUrlSchema = z
  .string()
  .trim()
  .max(2000, "The URL is too long.")
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional()
  .refine((s) => {
    if (s == null) return true;
    try {
      const url = new URL(s);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://.");

// ---- Members and users -------------------------------------------------------------------

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  /** Leave out to have a password generated (shown once). */
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const inviteUserSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export const acceptInvitationSchema = z.strictObject({
  name: personNameSchema,
  password: passwordSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const setMemberRoleSchema = z.strictObject({ role: roleSchema });

export const memberSchema = z.object({
  userId: z.string(),
  membershipId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  /** Active in this workspace (and the account is active). */
  active: z.boolean(),
  /** False when a site admin deactivated the account everywhere. */
  accountActive: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof invitationSchema>;

// ---- Workspace settings ------------------------------------------------------------------

export const workspaceSettingsSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the workspace name.").max(120, "Keep the workspace name under 120 characters."),
  organizationName: z
    .string()
    .trim()
    .min(1, "Enter the organisation name shown on published fact-checks.")
    .max(200, "Keep the organisation name under 200 characters."),
  organizationUrl: optionalHttpUrlSchema,
  requireIndependentApproval: z.boolean(),
  /** Dates in the app, on reader pages and in exports; unchanged when omitted. */
  locale: z.enum(DATE_LOCALES, { message: `Choose one of the listed date formats (${DATE_LOCALES.join(", ")}).` }).optional(),
});
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsSchema>;

export const workspaceSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "The slug needs at least 2 characters.")
  .max(60, "Keep the slug under 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens for the slug, like metro-desk.");

export const createWorkspaceSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the workspace name.").max(120, "Keep the workspace name under 120 characters."),
  slug: workspaceSlugSchema,
  organizationName: z.string().trim().min(1, "Enter the organisation name.").max(200),
  organizationUrl: optionalHttpUrlSchema,
});
export type CreateWorkspaceFormInput = z.input<typeof createWorkspaceSchema>;

// ---- Rating scale ------------------------------------------------------------------------

export const hexColorSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "Use a colour in the form #rrggbb, like #fecaca.");

export const scaleVerdictInputSchema = z.strictObject({
  /** The stable key of an existing verdict; leave out (or null) for a new verdict. */
  key: z.string().trim().min(1).max(80).nullable().optional(),
  label: z.string().trim().min(1, "Every verdict needs a label.").max(60, "Keep verdict labels under 60 characters."),
  description: z.string().trim().max(500, "Keep verdict descriptions under 500 characters.").default(""),
  color: hexColorSchema,
  /** ClaimReview ratingValue; null for verdicts outside the numeric scale (e.g. Unproven). */
  ratingValue: z.number().int("Rating values are whole numbers.").nullable(),
  archived: z.boolean().default(false),
});
export type ScaleVerdictInput = z.input<typeof scaleVerdictInputSchema>;

/** The whole scale, verdicts in display order. A verdict left out is deleted, or archived if claims use it. */
export const updateRatingScaleSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the scale name.").max(120).optional(),
  bestRating: z.number().int("bestRating is a whole number."),
  worstRating: z.number().int("worstRating is a whole number."),
  verdicts: z.array(scaleVerdictInputSchema).min(1, "The scale needs at least one verdict.").max(30, "A scale can have at most 30 verdicts."),
});
export type UpdateRatingScaleInput = z.input<typeof updateRatingScaleSchema>;

export const scaleVerdictSchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  color: z.string(),
  order: z.number().int(),
  ratingValue: z.number().int().nullable(),
  archived: z.boolean(),
  /** Claims (including trashed ones) that use this verdict. */
  claimCount: z.number().int(),
});
export type ScaleVerdict = z.infer<typeof scaleVerdictSchema>;

export const editableScaleSchema = z.object({
  name: z.string(),
  bestRating: z.number().int(),
  worstRating: z.number().int(),
  verdicts: z.array(scaleVerdictSchema),
});
export type EditableScale = z.infer<typeof editableScaleSchema>;

// ---- API tokens --------------------------------------------------------------------------

export const TOKEN_EXPIRY_CHOICES = [
  { value: "", label: "Never expires" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
] as const;

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name, like “Newsroom CMS sync”.").max(80, "Keep the token name under 80 characters."),
  /** Days until the token stops working; leave out for a token that does not expire. */
  expiresInDays: z.number().int("expiresInDays is a whole number of days.").min(1, "expiresInDays must be at least 1.").max(3650, "expiresInDays can be at most 3650 (10 years).").nullable().optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  /** The token itself: shown once, never stored. */
  token: z.string(),
});

// ---- Me ----------------------------------------------------------------------------------

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), isSuperAdmin: z.boolean() }),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: roleSchema })),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
