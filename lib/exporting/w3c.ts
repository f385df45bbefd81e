import type { ReportBundle, ReportClaim, ReportSource } from "@/lib/schemas/report";
import { claimUrl } from "./claimreview";
import { httpUrl } from "./text";

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) JSON-LD:
// an AnnotationCollection whose first AnnotationPage holds one Annotation per claim.
// Each Annotation assesses (motivation "assessing") a span of the article, targeted with
// both a TextQuoteSelector and a TextPositionSelector over the canonical text, with bodies
// for the verdict (purpose assessing), the claim statement (describing), the rationale
// (commenting, text/html) and each source (SpecificResource, purpose linking, with its stance).

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Extra terms for what the model has no word for (a source's stance, the claimant, the claim's status). */
export const FACTMARK_TERMS = {
  fm: "urn:factmark:terms:",
  stance: { "@id": "fm:stance" },
  claimant: { "@id": "fm:claimant" },
  claimStatus: { "@id": "fm:claimStatus" },
  revision: { "@id": "fm:revision" },
  contentHash: { "@id": "fm:contentHash" },
} as const;

export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, FACTMARK_TERMS] as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface W3cAnnotation extends JsonObject {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  modified: string;
  body: JsonObject[];
  target: JsonObject;
}

export interface W3cAnnotationCollection extends JsonObject {
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
}

function sourceBody(source: ReportSource): JsonObject | null {
  const url = httpUrl(source.url);
  if (!url) return null;
  const resource: JsonObject = { id: url, type: "Text", format: "text/html" };
  if (source.title) resource["dcterms:title"] = source.title;
  if (source.publisher) resource["dcterms:publisher"] = source.publisher;
  if (source.publishedOn) resource["dcterms:issued"] = source.publishedOn;
  const archive = httpUrl(source.archiveUrl);
  if (archive) resource["via"] = archive;
  return {
    type: "SpecificResource",
    purpose: "linking",
    source: resource,
    stance: source.stance.toLowerCase(),
  };
}

/**
 * The annotated document: its address, and the text revision the selectors were made on (its
 * number and the sha256 of its canonical text), so an exported selector can always be resolved
 * against the right text. Older snapshots without a revision keep the bare address.
 */
function targetSource(bundle: ReportBundle): Json {
  const { article } = bundle;
  const id = httpUrl(article.sourceUrl) ?? article.readerUrl;
  if (!article.revision) return id;
  return { id, type: "Text", revision: article.revision.number, contentHash: `sha256:${article.revision.contentHash}` };
}

/** One claim as a W3C Annotation. */
export function claimAnnotation(bundle: ReportBundle, claim: ReportClaim): W3cAnnotation {
  const { article } = bundle;
  const body: JsonObject[] = [];
  if (claim.verdict) {
    body.push({ type: "TextualBody", purpose: "assessing", value: claim.verdict.label, format: "text/plain" });
  }
  if (claim.statement) {
    body.push({ type: "TextualBody", purpose: "describing", value: claim.statement, format: "text/plain" });
  }
  if (claim.rationale) {
    body.push({ type: "TextualBody", purpose: "commenting", value: claim.rationale, format: "text/html" });
  }
  for (const source of claim.sources) {
    const b = sourceBody(source);
    if (b) body.push(b);
  }
  const annotation: W3cAnnotation = {
    "@context": ANNOTATION_CONTEXT as unknown as Json,
    id: claimUrl(bundle, claim.id),
    type: "Annotation",
    motivation: "assessing",
    created: claim.createdAt,
    modified: claim.updatedAt,
    generated: bundle.generatedAt,
    generator: { type: "Software", name: "Factmark" },
    creator: { type: "Person", name: claim.author.name },
    body,
    target: {
      type: "SpecificResource",
      source: targetSource(bundle),
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
    claimStatus: claim.status.toLowerCase(),
  };
  if (claim.claimant) annotation.claimant = claim.claimant;
  if (article.language) (annotation.target as JsonObject).language = article.language;
  return annotation;
}

/** Every claim of the bundle as an AnnotationCollection with one AnnotationPage (document order). */
export function buildAnnotationCollection(bundle: ReportBundle): W3cAnnotationCollection {
  const { article, organization } = bundle;
  const items = bundle.claims.map((claim) => claimAnnotation(bundle, claim));
  const pageId = `${article.readerUrl}#annotations-page-1`;
  const homepage = httpUrl(organization.url);
  const collection: W3cAnnotationCollection = {
    "@context": ANNO_CONTEXT,
    id: `${article.readerUrl}#annotations`,
    type: "AnnotationCollection",
    label: `${article.title}: fact-check annotations${bundle.scope === "all" ? " (internal: includes unpublished claims)" : ""}`,
    total: items.length,
    creator: { type: "Organization", name: organization.name, ...(homepage ? { homepage } : {}) },
    created: bundle.generatedAt,
    ...(article.lastPublishedAt ? { modified: article.lastPublishedAt } : {}),
  };
  // An empty collection has no pages (the model requires `first` only when total > 0).
  if (items.length > 0) {
    // The page also stands alone (as the model's page examples do): its own @context, and partOf
    // describing the collection.
    collection.first = {
      "@context": ANNO_CONTEXT,
      id: pageId,
      type: "AnnotationPage",
      partOf: { id: collection.id, label: collection.label, total: items.length },
      startIndex: 0,
      items,
    };
    collection.last = pageId;
  }
  return collection;
}

/** The "w3c" export: the collection as pretty-printed JSON-LD. */
export function exportW3c(bundle: ReportBundle): string {
  return `${JSON.stringify(buildAnnotationCollection(bundle), null, 2)}\n`;
}
