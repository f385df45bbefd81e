import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { canonicalText } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { DEFAULT_SCALE } from "@/lib/scale/default-scale";
import type { ClaimStatus, Stance } from "@/lib/schemas/enums";
import type { ReportBundle, ReportClaim, ReportScale, ReportSource, ReportVerdict } from "@/lib/schemas/report";

// Report bundles for exporter tests and the benchmark, built from the project's sample
// article (../shared/fixtures/articles/biden-putin-scraped.txt beside the repository).

const BOILERPLATE = new Set([
  "- Advertisement -",
  "Stay on top - Get the daily news in your inbox",
  "DMCA / Correction Notice",
  "Recent Articles",
  "Related Stories",
]);

export function sharedDir(): string {
  return process.env.FACTMARK_SHARED_DIR ?? path.resolve(__dirname, "../../../shared");
}

export function sampleArticleText(): string {
  return readFileSync(path.join(sharedDir(), "fixtures/articles/biden-putin-scraped.txt"), "utf8");
}

/** The sample article as a document: first line is the title, the rest paragraphs without boilerplate. */
export function sampleDocument(): { title: string; doc: DocNode } {
  const blocks = sampleArticleText()
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b && !BOILERPLATE.has(b));
  const [title, ...paragraphs] = blocks;
  return {
    title,
    doc: { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
  };
}

export const TEST_SCALE: ReportScale = {
  name: DEFAULT_SCALE.name,
  bestRating: DEFAULT_SCALE.bestRating,
  worstRating: DEFAULT_SCALE.worstRating,
  verdicts: DEFAULT_SCALE.verdicts.map((v, i) => ({ ...v, order: i })),
};

export function verdict(key: string): ReportVerdict {
  const v = TEST_SCALE.verdicts.find((x) => x.key === key);
  if (!v) throw new Error(`No verdict ${key} in the test scale`);
  return v;
}

export function source(n: number, over: Partial<ReportSource> = {}): ReportSource {
  return {
    id: `src${n}`,
    url: `https://sources.example/doc-${n}`,
    title: `Source document ${n}`,
    publisher: "Example Archive",
    publishedOn: "2021-12-01",
    accessedOn: "2021-12-31",
    excerpt: null,
    stance: "CONTEXT" as Stance,
    archiveUrl: null,
    ...over,
  };
}

export interface ClaimSpec {
  id: string;
  exact: string;
  /** Which occurrence of `exact` (default the first). */
  occurrence?: number;
  statement: string;
  claimant?: string | null;
  verdict?: string | null;
  rationale?: string;
  status?: ClaimStatus;
  sources?: ReportSource[];
  reviewer?: boolean;
}

/** A claim anchored at `start` in `text` (quote and position selectors). */
export function claimAt(text: string, start: number, spec: ClaimSpec): ReportClaim {
  const end = start + spec.exact.length;
  const status = spec.status ?? "PUBLISHED";
  const approved = status === "APPROVED" || status === "PUBLISHED";
  return {
    id: spec.id,
    exact: spec.exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
    claimant: spec.claimant ?? null,
    statement: spec.statement,
    verdict: spec.verdict ? verdict(spec.verdict) : null,
    rationale: spec.rationale ?? "",
    status,
    author: { id: "u-eddie", name: "Eddie Editor" },
    reviewer: approved && spec.reviewer !== false ? { id: "u-ada", name: "Ada Admin" } : null,
    createdAt: "2021-12-30T09:00:00.000Z",
    updatedAt: "2021-12-30T15:30:00.000Z",
    approvedAt: approved ? "2021-12-30T14:00:00.000Z" : null,
    publishedAt: status === "PUBLISHED" ? "2021-12-31T08:00:00.000Z" : null,
    sources: spec.sources ?? [],
  };
}

/** Turns claim specs into claims anchored in `text`, in document order. */
export function anchorClaims(text: string, specs: ClaimSpec[]): ReportClaim[] {
  const claims = specs.map((spec): ReportClaim => {
    let start = -1;
    for (let i = 0; i <= (spec.occurrence ?? 0); i++) start = text.indexOf(spec.exact, start + 1);
    if (start < 0) throw new Error(`Quote not in the article: ${spec.exact}`);
    return claimAt(text, start, spec);
  });
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}

export const CRIMEA = "Russia annexed Crimea from Ukraine in 2014";

