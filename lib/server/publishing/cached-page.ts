import "server-only";
import { createHash } from "node:crypto";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { renderPublishedPage } from "@/lib/server/workers/render-pool";
import { loadPublishedBundle, resolvePublishedArticle, type PublishedHead } from "./get-published-article";
import { resolvePublishedRevision } from "./published-revision";
import { readerCsp } from "@/lib/reader/reader-csp";

// The reader (/r/<slug>) and embed pages never change until the next publication, so each is
// rendered once per publication and kept in the PageCache table (shared by every app server),
// keyed by variant, article, publication, visibility and locale. Access and withdrawal are checked on
// every request before the cache is read; publishing or withdrawing drops the article's rows.

/** Bump when the renderer's output changes, so pages rendered by an older build are not served. */
const RENDER_VERSION = 2;

export type PageVariant = "reader" | "embed";

export interface CachedPage {
  html: string;
  csp: string;
  /** Strong validator of the html and its CSP. */
  etag: string;
}

function cacheKey(variant: PageVariant, head: PublishedHead): string {
  const earlier = head.earlierRevision ? `:r${head.earlierRevision}` : "";
  return `${variant}:${head.articleId}:${head.publicationId}:${head.visibility}:${head.locale}:v${RENDER_VERSION}${earlier}`;
}

/** What a cache key holds (null: not a page key): its article, publication, and whether it is an earlier text revision. */
export function parsePageKey(key: string): { articleId: string; publicationId: string; earlier: boolean } | null {
  // variant:article:publication:visibility[:locale]:v<renderer>[:r<revision>]
  const m = /^(?:reader|embed):([^:]+):([^:]+):[A-Z]+(?::[A-Za-z0-9-]+)?:v\d+(:r\d+)?$/.exec(key);
  return m ? { articleId: m[1], publicationId: m[2], earlier: !!m[3] } : null;
}

/** Rendered by this build's renderer. */
export function isCurrentPageKey(key: string): boolean {
  return /:v(\d+)(:r\d+)?$/.exec(key)?.[1] === String(RENDER_VERSION);
}

/** Rendered in the render pool: a 5,000-claim page takes long enough to stall every other request. */
async function render(variant: PageVariant, head: PublishedHead, bundle: Awaited<ReturnType<typeof loadPublishedBundle>>): Promise<CachedPage> {
  const page = await renderPublishedPage(variant, bundle, { membersOnly: head.visibility === "MEMBERS", earlierRevision: head.earlierRevision });
  const csp = readerCsp({ scripts: page.scripts, styles: page.styles, frameable: variant === "embed" });
  const etag = `"${createHash("sha256").update(csp).update("\n").update(page.html).digest("base64url").slice(0, 32)}"`;
  return { html: page.html, csp, etag };
}

// Each server also keeps the most recently served pages in memory (at most MEMORY_BYTES of HTML):
// a key names one publication's rendering, which never changes, so a held page is never stale;
// a 2 MB page read back from the table on every request cost most of the time of serving it.
const MEMORY_BYTES = 64 * 1024 * 1024;
const g = globalThis as unknown as { __factmarkPageMemory?: Map<string, CachedPage> };
const memory = (g.__factmarkPageMemory ??= new Map<string, CachedPage>());
let memoryBytes = 0;

function remember(key: string, page: CachedPage): CachedPage {
  const size = page.html.length + page.csp.length;
  if (size > MEMORY_BYTES / 4 || memory.has(key)) return page;
  memory.set(key, page);
  memoryBytes += size;
  // Oldest first out (a Map keeps insertion order; a hit is not re-inserted, which is close enough).
  for (const [k, p] of memory) {
    if (memoryBytes <= MEMORY_BYTES) break;
    memory.delete(k);
    memoryBytes -= p.html.length + p.csp.length;
  }
  return page;
}

interface PageRequest {
  actor: MaybeActor;
  slug: string;
  variant: PageVariant;
  /** An earlier published text revision (reader pages: /r/<slug>?revision=<n>). */
  revision?: number | null;
}

async function resolveHead({ actor, slug, variant, revision }: PageRequest): Promise<PublishedHead> {
  const head = await resolvePublishedArticle({ actor, slug });
  return revision && variant === "reader" ? resolvePublishedRevision(head, revision) : head;
}

/** The published page for this reader: access checked, then the cached rendering (or a fresh one, stored). */
export async function getPublishedPage(request: PageRequest): Promise<{ page: CachedPage; head: PublishedHead }> {
  const { variant } = request;
  const head = await resolveHead(request);
  const key = cacheKey(variant, head);
  const held = memory.get(key);
  if (held) return { head, page: held };
  const hit = await db.pageCache.findUnique({ where: { key } });
  if (hit) {
    const cut = hit.body.indexOf("\n");
    return { head, page: remember(key, { csp: hit.body.slice(0, cut), html: hit.body.slice(cut + 1), etag: hit.etag }) };
  }
  const page = remember(key, await render(variant, head, await loadPublishedBundle(head)));
  // The CSP has no newline: the body is "<csp>\n<html>". A concurrent request may have stored it first.
  await db.pageCache
    .create({ data: { key, etag: page.etag, contentType: "text/html; charset=utf-8", body: `${page.csp}\n${page.html}` } })
    .catch(() => undefined);
  return { head, page };
}

/** A fresh rendering, bypassing the cache (tests compare it with the cached one). */
export async function renderPublishedPageFresh(request: PageRequest): Promise<CachedPage> {
  const head = await resolveHead(request);
  return render(request.variant, head, await loadPublishedBundle(head));
}

/** Drops the article's cached pages (publish, correction, withdrawal, visibility change). */
export async function dropCachedPages(tx: Tx, articleId: string): Promise<void> {
  await tx.pageCache.deleteMany({ where: { OR: [{ key: { startsWith: `reader:${articleId}:` } }, { key: { startsWith: `embed:${articleId}:` } }] } });
}
