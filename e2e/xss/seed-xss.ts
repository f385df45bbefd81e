// Data for e2e/xss.spec.ts, written through the services the app uses (run with
// `tsx --conditions=react-server`, against the e2e database): ≥ 150 XSS payloads from
// ../shared/fixtures/security/xss-payloads.txt in every user-controlled field — article title,
// byline and imported HTML; claim statement, claimant and rationale; source title and URL;
// comments; workspace names and user names. Several payloads share a record where the field's
// length allows, so the pages stay few. Prints one JSON line with what the spec needs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { ARTICLE_LIMITS } from "@/lib/schemas/article";
import { CLAIM_LIMITS } from "@/lib/schemas/claim";
import { createArticle } from "@/lib/server/articles/create-article";
import { addComment } from "@/lib/server/comments/add-comment";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { addSource } from "@/lib/server/sources/add-source";
import { createWorkspaceTx } from "@/lib/server/workspaces/create-workspace";

const FIXTURE = process.env.XSS_PAYLOADS ?? path.resolve(process.cwd(), "../shared/fixtures/security/xss-payloads.txt");
const COUNT = Number(process.env.XSS_COUNT ?? 160);
const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-Passw0rd-Factmark";
const run = Date.now().toString(36);
/** Claims whose panels the spec opens (details, comments, history): sources and comments go on them. */
const OPENED = 8;

/** Payloads of our own that set a marker instead of opening a dialog. */
const MARKERS = [
  `<script>window.__xss=(window.__xss||0)+1</script>`,
  `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  `<svg onload="window.__xss=(window.__xss||0)+1"></svg>`,
  `"><img src=x onerror=window.__xss=1>`,
  `javascript:window.__xss=1`,
  `<a href="javascript:window.__xss=1">click</a>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<details open ontoggle="window.__xss=1">`,
  `'-window.__xss=1-'`,
  `<style>@import 'javascript:window.__xss=1'</style>`,
];

function loadPayloads(): string[] {
  const lines = [...new Set(readFileSync(FIXTURE, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && l.length <= 80))];
  const picked: string[] = [];
  const want = Math.max(0, COUNT - MARKERS.length);
  for (let i = 0; i < want && lines.length; i++) picked.push(lines[Math.floor((i * lines.length) / want)]);
  return [...MARKERS, ...picked];
}

/** Packs the payloads into as few values as the field's limit allows (" ¦ " between them). */
function pack(payloads: string[], max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const p of payloads) {
    const next = current ? `${current} ¦ ${p}` : p;
    if (next.length > max && current) {
      out.push(current);
      current = p.slice(0, max);
    } else current = next.slice(0, max);
  }
  if (current) out.push(current);
  return out;
}

const actorOf = (u: { id: string; email: string; name: string; isSuperAdmin: boolean }): Actor => ({ userId: u.id, email: u.email, name: u.name, isSuperAdmin: u.isSuperAdmin });

