import { createHash } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { CSV_COLUMNS, exportCsv, neutralizeCell, rowsToCsv, csvRows } from "./csv";
import { contentDisposition, exportFilename, safeSlug } from "./filename";
import { exportHtml, sanitizeRationale } from "./html";
import { EXPORT_FORMAT_KEYS, exportArticle, parseExportFormat } from "./index";
import { exportMarkdown, mdEscape } from "./markdown";
import { summarizeVerdicts } from "./summary";
import { ARABIC, CRIMEA, CYRILLIC, emptyBundle, sampleBundle, unicodeBundle } from "./test-fixtures";
import { htmlToText, INTERNAL_NOTICE, NO_CLAIMS_MESSAGE, quoteInContext, revisionLabel } from "./text";
import { buildAnnotationCollection, exportW3c } from "./w3c";

function parseCsv(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe("text helpers and summary", () => {
  it("turns rationale HTML into readable text", () => {
    expect(htmlToText('<p>One &amp; <strong>two</strong></p><p>See <a href="https://x.example/a?b=1&amp;c=2">the record</a>.</p><ul><li>A</li><li>B</li></ul>')).toBe(
      "One & two\n\nSee the record (https://x.example/a?b=1&c=2).\n\n• A\n• B",
    );
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<p>&#1056;&#x43e;ss&nbsp;ia&hellip;</p>")).toBe("Роss ia…");
  });

  it("shows the quote in its context with ellipses", () => {
    expect(quoteInContext({ prefix: "the fall,\n Mr ", exact: "Putin", suffix: " has ordered" })).toEqual({ before: "…the fall, Mr ", exact: "Putin", after: " has ordered…" });
    expect(quoteInContext({ prefix: "", exact: "Putin", suffix: "" })).toEqual({ before: "", exact: "Putin", after: "" });
  });

  it("counts verdicts in scale order with a not-rated bucket", () => {
    const s = summarizeVerdicts(sampleBundle("all"));
    expect(s.total).toBe(5);
    expect(s.counts.map((c) => [c.label, c.count])).toEqual([
      ["True", 2],
      ["Mostly true", 0],
      ["Half true", 0],
      ["Mostly false", 1],
      ["False", 0],
      ["Misleading", 1],
      ["Unproven", 0],
      ["Not rated", 1],
    ]);
    expect(s.sentence).toBe("5 claims checked: 2 True, 1 Mostly false, 1 Misleading, 1 Not rated");
    expect(summarizeVerdicts(emptyBundle()).sentence).toBe(NO_CLAIMS_MESSAGE);
  });
});

describe("file names and formats", () => {
  it("names files <slug>-<date>.<ext>", () => {
    expect(exportFilename("biden-putin-talk", "pdf", "2022-01-03T09:15:00.000Z")).toBe("biden-putin-talk-2022-01-03.pdf");
    expect(safeSlug("Ça suffit! / Крым")).toBe("ca-suffit");
    expect(safeSlug("Крым")).toBe("article");
    expect(contentDisposition("a-2022-01-03.pdf")).toBe(`attachment; filename="a-2022-01-03.pdf"; filename*=UTF-8''a-2022-01-03.pdf`);
  });

  it("refuses an unknown format with a message listing the formats", () => {
    expect(parseExportFormat("pdf")).toBe("pdf");
    for (const bad of ["xlsx", "", undefined, "__proto__", "toString"]) {
      try {
        parseExportFormat(bad);
        expect.unreachable(`${String(bad)} should be refused`);
      } catch (e) {
        expect(isAppError(e) && e.code).toBe("BAD_REQUEST");
        expect((e as Error).message).toContain("pdf, docx, md, csv, html, w3c, claimreview");
      }
    }
  });

  it("exports the sample article in every format with its content type and file name", async () => {
    const bundle = sampleBundle("published");
    for (const format of EXPORT_FORMAT_KEYS) {
      const file = await exportArticle(bundle, format);
      expect(file.body.byteLength, format).toBeGreaterThan(200);
      expect(file.filename, format).toMatch(/^biden-putin-talk-2022-01-03\.[a-z.]+$/);
      expect(file.contentType, format).toBeTruthy();
    }
  });
});

describe("CSV export", () => {
  it("has the documented columns and one row per claim, parsed back with papaparse", () => {
    const bundle = sampleBundle("all");
    const parsed = parseCsv(exportCsv(bundle));
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(bundle.claims.length);
    const crimea = parsed.data.find((r) => r.claim_id === "c-crimea")!;
    expect(crimea).toMatchObject({
      article_slug: "biden-putin-talk",
      quote: CRIMEA,
      statement: "Russia annexed Crimea from Ukraine in 2014.",
      verdict_key: "true",
      verdict: "True",
      rating_value: "5",
      status: "PUBLISHED",
      source_count: "2",
      claim_url: "https://factmark.example/r/biden-putin-talk#claim-c-crimea",
      reviewer: "Ada Admin",
    });
    expect(crimea.sources.split("\n")[0]).toBe("Supports: UN General Assembly resolution 68/262 https://digitallibrary.un.org/record/767565");
    expect(crimea.rationale).toContain("resolution 68/262 (https://digitallibrary.un.org/record/767565)");
    expect(Number(crimea.end) - Number(crimea.start)).toBe(CRIMEA.length);
    expect(crimea.article_revision).toBe("2");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const s of ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(neutralizeCell(s)).toBe(`'${s}`);
    expect(neutralizeCell("Plain")).toBe("Plain");
    const bundle = sampleBundle("published");
    bundle.claims[0] = { ...bundle.claims[0], statement: "=cmd|' /C calc'!A0", claimant: "@attacker", rationale: "<p>-1+1</p>" };
    const row = parseCsv(rowsToCsv(csvRows(bundle))).data[0];
    expect(row.statement).toBe("'=cmd|' /C calc'!A0");
    expect(row.claimant).toBe("'@attacker");
    expect(row.rationale).toBe("'-1+1");
  });

  it("keeps Unicode and multi-line cells intact; an empty article is a header only", () => {
    const rows = parseCsv(exportCsv(unicodeBundle())).data;
    expect(rows.map((r) => r.quote)).toEqual(expect.arrayContaining([CYRILLIC, ARABIC]));
    expect(rows.find((r) => r.claim_id === "u-cyr")!.sources.split("\n")).toHaveLength(40);
    const empty = parseCsv(exportCsv(emptyBundle()));
    expect(empty.data).toEqual([]);
    expect(empty.meta.fields).toEqual([...CSV_COLUMNS]);
  });
});

describe("Markdown export", () => {
  it("has the title, summary table, each claim with quote in context, verdict, rationale and linked sources", () => {
    const md = exportMarkdown(sampleBundle("all"));
    expect(md.startsWith("# Biden, Putin Talk")).toBe(true);
    expect(md).toContain(`> **${mdEscape(INTERNAL_NOTICE)}**`);
    expect(md).toContain("| True | 2 | 40% |");
    expect(md).toContain("**Russia annexed Crimea from Ukraine in 2014**");
    expect(md).toContain("- **Verdict:** True");
    expect(md).toContain("- **Status:** Draft");
    expect(md).toContain("[UN General Assembly resolution 68/262](<https://digitallibrary.un.org/record/767565>) (Supports · United Nations");
    expect(md).toContain("[archived](<https://web.archive.org/web/2021/https://www.britannica.com/event/Crimea-annexation-2014>)");
    expect(md).toContain("## Corrections");
  });

  it("names the text revision its quotes refer to", () => {
    const bundle = sampleBundle("all");
    expect(exportMarkdown(bundle)).toContain(`Article text`);
    expect(exportMarkdown(bundle)).toContain(revisionLabel(bundle)!);
    expect(revisionLabel(bundle)).toMatch(/^Revision 2 · sha256 [0-9a-f]{8}/);
  });

  it("escapes user text so it cannot become links, HTML or headings", () => {
    const bundle = sampleBundle("published");
    bundle.claims[0] = { ...bundle.claims[0], statement: "[click](javascript:alert(1)) <img src=x onerror=alert(1)>", rationale: "<p># not a heading</p>" };
    const md = exportMarkdown(bundle);
    expect(md).not.toContain("[click](javascript");
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain("\\<img");
    expect(md).toContain("\\# not a heading");
  });

  it("says so for an article without claims", () => {
    const md = exportMarkdown(emptyBundle());
    expect(md).toContain(NO_CLAIMS_MESSAGE);
    expect(md).not.toContain("## Claims");
  });
});

describe("HTML export", () => {
  it("is one offline page: inline CSS, no scripts, no external resources, highlights and claims", () => {
    const bundle = sampleBundle("all");
    const html = exportHtml(bundle);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain(INTERNAL_NOTICE);
    // Highlights: one <mark> piece per claim range, overlapping claims marked as such.
    expect(html).toMatch(/<mark class="overlap" style="background:#[0-9a-f]{6}" title="Claim \d: True; Claim \d: Misleading">Russia annexed Crimea from Ukraine in 2014<\/mark>/);
    for (const claim of bundle.claims) expect(html).toContain(`id="claim-${claim.id}"`);
    expect(html).toContain('<a href="https://digitallibrary.un.org/record/767565" rel="noopener noreferrer nofollow">UN General Assembly resolution 68/262</a>');
    expect(html).toContain("<strong>March 2014</strong>");
  });

  it("escapes and sanitises everything that comes from users", () => {
    const bundle = sampleBundle("published");
    bundle.article = { ...bundle.article, title: "<script>alert(1)</script>" };
    bundle.claims[0] = {
      ...bundle.claims[0],
      statement: '<img src=x onerror="alert(1)">',
      rationale: '<p onclick="x()">ok <a href="javascript:alert(1)">bad</a><script>alert(2)</script><iframe src="https://evil.example"></iframe></p>',
      sources: [{ ...bundle.claims[0].sources[0], url: "javascript:alert(3)", title: "<b>t</b>" }],
    };
    const html = exportHtml(bundle);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<[^>]*\son(click|error)=/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(sanitizeRationale('<p>ok <a href="https://a.example">a</a></p>')).toBe('<p>ok <a href="https://a.example" rel="noopener noreferrer nofollow">a</a></p>');
  });

  it("keeps right-to-left and Cyrillic text with dir=auto, and says so when there are no claims", () => {
    const html = exportHtml(unicodeBundle());
    expect(html).toContain(ARABIC);
    expect(html).toContain(CYRILLIC);
    expect(html).toContain('dir="auto"');
    expect(exportHtml(emptyBundle())).toContain(NO_CLAIMS_MESSAGE);
  });
});

describe("W3C Web Annotation export", () => {
  it("is an AnnotationCollection of assessing Annotations with both selectors and verdict, rationale and source bodies", () => {
    const bundle = sampleBundle("published");
    const parsed = JSON.parse(exportW3c(bundle)) as ReturnType<typeof buildAnnotationCollection>;
    expect(parsed).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: bundle.claims.length });
    const page = parsed.first as { type: string; items: Array<Record<string, unknown>> };
    expect(page.type).toBe("AnnotationPage");
    const crimea = page.items.find((a) => String(a.id).endsWith("#claim-c-crimea"))!;
    const claim = bundle.claims.find((c) => c.id === "c-crimea")!;
    expect(crimea).toMatchObject({
      type: "Annotation",
      motivation: "assessing",
      created: claim.createdAt,
      modified: claim.updatedAt,
      creator: { type: "Person", name: "Eddie Editor" },
      target: {
        // The text revision the selectors were made on, so they resolve against the right text.
        source: { id: "https://news.example/world/biden-putin-talk", type: "Text", revision: 2, contentHash: `sha256:${createHash("sha256").update(bundle.article.canonicalText).digest("hex")}` },
        selector: [
          { type: "TextQuoteSelector", exact: CRIMEA, prefix: claim.prefix, suffix: claim.suffix },
          { type: "TextPositionSelector", start: claim.start, end: claim.end },
        ],
      },
    });
    expect((crimea["@context"] as unknown[])[0]).toBe("http://www.w3.org/ns/anno.jsonld");
    const body = crimea.body as Array<Record<string, unknown>>;
    expect(body).toContainEqual({ type: "TextualBody", purpose: "assessing", value: "True", format: "text/plain" });
    expect(body.find((b) => b.purpose === "commenting")).toMatchObject({ format: "text/html", value: claim.rationale });
    const sources = body.filter((b) => b.type === "SpecificResource");
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatchObject({ purpose: "linking", stance: "supports", source: { id: "https://digitallibrary.un.org/record/767565" } });
    // The selectors really select the quote in the canonical text.
    expect(bundle.article.canonicalText.slice(claim.start, claim.end)).toBe(claim.exact);
  });

  it("is an empty collection for an article without claims", () => {
    const parsed = JSON.parse(exportW3c(emptyBundle())) as { total: number; first?: unknown };
    expect(parsed.total).toBe(0);
    expect(parsed.first).toBeUndefined();
  });
});
