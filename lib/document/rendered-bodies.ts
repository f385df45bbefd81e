// Article bodies rendered on this server, by key (a hash of the stored document). The article
// page's server component renders a body (lib/server/articles/article-body.ts) and, on a full page
// load, hands the client component only its key: the server-side rendering of that component, in
// the same process, finds the HTML here, so the body is written into the page once instead of
// also riding in the RSC payload. On globalThis because the server-component and server-rendering
// passes each load their own copy of every module.

export interface RenderedBody {
  html: string;
  figureOffsets: number[];
}

import { LruMap } from "@/lib/lru";

/** How many rendered bodies a server keeps. */
const MAX_ENTRIES = 32;
const REGISTRY = Symbol.for("factmark.renderedArticleBodies");

/** Only ever filled on the server. */
export function renderedBodies(): LruMap<string, RenderedBody> {
  const g = globalThis as typeof globalThis & { [REGISTRY]?: LruMap<string, RenderedBody> };
  return (g[REGISTRY] ??= new LruMap(MAX_ENTRIES));
}