async function main() {
  const payloads = loadPayloads();
  const passwordHash = await hashPassword(PASSWORD);
  const names = pack(payloads, 118);
  const mkUser = (i: number, name: string) => db.user.create({ data: { email: `xss-${run}-${i}@example.com`, name, passwordHash } });
  const admin = await mkUser(0, names[0]);
  const reviewer = await mkUser(1, names[1 % names.length]);
  const commenters = [];
  for (let i = 0; i < names.length; i++) commenters.push(await mkUser(100 + i, names[i]));

  // The workspace everything lives in, and one more per workspace-name batch (the switcher lists them).
  const workspaceNames = pack(payloads, 118);
  const workspace = await db.$transaction((tx) => createWorkspaceTx(tx, { name: workspaceNames[0], slug: `xss-${run}`, organizationName: pack(payloads, 198)[0], organizationUrl: null, ownerUserId: admin.id }));
  for (let i = 1; i < workspaceNames.length; i++) {
    await db.$transaction((tx) => createWorkspaceTx(tx, { name: workspaceNames[i], slug: `xss-${run}-${i}`, organizationName: workspaceNames[i], organizationUrl: null, ownerUserId: admin.id }));
  }
  for (const u of [reviewer, ...commenters]) await db.membership.create({ data: { userId: u.id, workspaceId: workspace.id, role: "EDITOR" } });
  const author = actorOf(admin);

  // Articles: titles and bylines packed; the first one's body is imported HTML holding every payload raw.
  const titles = pack(payloads, ARTICLE_LIMITS.title);
  const bylines = pack(payloads, ARTICLE_LIMITS.byline);
  const anchors = Math.max(8, pack(payloads, CLAIM_LIMITS.claimant).length);
  const html = `<html><head><title>x</title></head><body><article><h1>XSS probe</h1>${Array.from({ length: anchors }, (_, i) => `<p>Claim anchor ${i + 1} is here.</p>`).join("")}${payloads.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;
  const articleIds: string[] = [];
  for (let i = 0; i < Math.max(titles.length, bylines.length); i++) {
    const article = await createArticle({
      actor: author,
      workspaceId: workspace.id,
      input: i === 0 ? { source: { kind: "html", html }, metadata: { title: titles[0], byline: bylines[0] } } : { source: { kind: "text", text: `Probe article ${i}.\n\nClaim anchor 1 is here.` }, metadata: { title: titles[i % titles.length], byline: bylines[i % bylines.length] } },
    });
    articleIds.push(article.id);
  }

  // Claims on the first article: statement, claimant and rationale packed per claim; sources and comments spread over them.
  const statements = pack(payloads, CLAIM_LIMITS.statement);
  const claimants = pack(payloads, CLAIM_LIMITS.claimant);
  const rationale = `<p>Checked against the record.</p>${payloads.map((p) => `<p>${p}</p>`).join("")}`;
  const sourceTitles = pack(payloads, CLAIM_LIMITS.sourceTitle);
  let refusedUrls = 0;
  const claimIds: string[] = [];
  for (let i = 0; i < anchors; i++) {
    const claim = await createClaim({
      actor: author,
      articleId: articleIds[0],
      input: {
        target: { selector: [{ type: "TextQuoteSelector", exact: `Claim anchor ${i + 1} is here` }] },
        statement: statements[i % statements.length],
        claimant: claimants[i % claimants.length],
        rationale: i < 2 ? rationale : `<p>Checked against the record.</p><p>${payloads[i % payloads.length]}</p>`,
        verdict: "true",
      },
    });
    claimIds.push(claim.id);
    let version = claim.version;
    const mine = i < OPENED ? payloads.map((_, s) => s).filter((s) => s % OPENED === i) : [i % payloads.length];
    for (const s of mine) {
      const payload = payloads[s % payloads.length];
      // The URL carries the payload raw where a URL can; a javascript: URL must be refused.
      for (const url of [`https://example.org/${run}?q=${payload}#${payload}`, payload]) {
        try {
          version = (await addSource({ actor: author, claimId: claim.id, input: { url, title: sourceTitles[s % sourceTitles.length] ?? payload, publisher: payload.slice(0, 200), excerpt: payload, stance: "SUPPORTS" } })).claimVersion;
        } catch {
          refusedUrls++;
        }
      }
    }
    const submitted = await updateClaim({ actor: author, claimId: claim.id, version, patch: { status: "IN_REVIEW" } });
    await updateClaim({ actor: actorOf(reviewer), claimId: claim.id, version: submitted.version, patch: { status: "APPROVED" } });
  }
  // One comment per payload, each by a user whose name is a payload batch.
  for (let i = 0; i < payloads.length; i++) {
    await addComment({ actor: actorOf(commenters[i % commenters.length]), claimId: claimIds[i % OPENED], input: { body: `<p>Note ${i}: ${payloads[i]}</p>` } });
  }
  const published = await publishArticle({ actor: author, articleId: articleIds[0], visibility: "PUBLIC" });
  const article = await db.article.findUniqueOrThrow({ where: { id: articleIds[0] } });
  console.log(
    JSON.stringify({
      payloads: payloads.length,
      email: admin.email,
      workspaceId: workspace.id,
      articleId: articleIds[0],
      articles: articleIds.length,
      claims: claimIds.length,
      opened: OPENED,
      slug: article.slug,
      readerUrl: published.url,
      refusedUrls,
      records: { users: commenters.length + 2, workspaces: workspaceNames.length, titles: titles.length, bylines: bylines.length, statements: statements.length, claimants: claimants.length, sourceTitles: sourceTitles.length },
    }),
  );
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
