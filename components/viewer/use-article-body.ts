import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/lib/api-client";
import { renderedBodies } from "@/lib/document/rendered-bodies";
import { LruMap } from "@/lib/lru";

// The article body is ~100 KB of HTML for a 10,000-word article. A full page load writes it into
// the page's HTML only: the page's data (the RSC payload) carries its key, and the client takes
// the HTML from the server-rendered element when it hydrates. Client-side navigations and
// refreshes (a saved revision) get it in the page's data. Should the router show a full load's
// page again from its cache (back, forward) once the HTML is gone, the body comes from what this
// tab kept of it, or else from GET /api/v1/articles/:id/body.

export const BODY_ID = "article-text";

/** The page's body as sent: always its key (a hash of the document), the HTML unless the page came as a full load. */
export interface ArticleBodyRef {
  key: string;
  html?: string;
  figureOffsets: number[];
}

/** Bodies this tab read from a full load's HTML (one per load; a few kept). */
const kept = new LruMap<string, string>(4);

/** The body's HTML if it is known without asking the server; null otherwise. Same answer on the server and at hydration. */
export function knownBodyHtml(key: string, sent: string | undefined): string | null {
  if (sent !== undefined) return sent;
  // Server rendering: the page's server component has just rendered this body in this process.
  if (typeof window === "undefined") return renderedBodies().get(key)?.html ?? null;
  const element = document.getElementById(BODY_ID);
  const html = kept.get(key) ?? (element?.dataset.bodyKey === key ? element.innerHTML : null);
  if (html !== null) kept.set(key, html);
  return html;
}

/** The body's HTML for the viewer (null while it loads), and whether loading it failed. */
export function useArticleBody(articleId: string, body: ArticleBodyRef): { html: string | null; failed: boolean } {
  const router = useRouter();
  const [state, setState] = useState(() => ({ key: body.key, html: knownBodyHtml(body.key, body.html), failed: false }));
  let current = state;
  if (state.key !== body.key) {
    current = { key: body.key, html: knownBodyHtml(body.key, body.html), failed: false };
    setState(current);
  }
  const missing = current.html === null && !current.failed;
  useEffect(() => {
    if (!missing) return;
    let live = true;
    api<{ key: string; html: string }>("GET", `/api/v1/articles/${encodeURIComponent(articleId)}/body`)
      .then((r) => {
        if (!live) return;
        if (r.key !== body.key) {
          // The text changed since this page's data was made: the page's data again (it carries the body).
          router.refresh();
          return;
        }
        kept.set(r.key, r.html);
        setState({ key: r.key, html: r.html, failed: false });
      })
      .catch(() => live && setState((s) => (s.key === body.key ? { ...s, failed: true } : s)));
    return () => {
      live = false;
    };
  }, [articleId, body.key, missing, router]);
  return { html: current.html, failed: current.failed };
}
