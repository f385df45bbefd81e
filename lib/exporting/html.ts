import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "@/lib/document/escape";
import { renderDocumentHtml } from "@/lib/document/render-html";
import { HIGHLIGHT_TEXT_COLOR, UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { publishedClaimUrl, readerPageStatus, readerPageUrl } from "./links";
import { summarizeVerdicts } from "./summary";
import {
  claimByline,
  httpUrl,
  humanDate,
  INTERNAL_NOTICE,
  NO_CLAIMS_MESSAGE,
  oneLine,
  quoteInContext,
  revisionLabel,
  scopeLabel,
  sourceDetail,
  sourceLabel,
  statusLabel,
  verdictLabel,
} from "./text";
import { parseMarkedDiff } from "@/lib/format/word-diff";

// One self-contained HTML file: inline CSS, no scripts, no external resources (a strict CSP
// meta tag makes sure of it, and article images become their alt text). Opens offline.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Rationale HTML re-sanitized here (defence in depth): basic formatting and http(s)/mailto links. */
export function sanitizeRationale(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "blockquote", "code"],
    allowedAttributes: { a: ["href", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
  });
}

function hexColor(value: string | undefined, fallback: string): string {
  return value && /^#[0-9a-f]{6}$/i.test(value) ? value : fallback;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 Georgia,"DejaVu Serif","Times New Roman",serif;color:#111827;background:#fff}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:.25rem 0 1rem}
h2{font:600 1.25rem/1.3 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2.5rem 0 1rem;padding-bottom:.25rem;border-bottom:1px solid #e5e7eb}
h3{font:600 1.05rem/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 0 .5rem}
.kicker,.meta,.byline,.small,table,.legend{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:#4b5563;margin:0}
.internal{border:2px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.75rem 1rem;border-radius:.375rem;font:600 .95rem/1.4 system-ui,sans-serif}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;font-size:.9rem;color:#374151;margin:0}
.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
a{color:#1d4ed8}
.chart{display:grid;grid-template-columns:max-content 1fr max-content;gap:.35rem .75rem;align-items:center;font:.9rem system-ui,sans-serif}
.bar{height:1rem;border:1px solid #6b7280;border-radius:2px;min-width:2px}
.article p,.article li{margin:0 0 1rem}
.article mark{color:${HIGHLIGHT_TEXT_COLOR};padding:0 .05em;border-bottom:2px solid #374151}
.article mark.overlap{border-bottom-style:double;border-bottom-width:3px}
.img-alt{display:block;font:italic .85rem system-ui,sans-serif;color:#4b5563;border:1px dashed #9ca3af;padding:.5rem}
.claim{border:1px solid #d1d5db;border-left-width:6px;border-radius:.375rem;padding:1rem 1.25rem;margin:0 0 1.25rem;break-inside:avoid}
.verdict{display:inline-block;font:700 .85rem/1.2 system-ui,sans-serif;color:${HIGHLIGHT_TEXT_COLOR};padding:.2rem .55rem;border-radius:999px;border:1px solid #6b7280}
.quote{margin:.75rem 0;padding:.5rem .75rem;background:#f9fafb;border-left:3px solid #9ca3af}
.quote .ctx{color:#4b5563}
.label{font:600 .8rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#4b5563;margin:.75rem 0 .25rem}
.sources{margin:0;padding-left:1.25rem;font-size:.95rem}
.sources li{margin:.25rem 0;overflow-wrap:anywhere}
.small{font-size:.85rem;color:#4b5563}
table{border-collapse:collapse;font-size:.9rem}
td,th{border:1px solid #d1d5db;padding:.25rem .5rem;text-align:left}
[dir=auto]{unicode-bidi:plaintext}
@page{margin:18mm 16mm}
@media print{main{max-width:none;padding:0}.claim{page-break-inside:avoid}a{color:inherit}}
`;

/** A corrections-log line with its word diff as <del>/<ins>. */
export function changeHtml(change: string): string {
  return parseMarkedDiff(change)
    .map((p) => (p.kind === "removed" ? `<del>${escapeHtml(p.text)}</del>` : p.kind === "added" ? `<ins>${escapeHtml(p.text)}</ins>` : escapeHtml(p.text)))
    .join("");
}

function claimColor(claim: ReportClaim): string {
  return hexColor(claim.verdict?.color, UNRATED_COLOR);
}

function claimCard(bundle: ReportBundle, claim: ReportClaim, index: number): string {
  const q = quoteInContext(claim);
  const color = claimColor(claim);
  const rationale = sanitizeRationale(claim.rationale);
  const permalink = publishedClaimUrl(bundle, claim);
  const sources = claim.sources
    .map((s) => {
      const url = httpUrl(s.url);
      const archive = httpUrl(s.archiveUrl);
      const label = escapeHtml(sourceLabel(s));
      return `<li dir="auto">${url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${label}</a>` : label} <span class="small">(${escapeHtml(sourceDetail(s, bundle.organization.locale))})</span>${
        archive ? ` <a class="small" href="${escapeHtml(archive)}" rel="noopener noreferrer nofollow">archived copy</a>` : ""
      }${s.excerpt ? `<br><span class="small">“${escapeHtml(oneLine(s.excerpt))}”</span>` : ""}</li>`;
    })
    .join("");
  return `<article class="claim" id="claim-${escapeHtml(claim.id)}" style="border-left-color:${color}">
<h3 dir="auto">${index + 1}. ${escapeHtml(oneLine(claim.statement))}</h3>
<span class="verdict" style="background:${color}">${escapeHtml(verdictLabel(claim))}</span>${
    bundle.scope === "all" ? ` <span class="small">Status: ${statusLabel(claim.status)}</span>` : ""
  }
<blockquote class="quote" dir="auto"><span class="ctx">${escapeHtml(q.before)}</span><strong>${escapeHtml(q.exact)}</strong><span class="ctx">${escapeHtml(q.after)}</span></blockquote>
${claim.claimant ? `<p class="small" dir="auto"><strong>Claimant:</strong> ${escapeHtml(oneLine(claim.claimant))}</p>` : ""}
<p class="label">Rationale</p>
<div class="rationale" dir="auto">${rationale || '<p class="small">No rationale written yet.</p>'}</div>
${claim.sources.length ? `<p class="label">Sources</p><ul class="sources">${sources}</ul>` : ""}
<p class="small">${escapeHtml(claimByline(claim, bundle.organization.locale))} · ${permalink ? `<a href="${escapeHtml(permalink)}">Permalink</a>` : "Not on the reader page (not published)"}</p>
</article>`;
}

function articleBody(bundle: ReportBundle): string {
  const byId = new Map(bundle.claims.map((c, i) => [c.id, { claim: c, n: i + 1 }]));
  const html = renderDocumentHtml(bundle.article.document, {
    images: "link",
    highlights: bundle.claims.map((c) => ({ id: c.id, start: c.start, end: c.end })),
    wrapHighlight: (piece, ids) => {
      const entries = ids.map((id) => byId.get(id)).filter((e) => e !== undefined);
      const last = entries[entries.length - 1];
      if (!last) return piece;
      const title = entries.map((e) => `Claim ${e.n}: ${verdictLabel(e.claim)}`).join("; ");
      return `<mark class="${entries.length > 1 ? "overlap" : ""}" style="background:${claimColor(last.claim)}" title="${escapeHtml(title)}">${piece}</mark>`;
    },
  });
  // No external resources: an image becomes its alt text.
  return html.replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, (_m, alt: string) => `<span class="img-alt">Image${alt ? `: ${alt}` : ""}</span>`);
}

export function exportHtml(bundle: ReportBundle): string {
  const { article, organization } = bundle;
  const summary = summarizeVerdicts(bundle);
  const source = httpUrl(article.sourceUrl);
  const reader = readerPageUrl(bundle);
  const meta: Array<[string, string]> = [];
  if (article.byline) meta.push(["Byline", escapeHtml(oneLine(article.byline))]);
  if (article.siteName) meta.push(["Published by", escapeHtml(article.siteName)]);
  if (source) meta.push(["Original story", `<a href="${escapeHtml(source)}" rel="noopener noreferrer nofollow">${escapeHtml(source)}</a>`]);
  if (article.publishedAt) meta.push(["Story date", humanDate(article.publishedAt, bundle.organization.locale)]);
  const revision = revisionLabel(bundle);
  if (revision) meta.push(["Article text", escapeHtml(revision)]);
  if (article.firstPublishedAt) meta.push(["Fact-check published", humanDate(article.firstPublishedAt, bundle.organization.locale)]);
  if (article.lastPublishedAt && article.lastPublishedAt !== article.firstPublishedAt) meta.push(["Updated", humanDate(article.lastPublishedAt, bundle.organization.locale)]);
  meta.push(["Fact-checked by", escapeHtml(organization.name)]);
  meta.push(["Scope", escapeHtml(scopeLabel(bundle))]);
  meta.push(["Report generated", humanDate(bundle.generatedAt, bundle.organization.locale)]);

  const max = Math.max(1, ...summary.counts.map((c) => c.count));
  const chart = summary.counts
    .map(
      (c) =>
        `<span>${escapeHtml(c.label)}</span><span><span class="bar" style="display:block;width:${((c.count / max) * 100).toFixed(1)}%;background:${hexColor(c.color, UNRATED_COLOR)}" role="img" aria-label="${escapeHtml(`${c.label}: ${c.count}`)}"></span></span><span>${c.count}</span>`,
    )
    .join("\n");

  const corrections = bundle.corrections.length
    ? `<h2>Corrections</h2><ul>${bundle.corrections
        .map(
          (c) =>
            `<li><strong>${humanDate(c.createdAt, bundle.organization.locale)}</strong> (update ${c.number}): ${escapeHtml(c.reason)}${
              c.changes.length ? `<ul>${c.changes.map((ch) => `<li>${changeHtml(ch)}</li>`).join("")}</ul>` : ""
            }</li>`,
        )
        .join("")}</ul>`
    : "";

  const lang = article.language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(article.language) ? article.language : "en";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Factmark">
<title>${escapeHtml(`${article.title}: fact-check report${bundle.scope === "all" ? " (internal)" : ""}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p class="kicker">Fact-check report · ${escapeHtml(organization.name)}</p>
<h1 dir="auto">${escapeHtml(article.title)}</h1>
${bundle.scope === "all" ? `<p class="internal" role="note">${escapeHtml(INTERNAL_NOTICE)}</p>` : ""}
<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
</header>
<section aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p>${escapeHtml(summary.total ? `${summary.sentence}.` : NO_CLAIMS_MESSAGE)}</p>
${summary.total ? `<div class="chart">${chart}</div>` : ""}
</section>
<section aria-labelledby="article-h">
<h2 id="article-h">The article</h2>
<div class="article" dir="auto">${articleBody(bundle)}</div>
</section>
${summary.total ? `<section aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>${bundle.claims.map((c, i) => claimCard(bundle, c, i)).join("\n")}</section>` : ""}
${corrections}
<footer class="small"><p>Generated by Factmark on ${humanDate(bundle.generatedAt, bundle.organization.locale)} · ${reader ? `<a href="${escapeHtml(reader)}">${escapeHtml(reader)}</a>` : `Reader page: ${readerPageStatus(bundle).toLowerCase()}`}</p></footer>
</main>
</body>
</html>
`;
}
