import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as EXPORT_ARTICLE } from "@/app/api/v1/articles/[id]/export/route";
import { GET as EXPORT_ARTICLES_LIST } from "@/app/api/v1/exports/articles/route";
import { GET as EXPORT_WORKSPACE } from "@/app/api/v1/exports/route";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/schemas/enums";
import type { ReportBundle } from "@/lib/schemas/report";
import { exportMarkdown } from "@/lib/exporting/markdown";
import { buildReportBundle } from "@/lib/server/reports/build-report-bundle";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low.", "Inflation hit 9 percent last year."];

async function addClaim(opts: { articleId: string; text: string; exact: string; status: ClaimStatus; userId: string; approvedById?: string; statement: string; verdictKey?: string | null; deleted?: boolean }) {
  const start = opts.text.indexOf(opts.exact);
  const approved = opts.status === "APPROVED" || opts.status === "PUBLISHED";
  return db.claim.create({
    data: {
      articleId: opts.articleId,
      exact: opts.exact,
      prefix: opts.text.slice(Math.max(0, start - 20), start),
      suffix: opts.text.slice(start + opts.exact.length, start + opts.exact.length + 20),
      start,
      end: start + opts.exact.length,
      statement: opts.statement,
      claimant: "A Politician",
      verdictKey: opts.verdictKey === undefined ? "true" : opts.verdictKey,
      rationale: "<p>Checked against <strong>the UN record</strong>.</p>",
      status: opts.status,
      approvedById: approved ? (opts.approvedById ?? opts.userId) : null,
      approvedAt: approved ? new Date() : null,
      createdById: opts.userId,
      updatedById: opts.userId,
      deletedAt: opts.deleted ? new Date() : null,
      sources: {
        create: [
          { url: "https://digitallibrary.un.org/record/767565", title: "UN resolution 68/262", stance: "SUPPORTS", position: 0, createdById: opts.userId },
          { url: "https://records.example/context", title: "=HYPERLINK(\"x\")", stance: "CONTEXT", position: 1, createdById: opts.userId },
        ],
      },
    },
  });
}

type Ws = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

async function setup(ws: Ws, opts: { publish: boolean; title?: string }) {
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT, title: opts.title });
  const text = article.canonicalText;
  const crimea = await addClaim({ articleId: article.id, text, exact: "Russia annexed Crimea from Ukraine in 2014", status: "APPROVED", userId: ws.users.editor.id, approvedById: ws.users.editor2.id, statement: "Russia annexed Crimea in 2014." });
  const draft = await addClaim({ articleId: article.id, text, exact: "The war has been running low", status: "DRAFT", userId: ws.users.editor.id, statement: "SECRET DRAFT statement", verdictKey: "false" });
  const trashed = await addClaim({ articleId: article.id, text, exact: "Inflation hit 9 percent", status: "APPROVED", userId: ws.users.editor.id, statement: "TRASHED statement", deleted: true });
  if (opts.publish) await publishArticle({ actor: ws.actors.editor, articleId: article.id });
  return { article, crimea, draft, trashed };
}

