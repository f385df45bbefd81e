import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { linkClaim, unlinkClaim } from "@/lib/server/claim-links/link-claim";
import { listClaimLinks } from "@/lib/server/claim-links/list-claim-links";
import { createClaim } from "@/lib/server/claims/create-claim";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";
import { buildSnapshot } from "@/lib/server/publishing/build-snapshot";
import { renderReaderPage } from "@/lib/reader/render-reader";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const EARLIER = [
  "Russia annexed Crimea from Ukraine in 2014, the president said.",
  "Russia annexed part of Georgia in 2008, officials claimed.",
  "Inflation is at a 40-year high, according to the finance minister.",
  "Crimea is a peninsula with mild winters and many tourists.",
];
const LATER = ["In 2014 Crimea was annexed by Russia, a spokesman repeated on Monday."];

function target(paragraphs: string[], quote: string) {
  const text = paragraphs.join("\n\n");
  const start = text.indexOf(quote);
  const { quote: q, position } = describeRange(text, { start, end: start + quote.length });
  return { selector: [q, position] };
}

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const first = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: EARLIER });
  const second = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: LATER });
  const make = (articleId: string, paragraphs: string[], quote: string, extra: Record<string, unknown> = {}) =>
    createClaim({ actor: ws.actors.editor, articleId, input: { target: target(paragraphs, quote), ...extra } });
  const crimea = await make(first.id, EARLIER, "Russia annexed Crimea from Ukraine in 2014", { verdict: "true", rationale: "<p>The <b>2014</b> annexation is documented.</p>" });
  await db.source.create({ data: { claimId: crimea.id, url: "https://un.example/res-68-262", title: "UN resolution 68/262", stance: "SUPPORTS", createdById: ws.users.editor.id } });
  const georgia = await make(first.id, EARLIER, "Russia annexed part of Georgia in 2008");
  const inflation = await make(first.id, EARLIER, "Inflation is at a 40-year high");
  const tourists = await make(first.id, EARLIER, "Crimea is a peninsula with mild winters and many tourists");
  return { ...ws, first, second, make, crimea, georgia, inflation, tourists };
}

