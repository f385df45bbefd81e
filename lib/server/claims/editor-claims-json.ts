import "server-only";
import { directReader, isoDate, truthy } from "@/lib/db/direct-read";
import { databaseProvider } from "@/lib/db/provider";
import type { ListClaimsQuery } from "@/lib/schemas/claim";
import { cursorOf, decodeCursor } from "./list-claims";

// GET /api/v1/articles/:id/claims for an editor or admin signed in with a session cookie, the
// API's hottest read, straight through the driver (lib/db/direct-read.ts) and written as JSON
// from the rows: through Prisma, query compilation, a Date per date column and the objects built
// twice (row, then API shape) were most of the request's CPU. The answer is byte for byte what
// listClaimsPage + NextResponse.json give (tests/integration/claims-direct.test.ts). Everyone else
// (readers, who get published snapshots; tokens; refusals and their errors) is answered by
// listClaimsPage: this returns null for them.

// The session check of liveSessionActor and the role of loadArticleWithRole, in one statement.
const ACCESS_SQL = `SELECT s."userId" AS "userId", s."revokedAt" AS "revokedAt", s."expiresAt" AS "expiresAt", u."active" AS "active",
  (SELECT m."role" FROM "Membership" m WHERE m."workspaceId" = a."workspaceId" AND m."userId" = u."id" AND m."active" = true) AS "role"
FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "Article" a ON a."id" = ? AND a."deletedAt" IS NULL
WHERE s."id" = ?`;

interface AccessRow {
  userId: string;
  revokedAt: unknown;
  expiresAt: unknown;
  active: unknown;
  role: string | null;
}

// claim-rows.ts's claims query, with the editor rule of listClaimsPage checked in the SQL again.
const SELECT_CLAIMS = `SELECT c."id", c."articleId", c."exact", c."prefix", c."suffix", c."start", c."end", c."claimant", c."statement",
  c."verdictKey", c."rationale", c."status", c."reviewReason", c."anchorState", c."anchorScore", c."previousExact", c."anchoredRevision",
  c."assigneeId", c."approvedById", c."approvedAt", c."publishedAt", c."version", c."createdById", c."updatedById", c."createdAt",
  c."updatedAt", c."deletedAt",
  cb."name" AS "createdByName", ub."name" AS "updatedByName", ab."name" AS "approvedByName", asg."name" AS "assigneeName",
  CAST((SELECT COUNT(*) FROM "Comment" k WHERE k."claimId" = c."id" AND k."deletedAt" IS NULL) AS INTEGER) AS "commentCount",
  CAST((SELECT COUNT(*) FROM "Comment" k WHERE k."claimId" = c."id" AND k."parentId" IS NULL AND k."resolved" = false AND k."deletedAt" IS NULL) AS INTEGER) AS "openThreadCount"
FROM "Claim" c
JOIN "Article" a ON a."id" = c."articleId"
JOIN "User" cb ON cb."id" = c."createdById"
JOIN "User" ub ON ub."id" = c."updatedById"
LEFT JOIN "User" ab ON ab."id" = c."approvedById"
LEFT JOIN "User" asg ON asg."id" = c."assigneeId"
WHERE c."articleId" = ? AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL
  AND (SELECT m."role" FROM "Membership" m JOIN "User" mu ON mu."id" = m."userId"
    WHERE m."workspaceId" = a."workspaceId" AND m."userId" = ? AND m."active" = true AND mu."active" = true) IN ('ADMIN', 'EDITOR')`;

const AFTER = ` AND (c."start" > ? OR (c."start" = ? AND c."end" > ?) OR (c."start" = ? AND c."end" = ? AND c."createdAt" > ?)
  OR (c."start" = ? AND c."end" = ? AND c."createdAt" = ? AND c."id" > ?))`;

const SOURCE_SQL = (n: number) => `SELECT s."id", s."claimId", s."url", s."title", s."publisher", s."publishedOn", s."accessedOn", s."excerpt",
  s."stance", s."archiveUrl", s."position", s."version" FROM "Source" s
  WHERE s."claimId" IN (${Array(n).fill("?").join(", ")}) ORDER BY s."position", s."createdAt"`;

interface ClaimRow {
  id: string;
  articleId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimant: string | null;
  statement: string;
  verdictKey: string | null;
  rationale: string;
  status: string;
  reviewReason: string | null;
  anchorState: string;
  anchorScore: number | null;
  previousExact: string | null;
  anchoredRevision: number;
  assigneeId: string | null;
  approvedById: string | null;
  approvedAt: unknown;
  publishedAt: unknown;
  version: number;
  createdById: string;
  updatedById: string;
  createdAt: unknown;
  updatedAt: unknown;
  deletedAt: unknown;
  createdByName: string;
  updatedByName: string;
  approvedByName: string | null;
  assigneeName: string | null;
  commentCount: number;
  openThreadCount: number;
}

interface SourceRow {
  id: string;
  claimId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string | null;
  stance: string;
  archiveUrl: string | null;
  position: number;
  version: number;
}

/**
 * The claims page as JSON text when the session (`sid` of `userId`) is live, its account active
 * and the user edits in the article's workspace; null otherwise (ask listClaimsPage). Same
 * filters, cursor and `fields` as listClaimsPage.
 */
