-- Search filters without joins (issue 14, "Speed": p95 was 200 ms at 200,000 claims). A common word
-- matches thousands of rows, and each was joined to Claim and Article for the workspace and the
-- published/status filters before the newest 500 were kept; the article vectors live in TOAST, so the
-- planner thought a walk of every row cheap and detoasted each one. Now the search tables carry the
-- columns the filters need (kept by the same triggers, in the same transaction as every write), and
-- fm_*_matches pick the newest matches in scope through the GIN index alone; only those are ranked.

ALTER TABLE "article_fts"
  ADD COLUMN "workspaceId" TEXT,
  ADD COLUMN "status" TEXT,
  ADD COLUMN "deletedAt" TIMESTAMP(3),
  ADD COLUMN "createdAt" TIMESTAMP(3);
ALTER TABLE "claim_fts"
  ADD COLUMN "workspaceId" TEXT,
  ADD COLUMN "articleId" TEXT,
  ADD COLUMN "status" TEXT,
  ADD COLUMN "deletedAt" TIMESTAMP(3),
  ADD COLUMN "verdictKey" TEXT,
  ADD COLUMN "claimant" TEXT,
  ADD COLUMN "createdAt" TIMESTAMP(3),
  ADD COLUMN "articleStatus" TEXT,
  ADD COLUMN "articleDeletedAt" TIMESTAMP(3);
ALTER TABLE "source_fts"
  ADD COLUMN "workspaceId" TEXT,
  ADD COLUMN "articleId" TEXT,
  ADD COLUMN "claimId" TEXT,
  ADD COLUMN "claimStatus" TEXT,
  ADD COLUMN "claimDeletedAt" TIMESTAMP(3),
  ADD COLUMN "verdictKey" TEXT,
  ADD COLUMN "claimant" TEXT,
  ADD COLUMN "createdAt" TIMESTAMP(3),
  ADD COLUMN "articleStatus" TEXT,
  ADD COLUMN "articleDeletedAt" TIMESTAMP(3);

-- Backfill.
UPDATE "article_fts" f SET "workspaceId" = a."workspaceId", "status" = a."status", "deletedAt" = a."deletedAt", "createdAt" = a."createdAt"
FROM "Article" a WHERE a."id" = f."id";
UPDATE "claim_fts" f SET "workspaceId" = a."workspaceId", "articleId" = c."articleId", "status" = c."status", "deletedAt" = c."deletedAt",
  "verdictKey" = c."verdictKey", "claimant" = c."claimant", "createdAt" = c."createdAt", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = f."id";
UPDATE "source_fts" f SET "workspaceId" = a."workspaceId", "articleId" = a."id", "claimId" = c."id", "claimStatus" = c."status", "claimDeletedAt" = c."deletedAt",
  "verdictKey" = c."verdictKey", "claimant" = c."claimant", "createdAt" = s."createdAt", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId" WHERE s."id" = f."id";

CREATE INDEX "claim_fts_articleId_idx" ON "claim_fts" ("articleId");
CREATE INDEX "source_fts_articleId_idx" ON "source_fts" ("articleId");
CREATE INDEX "source_fts_claimId_idx" ON "source_fts" ("claimId");