describe("buildReportBundle", () => {
  let ws: Ws;
  let published: Awaited<ReturnType<typeof setup>>;
  let unpublished: Awaited<ReturnType<typeof setup>>;

  const publishedSetup = () => published;

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    published = await setup(ws, { publish: true });
    unpublished = await setup(ws, { publish: false });
  });

  it("scope published: the publication snapshot, no drafts or trashed claims, reviewer and organisation filled in", async () => {
    const bundle = await buildReportBundle({ actor: ws.actors.reader, articleId: published.article.id, scope: "published" });
    expect(bundle.scope).toBe("published");
    expect(bundle.claims.map((c) => c.statement)).toEqual(["Russia annexed Crimea in 2014."]);
    const [claim] = bundle.claims;
    expect(claim).toMatchObject({ status: "PUBLISHED", verdict: { key: "true", label: "True", ratingValue: 5 }, reviewer: { name: "Erin Editor" }, author: { name: "Eddie Editor" } });
    expect(claim.sources.map((s) => [s.title, s.stance])).toEqual([["UN resolution 68/262", "SUPPORTS"], ['=HYPERLINK("x")', "CONTEXT"]]);
    expect(bundle.organization).toEqual({ name: "Test Checkers", url: "https://checkers.example", requireIndependentApproval: true, locale: "en-GB" });
    expect(bundle.article.readerUrl).toMatch(new RegExp(`/r/${published.article.slug}$`));
    expect(bundle.article.firstPublishedAt).not.toBeNull();
    expect(bundle.scale.verdicts.length).toBeGreaterThan(3);
    expect(bundle.article.canonicalText.slice(claim.start, claim.end)).toBe(claim.exact);
  });

  it("scope all: every live claim including drafts (editors), never trashed ones", async () => {
    const bundle = await buildReportBundle({ actor: ws.actors.editor, articleId: published.article.id, scope: "all" });
    expect(bundle.scope).toBe("all");
    const statements = bundle.claims.map((c) => c.statement);
    expect(statements).toEqual(["Russia annexed Crimea in 2014.", "SECRET DRAFT statement"]);
    expect(statements).not.toContain("TRASHED statement");
    expect(bundle.claims.find((c) => c.statement === "SECRET DRAFT statement")!.status).toBe("DRAFT");
  });

  it("readers cannot have scope all (FORBIDDEN) nor see unpublished articles (NOT_FOUND); outsiders see nothing", async () => {
    await expect(buildReportBundle({ actor: ws.actors.reader, articleId: published.article.id, scope: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(buildReportBundle({ actor: ws.actors.reader, articleId: unpublished.article.id, scope: "published" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(buildReportBundle({ actor: ws.actors.outsider, articleId: published.article.id, scope: "published" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(buildReportBundle({ actor: null, articleId: published.article.id, scope: "published" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("an article never published has no published claims: a valid, empty published report", async () => {
    const bundle = await buildReportBundle({ actor: ws.actors.editor, articleId: unpublished.article.id, scope: "published" });
    expect(bundle.claims).toEqual([]);
    expect(bundle.corrections).toEqual([]);
  });

  it("dates follow the workspace's locale now; a never-published article's report links no reader page", async () => {
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { locale: "en-US" } });
    try {
      const published = await buildReportBundle({ actor: ws.actors.reader, articleId: publishedSetup().article.id, scope: "published" });
      expect(published.organization.locale).toBe("en-US");
      const md = exportMarkdown(published);
      expect(md).toMatch(/- \*\*Fact-check published:\*\* [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      expect(md).toContain(`- **Reader page:** <${published.article.readerUrl}>`);
      expect(md).toContain("Checked against **the UN record**.");
      const draft = exportMarkdown(await buildReportBundle({ actor: ws.actors.editor, articleId: unpublished.article.id, scope: "all" }));
      expect(draft).toContain("- **Reader page:** Not published");
      expect(draft).not.toContain(`/r/${unpublished.article.slug}`);
    } finally {
      await db.workspace.update({ where: { id: ws.workspace.id }, data: { locale: "en-GB" } });
    }
  });

  it("lists corrections from later publications with their reason", async () => {
    await db.claim.update({ where: { id: published.crimea.id }, data: { statement: "Russia annexed Crimea from Ukraine in March 2014." } });
    await publishArticle({ actor: ws.actors.editor, articleId: published.article.id, reason: "Added the month of the annexation." });
    const bundle = await buildReportBundle({ actor: ws.actors.reader, articleId: published.article.id, scope: "published" });
    expect(bundle.corrections).toHaveLength(1);
    expect(bundle.corrections[0]).toMatchObject({ number: 2, reason: "Added the month of the annexation." });
    expect(bundle.corrections[0].changes.length).toBeGreaterThan(0);
    expect(bundle.claims[0].statement).toBe("Russia annexed Crimea from Ukraine in March 2014.");
  });
});

describe("export API", () => {
  let ws: Ws;
  let published: Awaited<ReturnType<typeof setup>>;
  let tokens: { editor: string; reader: string; outsider: string };

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    published = await setup(ws, { publish: true, title: "Crimea check: “quotes” & Ünïcode" });
    await setup(ws, { publish: false });
    tokens = {
      editor: (await createApiToken({ actor: ws.actors.editor, input: { name: "t" } })).token,
      reader: (await createApiToken({ actor: ws.actors.reader, input: { name: "t" } })).token,
      outsider: (await createApiToken({ actor: ws.actors.outsider, input: { name: "t" } })).token,
    };
  });

  const request = (url: string, token: string | null) =>
    new NextRequest(new URL(url, "http://localhost"), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
  const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
  const today = () => new Date().toISOString().slice(0, 10);

  it("downloads every format with its content type and an attachment file name <slug>-<date>.<ext>", async () => {
    const expected: Record<string, RegExp> = {
      pdf: /^application\/pdf$/,
      docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
      md: /^text\/markdown/,
      csv: /^text\/csv/,
      html: /^text\/html/,
      w3c: /^application\/ld\+json/,
      claimreview: /^application\/ld\+json/,
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await EXPORT_ARTICLE(request(`/api/v1/articles/${published.article.id}/export?format=${format}`, tokens.reader), idParams(published.article.id));
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type"), format).toMatch(type);
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition, format).toMatch(new RegExp(`^attachment; filename="${published.article.slug}-${today()}\\.[a-z.]+"`));
      const body = new Uint8Array(await res.arrayBuffer());
      expect(body.byteLength, format).toBeGreaterThan(100);
      if (format === "claimreview") {
        const reviews = JSON.parse(strFromU8(body)) as Array<{ claimReviewed: string; url: string }>;
        expect(reviews.map((r) => r.claimReviewed)).toEqual(["Russia annexed Crimea in 2014."]);
      }
      if (format === "md") expect(strFromU8(body)).not.toContain("SECRET DRAFT");
    }
  });

  it("an unknown format is 400 listing the formats; a bad scope is 400", async () => {
    const res = await EXPORT_ARTICLE(request(`/api/v1/articles/${published.article.id}/export?format=xlsx`, tokens.editor), idParams(published.article.id));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; details: { formats: string[] } } };
    expect(body.error.message).toContain("pdf, docx, md, csv, html, w3c, claimreview");
    expect(body.error.details.formats).toContain("w3c");
    const bad = await EXPORT_ARTICLE(request(`/api/v1/articles/${published.article.id}/export?format=pdf&scope=everything`, tokens.editor), idParams(published.article.id));
    expect(bad.status).toBe(400);
  });

  it("scope all is internal for editors, 403 for readers, 404 for outsiders", async () => {
    const url = `/api/v1/articles/${published.article.id}/export?format=csv&scope=all`;
    const res = await EXPORT_ARTICLE(request(url, tokens.editor), idParams(published.article.id));
    expect(res.status).toBe(200);
    const csv = (await res.text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.statement).sort()).toEqual(["Russia annexed Crimea in 2014.", "SECRET DRAFT statement"]);
    // The formula-like source title sits inside a cell that starts with its stance: inert text.
    expect(rows[0].sources).toMatch(/^Supports: UN resolution 68\/262 .*\nContext: =HYPERLINK/s);
    expect((await EXPORT_ARTICLE(request(url, tokens.reader), idParams(published.article.id))).status).toBe(403);
    expect((await EXPORT_ARTICLE(request(url, tokens.outsider), idParams(published.article.id))).status).toBe(404);
    // Signed out (no session outside a Next request scope here) is covered at the service level above.
  });

  it("workspace export: CSV of every article's claims, JSON bundles, a ZIP of per-article reports", async () => {
    const q = `workspace=${ws.workspace.slug}`;
    const csvRes = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=csv&scope=all`, tokens.editor), noParams);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-disposition")).toContain(`${ws.workspace.slug}-internal-${today()}.csv`);
    const rows = Papa.parse<Record<string, string>>((await csvRes.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(4); // two articles × (approved + draft)
    expect(new Set(rows.map((r) => r.article_id)).size).toBe(2);

    const jsonRes = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=json`, tokens.reader), noParams);
    expect(jsonRes.status).toBe(200);
    const json = (await jsonRes.json()) as { articleCount: number; articles: ReportBundle[] };
    // A reader sees only the published article, and only its published claims.
    expect(json.articleCount).toBe(1);
    expect(json.articles[0].claims.map((c) => c.statement)).toEqual(["Russia annexed Crimea in 2014."]);

    const zipRes = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=zip&articleFormat=md&scope=all`, tokens.editor), noParams);
    expect(zipRes.status).toBe(200);
    expect(zipRes.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    expect(Object.keys(files)).toHaveLength(2);
    for (const [name, bytes] of Object.entries(files)) {
      expect(name).toMatch(new RegExp(`-${today()}\\.md$`));
      expect(strFromU8(bytes)).toContain("Russia annexed Crimea in 2014.");
    }

    expect((await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=csv&scope=all`, tokens.reader), noParams)).status).toBe(403);
    expect((await EXPORT_WORKSPACE(request(`/api/v1/exports?workspace=${ws.otherWorkspace.slug}&format=csv`, tokens.editor), noParams)).status).toBe(404);
    const bad = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=xml`, tokens.editor), noParams);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("csv, json, zip");
  });

  it("filters by date range and lists the articles for client-side progress", async () => {
    const q = `workspace=${ws.workspace.slug}`;
    const list = await EXPORT_ARTICLES_LIST(request(`/api/v1/exports/articles?${q}&from=${today()}&to=${today()}`, tokens.editor), noParams);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { role: string; articles: Array<{ id: string }> };
    expect(body.role).toBe("EDITOR");
    expect(body.articles).toHaveLength(2);
    const past = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=json&from=2000-01-01&to=2000-12-31`, tokens.editor), noParams);
    expect(((await past.json()) as { articleCount: number }).articleCount).toBe(0);
    const reversed = await EXPORT_WORKSPACE(request(`/api/v1/exports?${q}&format=csv&from=2020-02-01&to=2020-01-01`, tokens.editor), noParams);
    expect(reversed.status).toBe(400);
  });
});