describe("checked before", () => {
  it("offers the exact claim first and a reworded one in the top 3, from other articles only", async () => {
    const s = await setup();
    const exact = await findSimilarClaims({ actor: s.actors.editor, articleId: s.second.id, text: "Russia annexed Crimea from Ukraine in 2014" });
    expect(exact[0]?.id).toBe(s.crimea.id);
    expect(exact[0]?.verdictKey).toBe("true");
    const reworded = await findSimilarClaims({ actor: s.actors.editor, articleId: s.second.id, text: "In 2014 Crimea was annexed by Russia" });
    expect(reworded.slice(0, 3).map((c) => c.id)).toContain(s.crimea.id);
    expect(reworded[0]?.id).toBe(s.crimea.id);
    expect(reworded.map((c) => c.id)).not.toContain(s.inflation.id);
    // Its own article's claims are not "earlier checks".
    expect(await findSimilarClaims({ actor: s.actors.editor, articleId: s.first.id, text: "Russia annexed Crimea from Ukraine in 2014" })).toEqual([]);
  });

  it("is for editors of the workspace only", async () => {
    const s = await setup();
    await expect(findSimilarClaims({ actor: s.actors.reader, articleId: s.second.id, text: "Crimea" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findSimilarClaims({ actor: s.actors.outsider, articleId: s.second.id, text: "Crimea" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("links a new claim to the earlier one, copies verdict, rationale and sources as a draft, and both show the link", async () => {
    const s = await setup();
    const later = await s.make(s.second.id, LATER, "In 2014 Crimea was annexed by Russia");
    const { claim, links } = await linkClaim({ actor: s.actors.editor, claimId: later.id, input: { toClaimId: s.crimea.id, copy: true } });
    expect(claim.status).toBe("DRAFT");
    expect(claim.verdict).toBe("true");
    expect(claim.rationale).toContain("annexation is documented");
    expect(claim.sources.map((x) => x.url)).toEqual(["https://un.example/res-68-262"]);
    expect(claim.version).toBe(later.version + 1);
    expect(links.map((l) => [l.id, l.direction])).toEqual([[s.crimea.id, "earlier"]]);
    expect((await listClaimLinks({ actor: s.actors.editor, claimId: s.crimea.id })).map((l) => [l.id, l.direction])).toEqual([[later.id, "later"]]);

    // Linking again is harmless; copying twice does not duplicate sources.
    const again = await linkClaim({ actor: s.actors.editor, claimId: later.id, input: { toClaimId: s.crimea.id, copy: true } });
    expect(again.claim.sources).toHaveLength(1);
    expect(again.links).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { claimId: later.id, action: { in: ["claim.link", "claim.copy-earlier-check"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["claim.copy-earlier-check", "claim.copy-earlier-check", "claim.link"]);

    // Readers see links only between published claims.
    expect(await listClaimLinks({ actor: s.actors.reader, claimId: later.id }).catch((e) => e.code)).toBe("NOT_FOUND");
    await expect(linkClaim({ actor: s.actors.reader, claimId: later.id, input: { toClaimId: s.crimea.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await unlinkClaim({ actor: s.actors.editor, claimId: s.crimea.id, otherClaimId: later.id })).toEqual([]);
    expect(await listClaimLinks({ actor: s.actors.editor, claimId: later.id })).toEqual([]);
  });

  it("a published claim linked to an earlier published claim says so on the reader page", async () => {
    const s = await setup();
    const later = await s.make(s.second.id, LATER, "In 2014 Crimea was annexed by Russia", { verdict: "true" });
    await linkClaim({ actor: s.actors.editor, claimId: later.id, input: { toClaimId: s.crimea.id } });
    const publish = async () => {
      await db.claim.updateMany({ where: { id: later.id }, data: { status: "APPROVED" } });
      return renderReaderPage(await buildSnapshot(db, { articleId: s.second.id, scope: "published" }), { membersOnly: false }).html;
    };
    // The earlier claim is still a draft: readers could not follow the link.
    expect(await publish()).not.toContain("We checked this before");
    await db.article.update({ where: { id: s.first.id }, data: { status: "PUBLISHED", slug: `first-${s.first.id}` } });
    await db.claim.update({ where: { id: s.crimea.id }, data: { status: "PUBLISHED", publishedAt: new Date("2024-03-01T00:00:00Z") } });
    const page = await publish();
    expect(page).toMatch(new RegExp(`We checked this before: <a href="[^"]*/r/first-${s.first.id}#claim-${s.crimea.id}">Russia annexed Crimea from Ukraine in 2014[^(<]* \\([^)]*, 1 Mar 2024\\)</a>`));
  });

  it("refuses links across workspaces and to itself", async () => {
    const s = await setup();
    const foreignArticle = await createArticleRow({ workspaceId: s.otherWorkspace.id, createdById: s.users.outsider.id, paragraphs: EARLIER });
    const foreign = await createClaim({ actor: s.actors.outsider, articleId: foreignArticle.id, input: { target: target(EARLIER, "Russia annexed Crimea from Ukraine in 2014") } });
    await expect(linkClaim({ actor: s.actors.editor, claimId: s.georgia.id, input: { toClaimId: foreign.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(linkClaim({ actor: s.actors.editor, claimId: s.georgia.id, input: { toClaimId: s.georgia.id } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    const similar = await findSimilarClaims({ actor: s.actors.editor, articleId: s.second.id, text: "Russia annexed Crimea from Ukraine in 2014" });
    expect(similar.map((c) => c.id)).not.toContain(foreign.id);
  });
});

describe("check-worthy hints", () => {
  it("lists the article's most check-worthy sentences for editors, with offsets into its text", async () => {
    const s = await setup();
    const { getCheckWorthyHints } = await import("@/lib/server/search/get-check-worthy-hints");
    const r = await getCheckWorthyHints({ actor: s.actors.editor, articleId: s.first.id });
    const text = EARLIER.join("\n\n");
    expect(r.items.length).toBeGreaterThan(0);
    for (const h of r.items) expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(r.items[0]!.text).toMatch(/2014|2008|40-year/);
    await expect(getCheckWorthyHints({ actor: s.actors.reader, articleId: s.first.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
