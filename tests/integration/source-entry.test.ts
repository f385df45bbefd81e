import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { createClaim } from "@/lib/server/claims/create-claim";
import { addSource } from "@/lib/server/sources/add-source";
import { suggestSources } from "@/lib/server/sources/suggest-sources";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";
import { allowFetchingFrom, startLocalSite, type LocalSite } from "./local-site";

// Fast source entry: a pasted URL is read on the server (through the SSRF-safe fetcher), and
// sources already cited in the workspace are suggested, never those of another workspace.

let site: LocalSite;
let host: string;

const PAGE = `<html><head><title>Fleet report | Transport Office</title>
<meta property="og:site_name" content="Transport Office"><meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><p>Report.</p></body></html>`;

beforeAll(async () => {
  site = await startLocalSite({
    "/fleet": { type: "text/html; charset=utf-8", body: PAGE },
    "/report.pdf": { type: "application/pdf", body: "%PDF-1.4" },
  });
  host = site.host;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await site.close();
});

async function lookUp(allow: boolean) {
  allowFetchingFrom(allow ? host : null);
  return (await import("@/lib/server/sources/look-up-source-url")).lookUpSourceUrl;
}

async function claimIn(ws: Awaited<ReturnType<typeof createWorkspaceWithMembers>>, text: string) {
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: [text] });
  const { quote, position } = describeRange(text, { start: 0, end: 10 });
  return createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [quote, position] } } });
}

describe("source lookup", () => {
  it("fills title (without the site suffix), publisher and date from the page", async () => {
    const ws = await createWorkspaceWithMembers();
    const lookUpSourceUrl = await lookUp(true);
    expect(await lookUpSourceUrl({ actor: ws.actors.editor, input: { url: `http://${host}/fleet` } })).toEqual({
      url: `http://${host}/fleet`,
      finalUrl: `http://${host}/fleet`,
      title: "Fleet report",
      publisher: "Transport Office",
      publishedOn: "2024-03-05",
      note: null,
    });
  });

  it("a refused or failed fetch answers empty fields and a note that says what to do", async () => {
    const ws = await createWorkspaceWithMembers();
    const lookUpSourceUrl = await lookUp(false);
    const refused = await lookUpSourceUrl({ actor: ws.actors.editor, input: { url: `http://${host}/fleet` } });
    expect(refused).toMatchObject({ title: null, publisher: null, publishedOn: null, finalUrl: null });
    expect(refused.note).toMatch(/^Nothing filled in: .*public web addresses.* Type the details yourself\.$/);

    const allowed = await lookUp(true);
    const pdf = await allowed({ actor: ws.actors.editor, input: { url: `http://${host}/report.pdf` } });
    expect(pdf.note).toBe("Nothing filled in: the address is not a web page (application/pdf). Type the title, publisher and date yourself.");
    const missing = await allowed({ actor: ws.actors.editor, input: { url: `http://${host}/gone` } });
    expect(missing.note).toMatch(/404/);
    expect(missing.note).not.toMatch(/paste the article/);
  });

  it("readers and anonymous callers cannot use the fetcher", async () => {
    const ws = await createWorkspaceWithMembers();
    const lookUpSourceUrl = await lookUp(true);
    await expect(lookUpSourceUrl({ actor: ws.actors.reader, input: { url: `http://${host}/fleet` } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lookUpSourceUrl({ actor: null, input: { url: `http://${host}/fleet` } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(lookUpSourceUrl({ actor: ws.actors.editor, input: { url: "javascript:alert(1)" } })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("source suggestions", () => {
  it("match title, URL or publisher case-insensitively, one per URL, newest first, without the claim's own", async () => {
    const ws = await createWorkspaceWithMembers();
    const first = await claimIn(ws, "The bus fleet grew by half last year.");
    const second = await claimIn(ws, "Ridership stayed flat over the year.");
    await addSource({ actor: ws.actors.editor, claimId: first.id, input: { url: "https://transport.example/fleet", title: "Fleet Report 2024", publisher: "Transport Office" } });
    await addSource({ actor: ws.actors.editor, claimId: first.id, input: { url: "https://stats.example/riders", title: "Ridership statistics" } });
    await addSource({ actor: ws.actors.editor2, claimId: second.id, input: { url: "https://transport.example/fleet", title: null } });
    const third = await claimIn(ws, "Fares went up twice.");

    const fleet = await suggestSources({ actor: ws.actors.editor, claimId: third.id, query: { q: "fleet" } });
    expect(fleet.suggestions).toEqual([expect.objectContaining({ url: "https://transport.example/fleet", title: "Fleet Report 2024", publisher: "Transport Office", uses: 2 })]);
    expect((await suggestSources({ actor: ws.actors.editor, claimId: third.id, query: { q: "STATS.example" } })).suggestions.map((s) => s.url)).toEqual(["https://stats.example/riders"]);
    expect((await suggestSources({ actor: ws.actors.editor, claimId: third.id, query: {} })).suggestions.map((s) => s.url)).toEqual([
      "https://transport.example/fleet",
      "https://stats.example/riders",
    ]);
    // The claim's own sources are not suggested again.
    expect((await suggestSources({ actor: ws.actors.editor, claimId: second.id, query: { q: "fleet" } })).suggestions).toEqual([]);
  });

  it("stay inside the workspace and are for editors only", async () => {
    const ws = await createWorkspaceWithMembers();
    const other = await createWorkspaceWithMembers();
    const mine = await claimIn(ws, "The bus fleet grew by half last year.");
    const theirs = await claimIn(other, "Something else entirely here.");
    await addSource({ actor: other.actors.editor, claimId: theirs.id, input: { url: "https://secret.example/fleet", title: "Secret fleet memo" } });
    expect((await suggestSources({ actor: ws.actors.editor, claimId: mine.id, query: { q: "fleet" } })).suggestions).toEqual([]);
    await expect(suggestSources({ actor: ws.actors.outsider, claimId: mine.id, query: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(suggestSources({ actor: ws.actors.reader, claimId: mine.id, query: {} })).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
  });
});
