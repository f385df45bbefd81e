import "./zod-config";
import { z } from "zod";

export const ROLES = ["ADMIN", "EDITOR", "READER"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const CLAIM_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export const ARTICLE_STATUSES = ["DRAFT", "PUBLISHED", "WITHDRAWN"] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const VISIBILITIES = ["PUBLIC", "MEMBERS"] as const;
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const STANCES = ["SUPPORTS", "REFUTES", "CONTEXT"] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

/** Roles that may create and annotate articles. */
export const EDITING_ROLES: readonly Role[] = ["ADMIN", "EDITOR"];

export function canEdit(role: Role | string | null | undefined): boolean {
  return role === "ADMIN" || role === "EDITOR";
}

export function isAdmin(role: Role | string | null | undefined): boolean {
  return role === "ADMIN";
}
