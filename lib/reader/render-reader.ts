import { renderDocumentHtml, type HtmlHighlightRange } from "@/lib/document/render-html";
import { safeUrl } from "@/lib/document/escape";
import { buildClaimReviews, jsonLdScriptContent } from "@/lib/exporting/claimreview";
import { changeHtml, sanitizeRationale } from "@/lib/exporting/html";
import { summarizeVerdicts, type ReportSummary } from "@/lib/exporting/summary";
import { humanDate, STANCE_LABELS } from "@/lib/exporting/text";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import { approvalRuleLine } from "@/lib/workflow/claim-workflow";
import type { ReportBundle, ReportCheckedBefore, ReportClaim, ReportCorrection } from "@/lib/schemas/report";
import { html, trustedHtml, type SafeHtml } from "./html";
import { readerScriptSource } from "./reader-script";
import { READER_CSS } from "./reader-styles";

// Server-rendered reader and embed pages as complete HTML documents (strings). Everything
// readers see is in the HTML: the highlighted text, the claims list, the corrections log;
// the one inline script only adds claim cards on click, focus and #claim-<id> addresses.

export interface RenderedPage {
  html: string;
  /** Inline <script> texts the CSP must allow (by hash). */
  scripts: string[];
  /** Inline <style> texts the CSP must allow (by hash). */
  styles: string[];
}

const HEX = /^#[0-9a-f]{6}$/i;

export function verdictClass(key: string | null | undefined): string {
  return key ? `v-${key.toLowerCase().replace(/[^a-z0-9-]/g, "")}` : "v-unrated";
}

function verdictCss(bundle: ReportBundle): string {
  const rules = new Map<string, string>([["v-unrated", UNRATED_COLOR]]);
  const all = [...bundle.scale.verdicts, ...bundle.claims.map((c) => c.verdict).filter((v) => v !== null)];
  for (const v of all) rules.set(verdictClass(v.key), HEX.test(v.color) ? v.color : UNRATED_COLOR);
  return [...rules].map(([cls, color]) => `.${cls}{background-color:${color};fill:${color}}`).join("\n");
}

function langOf(bundle: ReportBundle): string {
  const l = bundle.article.language;
  return l && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(l) ? l : "en";
}

function documentShell(opts: {
  bundle?: ReportBundle;
  title: string;
  description?: string;
  canonical?: string;
  noindex?: boolean;
  bodyClass?: string;
  body: SafeHtml;
  jsonLd?: string[];
  script?: boolean;
  /** Page-specific rules (the overlap bands), appended to the verdict colours. */
  extraCss?: string;
}): RenderedPage {
  const styles = [READER_CSS, ...(opts.bundle ? [verdictCss(opts.bundle) + (opts.extraCss ? `\n${opts.extraCss}` : "")] : [])];
  const scripts = opts.script ? [readerScriptSource()] : [];
  const page = html`<!doctype html>
<html lang="${opts.bundle ? langOf(opts.bundle) : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ""}
${opts.canonical ? html`<link rel="canonical" href="${opts.canonical}">` : ""}
${opts.noindex ? html`<meta name="robots" content="noindex">` : ""}
<meta name="referrer" content="strict-origin-when-cross-origin">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
${styles.map((s) => html`<style>${trustedHtml(s)}</style>`)}
${(opts.jsonLd ?? []).map((j) => html`<script type="application/ld+json">${trustedHtml(j)}</script>\n`)}
</head>
<body${opts.bodyClass ? html` class="${opts.bodyClass}"` : ""}>
${opts.body}
${scripts.map((s) => html`<script>${trustedHtml(s)}</script>`)}
</body>
</html>
`;
  return { html: page.value, scripts, styles };
}

function chart(summary: ReportSummary): SafeHtml {
  const present = summary.counts.filter((c) => c.count > 0);
  let x = 0;
  const rects = present.map((c) => {
    const w = c.share * 100;
    const r = html`<rect class="${verdictClass(c.key)}" x="${x.toFixed(3)}" y="0" width="${w.toFixed(3)}" height="10"></rect>`;
    x += w;
    return r;
  });
  const alt = `Verdict distribution: ${present.map((c) => `${c.count} ${c.label}`).join(", ")}`;
  return html`<svg class="chart" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${alt}" focusable="false">${rects}</svg>`;
}

