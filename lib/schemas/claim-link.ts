import "./zod-config";
import { z } from "zod";

// "Checked before": similar earlier claims and links between claims, shared by the panel and the API.

export const similarClaimsQuerySchema = z.strictObject({
  /** The selected text or the claim's statement. */
  text: z.string().max(10_000, "The text is too long: select a sentence or two.").default(""),
  limit: z.coerce.number({ error: "`limit` must be a number." }).int().min(1).max(20).default(5),
});

export const linkClaimSchema = z.strictObject({
  toClaimId: z.string().trim().min(1, "Name the earlier claim to link to.").max(64),
  /** Copy the earlier claim's verdict, rationale and sources into this one (it stays a draft). */
  copy: z.boolean().default(false),
});
export type LinkClaimInput = z.input<typeof linkClaimSchema>;

export interface ApiSimilarClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  statement: string;
  claimant: string | null;
  verdictKey: string | null;
  status: string;
  createdAt: string;
  sourceCount: number;
  /** 0..1, higher is closer. */
  score: number;
}

export interface ApiLinkedClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  statement: string;
  verdictKey: string | null;
  status: string;
  createdAt: string;
  /** "earlier": this claim was linked to it; "later": it was linked to this claim. */
  direction: "earlier" | "later";
}