export const SAMPLE_CLAIMS: ClaimSpec[] = [
  {
    id: "c-crimea",
    exact: CRIMEA,
    statement: "Russia annexed Crimea from Ukraine in 2014.",
    claimant: "Michael R. Gordon",
    verdict: "true",
    rationale:
      '<p>Russia annexed Crimea in <strong>March 2014</strong> after a referendum held under military occupation.</p><p>The UN General Assembly affirmed Ukraine\'s territorial integrity in <a href="https://digitallibrary.un.org/record/767565">resolution 68/262</a>.</p>',
    sources: [
      source(1, { url: "https://digitallibrary.un.org/record/767565", title: "UN General Assembly resolution 68/262", publisher: "United Nations", stance: "SUPPORTS", publishedOn: "2014-03-27" }),
      source(2, { url: "https://www.britannica.com/event/Crimea-annexation-2014", title: "Annexation of Crimea (2014)", publisher: "Britannica", stance: "SUPPORTS", archiveUrl: "https://web.archive.org/web/2021/https://www.britannica.com/event/Crimea-annexation-2014" }),
    ],
  },
  {
    id: "c-war-low",
    exact: "Russia annexed Crimea from Ukraine in 2014, and the war between Kiev and Russian-backed separatists has been running low",
    statement: "The war in eastern Ukraine has been running low since 2014.",
    claimant: "Michael R. Gordon",
    verdict: "misleading",
    rationale:
      "<p>Fighting in Donbas continued at a lower intensity after the 2015 Minsk agreements, but the OSCE recorded thousands of ceasefire violations in 2021.</p><ul><li>OSCE SMM daily reports</li><li>UN OHCHR casualty figures</li></ul>",
    sources: [
      source(3, { url: "https://www.osce.org/ukraine-smm/reports", title: "OSCE Special Monitoring Mission daily reports", publisher: "OSCE", stance: "REFUTES" }),
      source(4, { url: "https://www.ohchr.org/en/countries/ukraine", title: "Conflict-related civilian casualties", publisher: "OHCHR", stance: "CONTEXT" }),
    ],
  },
  {
    id: "c-troops",
    exact: "Mr Putin has ordered a mass dispatch of troops to Ukraine",
    statement: "Putin has sent a mass of troops into Ukraine.",
    claimant: "US and European officials",
    verdict: "mostly-false",
    rationale: "<p>In December 2021 the troops were massed <em>near</em> Ukraine's border, not inside Ukraine.</p>",
    sources: [source(5, { url: "https://www.reuters.com/world/europe/", title: "Satellite images show Russian build-up near Ukraine", publisher: "Reuters", stance: "REFUTES" })],
  },
  {
    id: "c-nuclear",
    exact: "a nuclear war cannot be won",
    statement: "Reagan and Gorbachev agreed that a nuclear war cannot be won.",
    claimant: "Ronald Reagan and Mikhail Gorbachev",
    verdict: "true",
    rationale: "<p>The joint statement of the 1985 Geneva summit says so &amp; adds it &ldquo;must never be fought&rdquo;.</p>",
    sources: [source(6, { url: "https://www.reaganlibrary.gov/archives/speech/joint-soviet-united-states-statement-summit-meeting-geneva", title: "Joint Soviet–United States Statement", publisher: "Reagan Library", stance: "SUPPORTS" })],
  },
  {
    id: "c-treaty",
    exact: "The treaty was issued in English and Russian versions",
    statement: "The draft treaty was published in English and Russian.",
    claimant: "Russia's foreign ministry",
    verdict: null,
    rationale: "<p>Still checking the ministry website.</p>",
    status: "DRAFT",
    sources: [],
  },
];

export function bundleFor(opts: {
  title: string;
  doc: DocNode;
  specs: ClaimSpec[];
  scope?: "published" | "all";
  slug?: string;
  language?: string | null;
}): ReportBundle {
  const text = canonicalText(opts.doc);
  const scope = opts.scope ?? "all";
  const all = anchorClaims(text, opts.specs);
  return {
    scope,
    article: {
      id: "a-sample",
      slug: opts.slug ?? "biden-putin-talk",
      title: opts.title,
      byline: "Michael R. Gordon",
      sourceUrl: "https://news.example/world/biden-putin-talk",
      siteName: "Example News",
      publishedAt: "2021-12-30T12:00:00.000Z",
      language: opts.language === undefined ? "en" : opts.language,
      excerpt: "Moscow builds troops near Ukraine and issues demands to NATO and the US",
      document: opts.doc,
      canonicalText: text,
      status: "PUBLISHED",
      firstPublishedAt: "2021-12-31T08:00:00.000Z",
      lastPublishedAt: "2022-01-02T10:00:00.000Z",
      readerUrl: `https://factmark.example/r/${opts.slug ?? "biden-putin-talk"}`,
      revision: { number: 2, contentHash: createHash("sha256").update(text).digest("hex") },
    },
    claims: scope === "all" ? all : all.filter((c) => c.status === "PUBLISHED"),
    scale: TEST_SCALE,
    organization: { name: "Test Checkers", url: "https://checkers.example" },
    corrections: [
      {
        number: 2,
        reason: "A source link pointed to the wrong UN record.",
        changes: ["Claim “Russia annexed Crimea from Ukraine in 2014.”: sources changed"],
        createdAt: "2022-01-02T10:00:00.000Z",
      },
    ],
    generatedAt: "2022-01-03T09:15:00.000Z",
  };
}