function legend(summary: ReportSummary): SafeHtml {
  return html`<ul class="legend" aria-label="Verdicts used in this fact-check">${summary.counts
    .filter((c) => c.count > 0)
    .map((c) => html`<li><span class="swatch ${verdictClass(c.key)}" aria-hidden="true"></span><span>${c.label}</span> <span class="count">${c.count}</span></li>`)}</ul>`;
}

/** Highlight ranges that still match the text (position first, then the quote); others stay in the list only. */
function anchoredRanges(bundle: ReportBundle): HtmlHighlightRange[] {
  const text = bundle.article.canonicalText;
  const out: HtmlHighlightRange[] = [];
  for (const c of bundle.claims) {
    if (text.slice(c.start, c.end) === c.exact) out.push({ id: c.id, start: c.start, end: c.end });
    else {
      const at = text.indexOf(c.exact);
      if (at >= 0 && c.exact) out.push({ id: c.id, start: at, end: at + c.exact.length });
    }
  }
  return out;
}

/** Colour and overlap classes of one highlighted piece; overlapping pieces get a banded background class. */
function markClass(ids: string[], byId: Map<string, ReportClaim>, bands: Map<string, string[]>): string {
  const keys = ids.map((id) => verdictClass(byId.get(id)?.verdict?.key));
  if (keys.length <= 1) return `fm-mark ${keys[0] ?? "v-unrated"}`;
  const combo = `fm-ov-${keys.map((k) => k.slice(2)).join("_")}`;
  bands.set(combo, keys);
  return `fm-mark ${keys[keys.length - 1]} fm-overlap ${combo}`;
}

/** One horizontal band per claim on a shared passage, so every claim's colour runs through its whole extent. */
function bandCss(bundle: ReportBundle, bands: Map<string, string[]>): string {
  const colors = new Map<string, string>([["v-unrated", UNRATED_COLOR]]);
  for (const v of [...bundle.scale.verdicts, ...bundle.claims.map((c) => c.verdict).filter((v) => v !== null)]) colors.set(verdictClass(v.key), HEX.test(v.color) ? v.color : UNRATED_COLOR);
  return [...bands]
    .map(([combo, keys]) => {
      const step = 100 / keys.length;
      const stops = keys.map((k, i) => `${colors.get(k) ?? UNRATED_COLOR} ${(i * step).toFixed(2)}% ${((i + 1) * step).toFixed(2)}%`);
      return `mark.${combo}{background-image:linear-gradient(to bottom,${stops.join(",")})}`;
    })
    .join("\n");
}

function highlightedText(bundle: ReportBundle, numbers: Map<string, number>, bands: Map<string, string[]>): string {
  const byId = new Map(bundle.claims.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const label = (id: string) => `claim ${numbers.get(id)}: ${byId.get(id)?.verdict?.label ?? "Not rated"}`;
  const body = renderDocumentHtml(bundle.article.document, {
    images: "link",
    highlights: anchoredRanges(bundle),
    wrapHighlight: (piece, ids) => {
      // Every claim on a shared passage shows (banded colours, double underline); the title names them all.
      const anchors = ids.filter((id) => !seen.has(id));
      anchors.forEach((id) => seen.add(id));
      const title = ids.length > 1 ? `Shared by ${ids.map(label).join(" and ")}` : label(ids[0]);
      return html`${anchors.map((id) => html`<span id="mark-${id}"></span>`)}<mark class="${markClass(ids, byId, bands)}" data-claims="${ids.join(" ")}" title="${title}">${trustedHtml(piece)}</mark>`.value;
    },
  });
  // After the last piece of each claim, its reference: the claim number and verdict, a link
  // to its card (the list below without JavaScript, a popover card with it).
  const lastEnd = new Map<string, number>();
  const idsEndingAt = new Map<number, string[]>();
  for (const m of body.matchAll(/<mark [^>]*data-claims="([^"]*)"[^>]*>[\s\S]*?<\/mark>/g)) {
    const ids = m[1].split(" ");
    for (const id of ids) lastEnd.set(id, m.index + m[0].length);
    idsEndingAt.set(m.index + m[0].length, ids);
  }
  // One pass, in document order (a splice per claim was quadratic in text × claims).
  const inserts = [...lastEnd].sort((a, b) => a[1] - b[1] || (numbers.get(a[0]) ?? 0) - (numbers.get(b[0]) ?? 0));
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < inserts.length; ) {
    const at = inserts[i][1];
    const refs: string[] = [];
    for (; i < inserts.length && inserts[i][1] === at; i++) {
      const [id] = inserts[i];
      const claim = byId.get(id);
      if (claim) refs.push(html`<a class="fm-ref" href="#claim-${id}" data-claim="${id}"><span class="sr-only">Claim </span>${numbers.get(id) ?? ""}<span class="fm-ref-v"> ${claim.verdict?.label ?? "Not rated"}</span></a>`.value);
    }
    parts.push(body.slice(from, at));
    from = at;
    // A reference inside a longer claim's passage keeps that highlight running under it.
    const around = (idsEndingAt.get(at) ?? []).filter((id) => lastEnd.get(id) !== at);
    parts.push(around.length ? html`<mark class="${markClass(around, byId, bands)} fm-ref-host" data-claims="${around.join(" ")}">${trustedHtml(refs.join(""))}</mark>`.value : refs.join(""));
  }
  parts.push(body.slice(from));
  return parts.join("");
}

