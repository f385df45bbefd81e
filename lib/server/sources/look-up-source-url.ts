import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { forbidden, isAppError } from "@/lib/errors";
import { sourceMetadataFromHtml } from "@/lib/importing/source-metadata";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { sourceLookupSchema, type ApiSourceLookup, type SourceLookupInput } from "@/lib/schemas/source-entry";
import { requireActor } from "@/lib/server/access";
import { fetchArticleUrl } from "@/lib/server/articles/fetch-article-url";

const LOOKUP_TIMEOUT_MS = 10_000;

/** The fetcher speaks of importing articles; a source lookup only fills in a citation. */
function noteFor(e: unknown): string {
  if (isAppError(e) && e.code === "UNSUPPORTED_MEDIA_TYPE") {
    const type = /returns ([\w.+/-]+)/.exec(e.message)?.[1];
    return `Nothing filled in: the address is not a web page${type ? ` (${type})` : ""}. Type the title, publisher and date yourself.`;
  }
  const reason = isAppError(e)
    ? e.message
        .split(/(?<=\.)\s+/)
        .filter((s) => !/paste the article|upload it|IMPORT_MAX_BYTES/i.test(s))
        .join(" ")
        .replace(/,? or paste the article's text\./, ".")
    : "The page could not be fetched.";
  return `Nothing filled in: ${reason} Type the details yourself.`;
}

/**
 * Fetches a source's page through the SSRF-safe fetcher and reads its title, publisher and
 * publication date. A page that cannot be fetched is not an error: the answer carries a note
 * and empty fields, so the form stays usable. Editors and admins only.
 */
export async function lookUpSourceUrl({ actor: maybeActor, input }: { actor: MaybeActor; input: SourceLookupInput }): Promise<ApiSourceLookup> {
  const actor = requireActor(maybeActor);
  const { url } = sourceLookupSchema.parse(input);
  const editor = await db.membership.findFirst({
    where: { userId: actor.userId, active: true, user: { active: true }, role: { in: [...EDITING_ROLES] } },
    select: { id: true },
  });
  if (!editor) throw forbidden("Only editors and admins can look up sources.");
  const empty = { url, finalUrl: null, title: null, publisher: null, publishedOn: null };
  let page;
  try {
    page = await fetchArticleUrl(url, { timeoutMs: Math.min(LOOKUP_TIMEOUT_MS, env().IMPORT_FETCH_TIMEOUT_MS) });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ...empty, note: noteFor(e) };
  }
  if (page.kind !== "html") return { ...empty, finalUrl: page.finalUrl, note: "Nothing filled in: the address is a plain-text file, not a web page. Type the details yourself." };
  const meta = sourceMetadataFromHtml(page.body, page.finalUrl);
  const found = [meta.title, meta.publisher, meta.publishedOn].filter(Boolean).length;
  return {
    url,
    finalUrl: page.finalUrl,
    ...meta,
    note: found === 0 ? "The page names no title, publisher or date. Type them yourself." : null,
  };
}