/** The sample article with its claims (scope "all" includes the draft). */
export function sampleBundle(scope: "published" | "all" = "all"): ReportBundle {
  const { title, doc } = sampleDocument();
  return bundleFor({ title, doc, specs: SAMPLE_CLAIMS, scope });
}

export function emptyBundle(): ReportBundle {
  const { title, doc } = sampleDocument();
  return { ...bundleFor({ title, doc, specs: [], scope: "published" }), corrections: [] };
}

export const CYRILLIC = "Россия аннексировала Крым в 2014 году";
export const ARABIC = "ضمت روسيا شبه جزيرة القرم في عام 2014";
export const ACCENTED = "Le président a déclaré à Genève : « Ça suffit » — Zürich, São Paulo, Łódź";

/** Unicode, right-to-left text, a very long rationale and many sources. */
export function unicodeBundle(): ReportBundle {
  const doc: DocNode = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: `${CYRILLIC}, — сказал министр.` }] },
      { type: "paragraph", content: [{ type: "text", text: `قال الوزير: ${ARABIC}.` }] },
      { type: "paragraph", content: [{ type: "text", text: ACCENTED }] },
    ],
  };
  const longRationale = Array.from(
    { length: 60 },
    (_, i) => `<p>Paragraph ${i + 1} of the rationale: the evidence was checked against primary documents, archives and interviews, and every figure was re-computed independently by two members of the desk.</p>`,
  ).join("");
  const manySources = Array.from({ length: 40 }, (_, i) =>
    source(100 + i, { stance: (["SUPPORTS", "REFUTES", "CONTEXT"] as const)[i % 3], title: i % 2 ? `Источник ${i}` : `مصدر ${i}` }),
  );
  return {
    ...bundleFor({
      title: "Крым / القرم / Genève",
      slug: "unicode-sample",
      doc,
      language: null,
      specs: [
        { id: "u-cyr", exact: CYRILLIC, statement: "Россия аннексировала Крым в 2014 году.", claimant: "Министр иностранных дел", verdict: "true", rationale: "<p>Подтверждено резолюцией ООН 68/262.</p>", sources: manySources },
        { id: "u-ar", exact: ARABIC, statement: ARABIC, claimant: "الوزير", verdict: "false", rationale: `<p>${ARABIC}</p>` },
        { id: "u-fr", exact: ACCENTED, statement: ACCENTED, claimant: "Élodie Müller-Łukasiewicz", verdict: "half-true", rationale: longRationale },
      ],
    }),
    corrections: [],
  };
}

/** An article of `count` claims (for the benchmark): the sample paragraphs repeated, one claim per paragraph. */
export function largeBundle(count: number): ReportBundle {
  const { title, doc: sample } = sampleDocument();
  const paragraphs: DocNode["content"] = [];
  while (paragraphs.length < count) paragraphs.push(...sample.content);
  const doc: DocNode = { type: "doc", content: paragraphs.slice(0, count) };
  const text = canonicalText(doc);
  const keys = TEST_SCALE.verdicts.map((v) => v.key);
  const claims: ReportClaim[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    // Each claim quotes the first 60 characters of its own paragraph.
    const exact = text.slice(start, start + 60);
    claims.push(
      claimAt(text, start, {
        id: `c${i}`,
        exact,
        statement: `Claim ${i}: ${exact.trim()}`,
        claimant: i % 2 ? "US officials" : "Vladimir Putin",
        verdict: keys[i % keys.length],
        rationale: `<p>Rationale ${i}: checked against <a href="https://sources.example/${i}">the record</a>.</p>`,
        sources: [source(i * 2, { stance: "SUPPORTS" }), source(i * 2 + 1, { stance: "REFUTES" })],
      }),
    );
    start = text.indexOf("\n\n", start) + 2;
  }
  return { ...bundleFor({ title, doc, specs: [], scope: "published" }), claims };
}