function sourceItem(s: ReportClaim["sources"][number], locale: string | undefined): SafeHtml {
  const url = safeUrl(s.url);
  const archive = safeUrl(s.archiveUrl);
  const name = s.title || s.publisher || s.url;
  const details = [s.title && s.publisher ? s.publisher : null, s.publishedOn ? `published ${humanDate(s.publishedOn, locale)}` : null, s.accessedOn ? `accessed ${humanDate(s.accessedOn, locale)}` : null]
    .filter(Boolean)
    .join(", ");
  return html`<li><span class="fm-stance s-${s.stance.toLowerCase()}">${STANCE_LABELS[s.stance]}</span><span>${
    url ? html`<a href="${url}" rel="noopener noreferrer nofollow ugc">${name}</a>` : name
  }${details ? html` <span class="fm-src-detail">— ${details}</span>` : ""}${
    archive ? html` · <a href="${archive}" rel="noopener noreferrer nofollow ugc">archived copy</a>` : ""
  }${s.excerpt ? html`<q class="fm-excerpt">${s.excerpt}</q>` : ""}</span></li>`;
}

function checkedBefore(earlier: ReportCheckedBefore, locale: string | undefined): SafeHtml {
  const url = safeUrl(earlier.url);
  const label = `${earlier.statement} (${earlier.articleTitle}${earlier.publishedAt ? `, ${humanDate(earlier.publishedAt, locale)}` : ""})`;
  return html`<p class="fm-checked-before">We checked this before: ${url ? html`<a href="${url}">${label}</a>` : label}</p>`;
}

function claimCard(claim: ReportClaim, n: number, anchored: boolean, locale: string | undefined): SafeHtml {
  const reviewed = [
    claim.reviewer ? `Reviewed by ${claim.reviewer.name}${claim.approvedAt ? ` on ${humanDate(claim.approvedAt, locale)}` : ""}` : null,
    `checked by ${claim.author.name}`,
    claim.publishedAt ? `published ${humanDate(claim.publishedAt, locale)}` : null,
  ].filter(Boolean);
  const sentence = reviewed.join(" · ");
  return html`<li><article class="fm-card" id="claim-${claim.id}" aria-labelledby="claim-${claim.id}-title">
<div class="fm-card-head"><span class="fm-num">Claim ${n}</span><span class="fm-chip ${verdictClass(claim.verdict?.key)}">${claim.verdict?.label ?? "Not rated"}</span></div>
<h3 id="claim-${claim.id}-title">${claim.statement || claim.exact}</h3>
${claim.claimant ? html`<p class="fm-claimant">Claimed by <strong>${claim.claimant}</strong></p>` : ""}
${claim.statement && claim.statement.trim() !== claim.exact.trim() ? html`<blockquote class="fm-quote">“${claim.exact}”</blockquote>` : ""}
${claim.rationale ? html`<div class="fm-rationale">${trustedHtml(sanitizeRationale(claim.rationale))}</div>` : ""}
${claim.sources.length ? html`<h4>Sources</h4><ul class="fm-sources">${claim.sources.map((s) => sourceItem(s, locale))}</ul>` : ""}
${claim.checkedBefore ? checkedBefore(claim.checkedBefore, locale) : ""}
<p class="fm-reviewed">${sentence.charAt(0).toUpperCase() + sentence.slice(1)}</p>
${anchored ? html`<a class="fm-back" href="#mark-${claim.id}">Show in the text</a>` : ""}<a class="fm-permalink" href="#claim-${claim.id}">Link to this claim</a>
</article></li>`;
}