-- Rows: text and scope together on insert and on a text change.
CREATE OR REPLACE FUNCTION fm_article_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "article_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "article_fts" ("id", "tsv", "workspaceId", "status", "deletedAt", "createdAt")
  VALUES (NEW."id", fm_article_tsv(NEW."language", NEW."title", NEW."byline", NEW."canonicalText"), NEW."workspaceId", NEW."status", NEW."deletedAt", NEW."createdAt")
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv", "workspaceId" = EXCLUDED."workspaceId", "status" = EXCLUDED."status", "deletedAt" = EXCLUDED."deletedAt", "createdAt" = EXCLUDED."createdAt";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fm_claim_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "claim_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "claim_fts" ("id", "tsv", "workspaceId", "articleId", "status", "deletedAt", "verdictKey", "claimant", "createdAt", "articleStatus", "articleDeletedAt")
  SELECT NEW."id", fm_claim_tsv(NEW."statement", NEW."exact", NEW."claimant", NEW."rationale"), a."workspaceId", NEW."articleId", NEW."status", NEW."deletedAt",
         NEW."verdictKey", NEW."claimant", NEW."createdAt", a."status", a."deletedAt"
  FROM "Article" a WHERE a."id" = NEW."articleId"
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv", "workspaceId" = EXCLUDED."workspaceId", "articleId" = EXCLUDED."articleId", "status" = EXCLUDED."status",
    "deletedAt" = EXCLUDED."deletedAt", "verdictKey" = EXCLUDED."verdictKey", "claimant" = EXCLUDED."claimant", "createdAt" = EXCLUDED."createdAt",
    "articleStatus" = EXCLUDED."articleStatus", "articleDeletedAt" = EXCLUDED."articleDeletedAt";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fm_source_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "source_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "source_fts" ("id", "tsv", "workspaceId", "articleId", "claimId", "claimStatus", "claimDeletedAt", "verdictKey", "claimant", "createdAt", "articleStatus", "articleDeletedAt")
  SELECT NEW."id", fm_source_tsv(NEW."title", NEW."url", NEW."publisher"), a."workspaceId", a."id", c."id", c."status", c."deletedAt",
         c."verdictKey", c."claimant", NEW."createdAt", a."status", a."deletedAt"
  FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = NEW."claimId"
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv", "workspaceId" = EXCLUDED."workspaceId", "articleId" = EXCLUDED."articleId", "claimId" = EXCLUDED."claimId",
    "claimStatus" = EXCLUDED."claimStatus", "claimDeletedAt" = EXCLUDED."claimDeletedAt", "verdictKey" = EXCLUDED."verdictKey", "claimant" = EXCLUDED."claimant",
    "createdAt" = EXCLUDED."createdAt", "articleStatus" = EXCLUDED."articleStatus", "articleDeletedAt" = EXCLUDED."articleDeletedAt";
  RETURN NULL;
END $$;

-- Scope only (publish, delete, restore, verdict...): the vectors stay, the copies of the filter columns follow.
CREATE OR REPLACE FUNCTION fm_article_scope_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "article_fts" SET "workspaceId" = NEW."workspaceId", "status" = NEW."status", "deletedAt" = NEW."deletedAt", "createdAt" = NEW."createdAt" WHERE "id" = NEW."id";
  IF NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId" OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."deletedAt" IS DISTINCT FROM OLD."deletedAt" THEN
    UPDATE "claim_fts" SET "workspaceId" = NEW."workspaceId", "articleStatus" = NEW."status", "articleDeletedAt" = NEW."deletedAt" WHERE "articleId" = NEW."id";
    UPDATE "source_fts" SET "workspaceId" = NEW."workspaceId", "articleStatus" = NEW."status", "articleDeletedAt" = NEW."deletedAt" WHERE "articleId" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fm_claim_scope_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "claim_fts" f SET "workspaceId" = a."workspaceId", "articleId" = NEW."articleId", "status" = NEW."status", "deletedAt" = NEW."deletedAt",
    "verdictKey" = NEW."verdictKey", "claimant" = NEW."claimant", "createdAt" = NEW."createdAt", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "Article" a WHERE a."id" = NEW."articleId" AND f."id" = NEW."id";
  UPDATE "source_fts" f SET "workspaceId" = a."workspaceId", "articleId" = NEW."articleId", "claimStatus" = NEW."status", "claimDeletedAt" = NEW."deletedAt",
    "verdictKey" = NEW."verdictKey", "claimant" = NEW."claimant", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "Article" a WHERE a."id" = NEW."articleId" AND f."claimId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "article_fts_scope" AFTER UPDATE OF "workspaceId", "status", "deletedAt", "createdAt" ON "Article" FOR EACH ROW EXECUTE FUNCTION fm_article_scope_sync();
CREATE TRIGGER "claim_fts_scope" AFTER UPDATE OF "articleId", "status", "deletedAt", "verdictKey", "claimant", "createdAt" ON "Claim" FOR EACH ROW EXECUTE FUNCTION fm_claim_scope_sync();
DROP TRIGGER "source_fts_update" ON "Source";
CREATE TRIGGER "source_fts_update" AFTER UPDATE OF "title", "url", "publisher", "claimId", "createdAt" ON "Source" FOR EACH ROW EXECUTE FUNCTION fm_source_fts_sync();

