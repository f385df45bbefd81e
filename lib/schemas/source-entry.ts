import "./zod-config";
import { z } from "zod";
import { httpUrlSchema } from "./claim";

// Fast source entry: a pasted URL looked up on the server, and sources already used in the
// workspace suggested while typing. Shared by the source form, the routes and the OpenAPI document.

export const sourceLookupSchema = z.strictObject({ url: httpUrlSchema("The source URL") });
export type SourceLookupInput = z.infer<typeof sourceLookupSchema>;

export interface ApiSourceLookup {
  url: string;
  /** Where the page was found after redirects. */
  finalUrl: string | null;
  title: string | null;
  publisher: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  /** Why nothing (or not everything) was filled in, in words for the user; null when the page was read. */
  note: string | null;
}

export const sourceSuggestionsQuerySchema = z.strictObject({
  q: z.string().max(200, "The search is too long: keep it under 200 characters.").default(""),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type SourceSuggestionsQuery = z.infer<typeof sourceSuggestionsQuerySchema>;

export interface ApiSourceSuggestion {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  archiveUrl: string | null;
  /** How many claims of the workspace cite this URL. */
  uses: number;
  lastUsedAt: string;
}