/** "Read the version before this correction": only on the current page (an earlier one links back to it). */
function previousVersionLink(bundle: ReportBundle, c: ReportCorrection, earlier: boolean): SafeHtml | string {
  if (!c.previousRevision || earlier) return "";
  return html`<p><a class="fm-earlier" href="${bundle.article.readerUrl}?revision=${String(c.previousRevision)}">Read the article as it was before this correction (text revision ${String(c.previousRevision)})</a></p>`;
}

function corrections(bundle: ReportBundle, earlier: boolean): SafeHtml {
  if (bundle.corrections.length === 0) {
    return html`<p class="muted">No corrections have been made since this fact-check was first published${bundle.article.firstPublishedAt ? ` on ${humanDate(bundle.article.firstPublishedAt, bundle.organization.locale)}` : ""}.</p>`;
  }
  return html`<ol class="corrections" reversed>${bundle.corrections.map(
    (c) => html`<li><h3>Correction ${c.number - 1} · <time datetime="${c.createdAt}">${humanDate(c.createdAt, bundle.organization.locale)}</time></h3>
<p><strong>Why:</strong> ${c.reason}</p>
${c.changes.length ? html`<ul>${c.changes.map((ch) => html`<li>${trustedHtml(changeHtml(ch))}</li>`)}</ul>` : ""}
${previousVersionLink(bundle, c, earlier)}</li>`,
  )}</ol>`;
}

function siteBar(bundle: ReportBundle, nav: boolean): SafeHtml {
  const orgUrl = safeUrl(bundle.organization.url);
  return html`<header class="bar"><div class="bar-in">${
    orgUrl ? html`<a class="bar-org" href="${orgUrl}">${bundle.organization.name}</a>` : html`<span class="bar-org">${bundle.organization.name}</span>`
  }<span class="bar-tag">Fact-check</span>${
    nav ? html`<nav class="bar-nav" aria-label="On this page"><a href="#claims">Claims</a><a href="#corrections">Corrections</a></nav>` : ""
  }</div></header>`;
}

export interface ReaderPageOptions {
  membersOnly: boolean;
  /** The page shows an earlier text revision (/r/<slug>?revision=<n>) as it was last published. */
  earlierRevision?: number;
}

function earlierNotice(bundle: ReportBundle, revision: number): SafeHtml {
  const when = bundle.article.lastPublishedAt;
  return html`<aside class="earlier" role="note" aria-label="Earlier version"><p><strong>You are reading an earlier version.</strong> This is the article text of revision ${String(revision)}${
    when ? html`, with the claims as published on <time datetime="${when}">${humanDate(when, bundle.organization.locale)}</time>` : ""
  }. The article has been updated since.</p><p><a href="${bundle.article.readerUrl}">Read the current fact-check</a></p></aside>`;
}

export function renderReaderPage(bundle: ReportBundle, { membersOnly, earlierRevision }: ReaderPageOptions): RenderedPage {
  const { article } = bundle;
  const summary = summarizeVerdicts(bundle);
  const numbers = new Map(bundle.claims.map((c, i) => [c.id, i + 1]));
  const anchored = new Set(anchoredRanges(bundle).map((r) => r.id));
  const source = safeUrl(article.sourceUrl);
  const updated = bundle.corrections.length > 0 && article.lastPublishedAt;
  const bands = new Map<string, string[]>();
  const text = highlightedText(bundle, numbers, bands);
  const original = [article.byline ? `by ${article.byline}` : null, article.siteName, article.publishedAt ? humanDate(article.publishedAt, bundle.organization.locale) : null].filter(Boolean).join(", ");

  const body = html`<a class="skip" href="#claims">Skip to the claims</a>
${siteBar(bundle, true)}
<main id="main">
${earlierRevision ? earlierNotice(bundle, earlierRevision) : ""}
<article>
<p class="kicker">Fact-check${membersOnly ? " · Members only" : ""}</p>
<h1 class="title">${article.title}</h1>
<p class="meta">Fact-checked by <strong>${bundle.organization.name}</strong>${
    article.firstPublishedAt ? html` · Published <time datetime="${article.firstPublishedAt}">${humanDate(article.firstPublishedAt, bundle.organization.locale)}</time>` : ""
  }</p>
${bundle.organization.requireIndependentApproval === undefined ? "" : html`<p class="meta methodology">${approvalRuleLine(bundle.organization.requireIndependentApproval)}</p>`}
<p class="meta">Original article${original ? ` ${original}` : ""}${source ? html` · <a href="${source}" rel="noopener noreferrer nofollow">Read the original</a>` : ""}</p>
${updated ? html`<a class="updated" href="#corrections">Updated <time datetime="${article.lastPublishedAt!}">${humanDate(article.lastPublishedAt, bundle.organization.locale)}</time></a>` : ""}
<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="summary-sentence" id="summary-sentence">${summary.sentence}</p>
${summary.total ? chart(summary) : ""}
${summary.total ? legend(summary) : ""}
<p class="how">Highlighted passages are the claims we checked; the number and verdict after each one open its card.${
    bands.size ? " Where claims overlap, the shared words carry each claim's colour in bands and a double underline; clicking them lists every claim there." : ""
  } Ratings follow the ${bundle.scale.name.toLowerCase()}.</p>
</section>
<div class="prose" id="article-text">
${trustedHtml(text)}
</div>
<h2 class="section-h" id="claims">Claims checked</h2>
${bundle.claims.length ? html`<ol class="claims">${bundle.claims.map((c, i) => claimCard(c, i + 1, anchored.has(c.id), bundle.organization.locale))}</ol>` : html`<p class="muted">${summary.sentence}</p>`}
<h2 class="section-h" id="corrections">Corrections</h2>
${corrections(bundle, !!earlierRevision)}
</article>
</main>
<footer class="foot"><p>Published by ${bundle.organization.name}. Each claim card has its own link (“Link to this claim”). Corrections are listed above with their reasons.</p></footer>`;

  return documentShell({
    bundle,
    title: `Fact-check: ${article.title} · ${bundle.organization.name}`,
    description: summary.sentence,
    canonical: article.readerUrl,
    // An earlier version is not indexed, and its ClaimReviews would compete with the current ones.
    noindex: membersOnly || !!earlierRevision,
    body,
    jsonLd: earlierRevision ? [] : buildClaimReviews(bundle).map(jsonLdScriptContent),
    script: true,
    extraCss: bandCss(bundle, bands),
  });
}