export async function editorClaimsPageJson({ sid, userId, articleId, query }: { sid: string; userId: string; articleId: string; query: ListClaimsQuery }): Promise<string | null> {
  const reader = directReader();
  if (!reader) return null;
  const [access] = await reader.all<AccessRow>(ACCESS_SQL, [articleId, sid]);
  if (!access || access.userId !== userId || access.revokedAt !== null || !truthy(access.active)) return null;
  if (Date.parse(isoDate(access.expiresAt)) <= Date.now()) return null;
  if (access.role !== "ADMIN" && access.role !== "EDITOR") return null;

  const { limit, after, fields, verdict, status, assignee } = query;
  const cursor = after ? decodeCursor(after) : null;
  let sql = SELECT_CLAIMS;
  const args: unknown[] = [articleId, userId];
  const and = (clause: string, ...values: unknown[]) => {
    sql += ` AND ${clause}`;
    args.push(...values);
  };
  if (verdict === "none") and(`c."verdictKey" IS NULL`);
  else if (verdict) and(`c."verdictKey" = ?`, verdict);
  if (status) and(`c."status" = ?`, status);
  if (assignee === "none") and(`c."assigneeId" IS NULL`);
  else if (assignee) and(`c."assigneeId" = ?`, assignee === "me" ? userId : assignee);
  if (cursor) {
    const [start, end, createdAt, id] = cursor;
    // As Prisma binds a date: ISO text with +00:00 on SQLite (compared as text), a timestamp on PostgreSQL.
    const at = databaseProvider() === "postgresql" ? new Date(createdAt).toISOString() : new Date(createdAt).toISOString().replace("Z", "+00:00");
    sql += AFTER;
    args.push(start, start, end, start, end, at, start, end, at, id);
  }
  sql += ` ORDER BY c."start", c."end", c."createdAt", c."id"`;
  if (limit) {
    sql += " LIMIT ?";
    args.push(limit + 1);
  }
  const rows = await reader.all<ClaimRow>(sql, args);

  const more = limit !== undefined && rows.length > limit;
  if (more) rows.length = limit;
  const summary = fields === "summary";
  const sources = summary ? null : await sourcesByClaim(rows.map((r) => r.id));
  let out = '{"claims":[';
  for (let i = 0; i < rows.length; i++) {
    if (i) out += ",";
    out += claimJson(rows[i], sources);
  }
  const last = rows[rows.length - 1];
  out += `],"nextCursor":${more ? JSON.stringify(cursorOf(last.start, last.end, isoDate(last.createdAt), last.id)) : "null"}}`;
  return out;
}

async function sourcesByClaim(claimIds: string[]): Promise<Map<string, string[]>> {
  const reader = directReader()!;
  const byClaim = new Map<string, string[]>();
  // In chunks: SQLite caps the number of query parameters.
  for (let i = 0; i < claimIds.length; i += 500) {
    const ids = claimIds.slice(i, i + 500);
    for (const s of await reader.all<SourceRow>(SOURCE_SQL(ids.length), ids)) {
      const json = sourceJson(s);
      const list = byClaim.get(s.claimId);
      if (list) list.push(json);
      else byClaim.set(s.claimId, [json]);
    }
  }
  return byClaim;
}

const str = (v: string | null): string => (v === null ? "null" : JSON.stringify(v));
const num = (v: number | null): string => (v === null ? "null" : JSON.stringify(Number(v)));
const date = (v: unknown): string => (v === null || v === undefined ? "null" : `"${isoDate(v)}"`);
const person = (id: string | null, name: string | null): string => (id && name !== null ? `{"id":${str(id)},"name":${str(name)}}` : "null");

// toApiSource's keys in its order.
function sourceJson(s: SourceRow): string {
  return `{"id":${str(s.id)},"claimId":${str(s.claimId)},"url":${str(s.url)},"title":${str(s.title)},"publisher":${str(s.publisher)},"publishedOn":${str(s.publishedOn)},"accessedOn":${str(s.accessedOn)},"excerpt":${str(s.excerpt)},"stance":${str(s.stance)},"archiveUrl":${str(s.archiveUrl)},"position":${num(s.position)},"version":${num(s.version)}}`;
}

// toApiClaim(row, { internal: true, openThreadCount }) in its key order; without sources
// (`fields: "summary"`) also without rationale and target, as listClaimsPage leaves them out.
function claimJson(r: ClaimRow, sources: Map<string, string[]> | null): string {
  const id = str(r.id);
  const articleId = str(r.articleId);
  const exact = str(r.exact);
  const start = num(r.start);
  const end = num(r.end);
  const target = sources
    ? `"target":{"source":${JSON.stringify(`/api/v1/articles/${r.articleId}`)},"selector":[{"type":"TextQuoteSelector","exact":${exact},"prefix":${str(r.prefix)},"suffix":${str(r.suffix)}},{"type":"TextPositionSelector","start":${start},"end":${end}}]},`
    : "";
  return `{"id":${id},"articleId":${articleId},"type":"Annotation",${target}"exact":${exact},"start":${start},"end":${end},"statement":${str(r.statement)},"claimant":${str(r.claimant)},"verdict":${str(r.verdictKey)},${
    sources ? `"rationale":${str(r.rationale)},` : ""
  }"status":${str(r.status)},"version":${num(r.version)},"author":${person(r.createdById, r.createdByName)},"updatedBy":${person(r.updatedById, r.updatedByName)},"approvedBy":${person(r.approvedById, r.approvedByName)},"approvedAt":${date(r.approvedAt)},"publishedAt":${date(r.publishedAt)},"createdAt":${date(r.createdAt)},"updatedAt":${date(r.updatedAt)},"deletedAt":${date(r.deletedAt)},${
    sources ? `"sources":[${(sources.get(r.id) ?? []).join(",")}],` : ""
  }"assignee":${person(r.assigneeId, r.assigneeName)},"reviewReason":${str(r.reviewReason)},"commentCount":${num(r.commentCount)},"openThreadCount":${num(r.openThreadCount)},"anchor":{"state":${str(r.anchorState)},"score":${num(r.anchorScore)},"previousExact":${str(r.previousExact)},"revision":${num(r.anchoredRevision)}}}`;
}
