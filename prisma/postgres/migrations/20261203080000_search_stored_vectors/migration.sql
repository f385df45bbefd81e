-- Full-text search with stored vectors (lib/server/search). Ranking read the text of every match
-- through the expression indexes (to_tsvector per row), seconds on a 200,000-claim workspace: the
-- vectors now live in article_fts, claim_fts and source_fts (GIN-indexed), written by triggers in
-- the same transaction as every write. Like SQLite's *_fts tables they are not Prisma models
-- (scripts/check-migrations.sh ignores them). The article's language still picks the stemming.

DROP INDEX IF EXISTS "Article_search_idx";
DROP INDEX IF EXISTS "Claim_search_idx";
DROP INDEX IF EXISTS "Source_search_idx";

CREATE TABLE "article_fts" ("id" TEXT PRIMARY KEY, "tsv" tsvector NOT NULL);
CREATE TABLE "claim_fts" ("id" TEXT PRIMARY KEY, "tsv" tsvector NOT NULL);
CREATE TABLE "source_fts" ("id" TEXT PRIMARY KEY, "tsv" tsvector NOT NULL);

CREATE OR REPLACE FUNCTION fm_article_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "article_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "article_fts" ("id", "tsv") VALUES (NEW."id", fm_article_tsv(NEW."language", NEW."title", NEW."byline", NEW."canonicalText"))
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fm_claim_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "claim_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "claim_fts" ("id", "tsv") VALUES (NEW."id", fm_claim_tsv(NEW."statement", NEW."exact", NEW."claimant", NEW."rationale"))
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fm_source_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "source_fts" WHERE "id" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "source_fts" ("id", "tsv") VALUES (NEW."id", fm_source_tsv(NEW."title", NEW."url", NEW."publisher"))
  ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv";
  RETURN NULL;
END $$;

CREATE TRIGGER "article_fts_insert" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION fm_article_fts_sync();
CREATE TRIGGER "article_fts_update" AFTER UPDATE OF "language", "title", "byline", "canonicalText" ON "Article" FOR EACH ROW EXECUTE FUNCTION fm_article_fts_sync();
CREATE TRIGGER "article_fts_delete" AFTER DELETE ON "Article" FOR EACH ROW EXECUTE FUNCTION fm_article_fts_sync();
CREATE TRIGGER "claim_fts_insert" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION fm_claim_fts_sync();
CREATE TRIGGER "claim_fts_update" AFTER UPDATE OF "statement", "exact", "claimant", "rationale" ON "Claim" FOR EACH ROW EXECUTE FUNCTION fm_claim_fts_sync();
CREATE TRIGGER "claim_fts_delete" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION fm_claim_fts_sync();
CREATE TRIGGER "source_fts_insert" AFTER INSERT ON "Source" FOR EACH ROW EXECUTE FUNCTION fm_source_fts_sync();
CREATE TRIGGER "source_fts_update" AFTER UPDATE OF "title", "url", "publisher" ON "Source" FOR EACH ROW EXECUTE FUNCTION fm_source_fts_sync();
CREATE TRIGGER "source_fts_delete" AFTER DELETE ON "Source" FOR EACH ROW EXECUTE FUNCTION fm_source_fts_sync();

INSERT INTO "article_fts" ("id", "tsv") SELECT "id", fm_article_tsv("language", "title", "byline", "canonicalText") FROM "Article";
INSERT INTO "claim_fts" ("id", "tsv") SELECT "id", fm_claim_tsv("statement", "exact", "claimant", "rationale") FROM "Claim";
INSERT INTO "source_fts" ("id", "tsv") SELECT "id", fm_source_tsv("title", "url", "publisher") FROM "Source";

CREATE INDEX "article_fts_tsv_idx" ON "article_fts" USING GIN ("tsv");
CREATE INDEX "claim_fts_tsv_idx" ON "claim_fts" USING GIN ("tsv");
CREATE INDEX "source_fts_tsv_idx" ON "source_fts" USING GIN ("tsv");

ANALYZE "article_fts";
ANALYZE "claim_fts";
ANALYZE "source_fts";