-- A query in each of `configs`, the same ones once (articles are stemmed in their own language, and
-- the query's is unknown): nine languages gave up to nine copies of every word to match and rank.
-- NULL (matches nothing) when every language drops every word.
CREATE OR REPLACE FUNCTION fm_tsquery_in_configs(configs regconfig[], q text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT string_agg(DISTINCT '(' || t::text || ')', ' | ')::tsquery
  FROM (SELECT to_tsquery(c, q) AS t FROM unnest(configs) c) x WHERE numnode(t) > 0
$$;

-- The newest `lim` matches in scope, through the GIN index, ranked (only those: ranking reads each
-- vector). The article vectors are TOASTed, so the planner's cost of a walk over every row
-- (detoasting each) is far too low: the bitmap scan is forced.
-- Readers (published_only) see published articles, and published claims of published articles.
CREATE OR REPLACE FUNCTION fm_article_matches(q tsquery, ws text, published_only boolean, p_status text, from_ms double precision, to_ms double precision, exclude_article text, lim integer)
RETURNS TABLE ("id" text, "rank" real) LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off AS $$
  SELECT m."id", ts_rank_cd(m."tsv", q) FROM (SELECT f."id", f."tsv" FROM "article_fts" f
  WHERE f."tsv" @@ q AND f."workspaceId" = ws AND f."deletedAt" IS NULL
    AND (NOT published_only OR f."status" = 'PUBLISHED')
    AND (p_status IS NULL OR f."status" = p_status)
    AND (exclude_article IS NULL OR f."id" <> exclude_article)
    AND (from_ms IS NULL OR extract(epoch from f."createdAt") * 1000 >= from_ms)
    AND (to_ms IS NULL OR extract(epoch from f."createdAt") * 1000 < to_ms)
  ORDER BY f."id" DESC LIMIT lim) m
$$;

CREATE OR REPLACE FUNCTION fm_claim_matches(q tsquery, ws text, published_only boolean, p_status text, p_verdict text, p_claimant text, from_ms double precision, to_ms double precision, exclude_article text, lim integer)
RETURNS TABLE ("id" text, "rank" real) LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off AS $$
  SELECT m."id", ts_rank_cd(m."tsv", q) FROM (SELECT f."id", f."tsv" FROM "claim_fts" f
  WHERE f."tsv" @@ q AND f."workspaceId" = ws AND f."deletedAt" IS NULL AND f."articleDeletedAt" IS NULL
    AND (NOT published_only OR (f."status" = 'PUBLISHED' AND f."articleStatus" = 'PUBLISHED'))
    AND (p_status IS NULL OR f."status" = p_status)
    AND (p_verdict IS NULL OR f."verdictKey" = p_verdict)
    AND (p_claimant IS NULL OR lower(f."claimant") = lower(p_claimant))
    AND (exclude_article IS NULL OR f."articleId" <> exclude_article)
    AND (from_ms IS NULL OR extract(epoch from f."createdAt") * 1000 >= from_ms)
    AND (to_ms IS NULL OR extract(epoch from f."createdAt") * 1000 < to_ms)
  ORDER BY f."id" DESC LIMIT lim) m
$$;

CREATE OR REPLACE FUNCTION fm_source_matches(q tsquery, ws text, published_only boolean, p_status text, p_verdict text, p_claimant text, from_ms double precision, to_ms double precision, exclude_article text, lim integer)
RETURNS TABLE ("id" text, "rank" real) LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off AS $$
  SELECT m."id", ts_rank_cd(m."tsv", q) FROM (SELECT f."id", f."tsv" FROM "source_fts" f
  WHERE f."tsv" @@ q AND f."workspaceId" = ws AND f."claimDeletedAt" IS NULL AND f."articleDeletedAt" IS NULL
    AND (NOT published_only OR (f."claimStatus" = 'PUBLISHED' AND f."articleStatus" = 'PUBLISHED'))
    AND (p_status IS NULL OR f."claimStatus" = p_status)
    AND (p_verdict IS NULL OR f."verdictKey" = p_verdict)
    AND (p_claimant IS NULL OR lower(f."claimant") = lower(p_claimant))
    AND (exclude_article IS NULL OR f."articleId" <> exclude_article)
    AND (from_ms IS NULL OR extract(epoch from f."createdAt") * 1000 >= from_ms)
    AND (to_ms IS NULL OR extract(epoch from f."createdAt") * 1000 < to_ms)
  ORDER BY f."id" DESC LIMIT lim) m
$$;

ANALYZE "article_fts";
ANALYZE "claim_fts";
ANALYZE "source_fts";

-- Fuzzy fallback (lib/server/search fuzzyEntity): titles spelled like the query, through the trigram
-- index. Article rows are small once their text is TOASTed, so the planner preferred computing
-- word_similarity on every title (a second at 10,000 articles); the bitmap scan is forced here too.
CREATE OR REPLACE FUNCTION fm_article_titles_like(q text)
RETURNS TABLE ("id" text, "rank" real) LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off AS $$
  SELECT a."id", word_similarity(q, lower(a."title")) FROM "Article" a WHERE q <% lower(a."title")
$$;