export function renderEmbedPage(bundle: ReportBundle): RenderedPage {
  const { article } = bundle;
  const summary = summarizeVerdicts(bundle);
  const body = html`<main>
<div class="head"><span class="bar-tag">Fact-check</span><span>${bundle.organization.name}${
    article.lastPublishedAt ? html` · <span class="e-date">${bundle.corrections.length ? "Updated" : "Published"} ${humanDate(article.lastPublishedAt, bundle.organization.locale)}</span>` : ""
  }</span></div>
<h1 class="title"><a href="${article.readerUrl}" target="_blank" rel="noopener">${article.title}</a></h1>
<section class="summary" aria-label="Summary">
<p class="summary-sentence">${summary.sentence}</p>
${summary.total ? chart(summary) : ""}
${summary.total ? legend(summary) : ""}
</section>
<ol class="claims">${bundle.claims.map(
    (c) => html`<li class="e-claim"><span class="fm-chip ${verdictClass(c.verdict?.key)}">${c.verdict?.label ?? "Not rated"}</span><div><p><a href="${article.readerUrl}#claim-${c.id}" target="_blank" rel="noopener">${c.statement || c.exact}</a></p>${
      c.claimant ? html`<p class="muted">Claimed by ${c.claimant}</p>` : ""
    }</div></li>`,
  )}</ol>
<p class="e-more"><a href="${article.readerUrl}" target="_blank" rel="noopener">Read the full fact-check, sources and corrections →</a></p>
</main>`;
  return documentShell({
    bundle,
    title: `Fact-check: ${article.title} · ${bundle.organization.name}`,
    description: summary.sentence,
    canonical: article.readerUrl,
    bodyClass: "embed",
    body,
    // Every chip as wide as the longest verdict shown, so the statements line up in one column.
    extraCss: `.embed .e-claim .fm-chip{width:calc(${Math.max(4, ...bundle.claims.map((c) => (c.verdict?.label ?? "Not rated").length))}ch + 1.3rem)}`,
  });
}

export interface StatusPageInput {
  status: 404 | 410;
  title: string;
  message: string;
  reason?: string;
  links?: { href: string; label: string }[];
}

export function renderStatusPage({ status, title, message, reason, links = [] }: StatusPageInput): RenderedPage {
  const body = html`<main class="status">
<p class="code">${status === 410 ? "410 · Withdrawn" : "404 · Not found"}</p>
<h1>${title}</h1>
<p>${message}</p>
${reason ? html`<p class="reason">${reason}</p>` : ""}
${links.map((l) => html`<p><a href="${l.href}">${l.label}</a></p>`)}
</main>`;
  return documentShell({ title: `${title} · Factmark`, noindex: status === 404, body });
}
