-- Full-text search scope (lib/server/search/search-sql.ts): the candidate query checked the
-- workspace, deletion, status, verdict, claimant and date of every FTS5 match by reading its Claim
-- and Article rows (wide rows, Article found through its id index); a filter or a common word
-- walked thousands of them. These narrow tables, keyed by the same rowid as the FTS5 tables, hold
-- copies of those columns, so each match costs one lookup in a small table. They mirror
-- PostgreSQL's copies on its search tables (20261203141500_search_scope_columns). Triggers keep
-- them current in the same transaction as every write, including an article's status, workspace
-- or deletion reaching its claims and sources. Not Prisma models: scripts/check-migrations.sh
-- ignores *_fts_* tables. Like the FTS5 tables they rely on stable rowids: a migration that
-- redefines Article, Claim or Source must recreate these triggers and refill the tables.
-- Dates are epoch ms, as search-sql.ts compares them (Prisma stores ISO text or integers).

CREATE TABLE "article_fts_scope" (
  "rid" INTEGER NOT NULL PRIMARY KEY,
  "id" TEXT NOT NULL,
  "workspaceId" TEXT NOT NULL,
  "status" TEXT NOT NULL,
  "deleted" INTEGER NOT NULL,
  "at" INTEGER
);
CREATE INDEX "article_fts_scope_id_idx" ON "article_fts_scope"("id");

CREATE TABLE "claim_fts_scope" (
  "rid" INTEGER NOT NULL PRIMARY KEY,
  "id" TEXT NOT NULL,
  "articleId" TEXT NOT NULL,
  "workspaceId" TEXT NOT NULL,
  "articleStatus" TEXT NOT NULL,
  "articleDeleted" INTEGER NOT NULL,
  "status" TEXT NOT NULL,
  "deleted" INTEGER NOT NULL,
  "verdictKey" TEXT,
  "claimant" TEXT,
  "at" INTEGER
);
CREATE INDEX "claim_fts_scope_articleId_idx" ON "claim_fts_scope"("articleId");
CREATE INDEX "claim_fts_scope_id_idx" ON "claim_fts_scope"("id");

CREATE TABLE "source_fts_scope" (
  "rid" INTEGER NOT NULL PRIMARY KEY,
  "id" TEXT NOT NULL,
  "claimId" TEXT NOT NULL,
  "articleId" TEXT NOT NULL,
  "workspaceId" TEXT NOT NULL,
  "articleStatus" TEXT NOT NULL,
  "articleDeleted" INTEGER NOT NULL,
  "claimStatus" TEXT NOT NULL,
  "claimDeleted" INTEGER NOT NULL,
  "verdictKey" TEXT,
  "claimant" TEXT,
  "at" INTEGER
);
CREATE INDEX "source_fts_scope_claimId_idx" ON "source_fts_scope"("claimId");
CREATE INDEX "source_fts_scope_articleId_idx" ON "source_fts_scope"("articleId");

-- Articles.
CREATE TRIGGER "article_fts_scope_ai" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "article_fts_scope" VALUES (new.rowid, new."id", new."workspaceId", new."status", new."deletedAt" IS NOT NULL,
    CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END);
END;
CREATE TRIGGER "article_fts_scope_au" AFTER UPDATE OF "id", "workspaceId", "status", "deletedAt", "createdAt" ON "Article" BEGIN
  DELETE FROM "article_fts_scope" WHERE "rid" = old.rowid;
  INSERT INTO "article_fts_scope" VALUES (new.rowid, new."id", new."workspaceId", new."status", new."deletedAt" IS NOT NULL,
    CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END);
  UPDATE "claim_fts_scope" SET "articleId" = new."id", "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL
    WHERE "articleId" = old."id";
  UPDATE "source_fts_scope" SET "articleId" = new."id", "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL
    WHERE "articleId" = old."id";
END;
CREATE TRIGGER "article_fts_scope_ad" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "article_fts_scope" WHERE "rid" = old.rowid;
END;

-- Claims: their own columns plus their article's.
CREATE TRIGGER "claim_fts_scope_ai" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "claim_fts_scope"
    SELECT new.rowid, new."id", new."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, new."status", new."deletedAt" IS NOT NULL, new."verdictKey", new."claimant",
      CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    FROM "Article" a WHERE a."id" = new."articleId";
END;
CREATE TRIGGER "claim_fts_scope_au" AFTER UPDATE OF "id", "articleId", "status", "deletedAt", "verdictKey", "claimant", "createdAt" ON "Claim" BEGIN
  DELETE FROM "claim_fts_scope" WHERE "rid" = old.rowid;
  INSERT INTO "claim_fts_scope"
    SELECT new.rowid, new."id", new."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, new."status", new."deletedAt" IS NOT NULL, new."verdictKey", new."claimant",
      CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    FROM "Article" a WHERE a."id" = new."articleId";
  UPDATE "source_fts_scope" SET "claimId" = new."id", "articleId" = new."articleId",
      "workspaceId" = (SELECT a."workspaceId" FROM "Article" a WHERE a."id" = new."articleId"),
      "articleStatus" = (SELECT a."status" FROM "Article" a WHERE a."id" = new."articleId"),
      "articleDeleted" = (SELECT a."deletedAt" IS NOT NULL FROM "Article" a WHERE a."id" = new."articleId"),
      "claimStatus" = new."status", "claimDeleted" = new."deletedAt" IS NOT NULL, "verdictKey" = new."verdictKey", "claimant" = new."claimant"
    WHERE "claimId" = old."id";
END;
CREATE TRIGGER "claim_fts_scope_ad" AFTER DELETE ON "Claim" BEGIN
  DELETE FROM "claim_fts_scope" WHERE "rid" = old.rowid;
END;

-- Sources: their claim's and article's columns, their own date.
CREATE TRIGGER "source_fts_scope_ai" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "source_fts_scope"
    SELECT new.rowid, new."id", new."claimId", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant",
      CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = new."claimId";
END;
CREATE TRIGGER "source_fts_scope_au" AFTER UPDATE OF "id", "claimId", "createdAt" ON "Source" BEGIN
  DELETE FROM "source_fts_scope" WHERE "rid" = old.rowid;
  INSERT INTO "source_fts_scope"
    SELECT new.rowid, new."id", new."claimId", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant",
      CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = new."claimId";
END;
CREATE TRIGGER "source_fts_scope_ad" AFTER DELETE ON "Source" BEGIN
  DELETE FROM "source_fts_scope" WHERE "rid" = old.rowid;
END;

-- What exists already.
INSERT INTO "article_fts_scope"
  SELECT a.rowid, a."id", a."workspaceId", a."status", a."deletedAt" IS NOT NULL,
    CASE typeof(a."createdAt") WHEN 'integer' THEN a."createdAt" ELSE CAST(strftime('%s', a."createdAt") AS INTEGER) * 1000 END
  FROM "Article" a;
INSERT INTO "claim_fts_scope"
  SELECT c.rowid, c."id", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant",
    CASE typeof(c."createdAt") WHEN 'integer' THEN c."createdAt" ELSE CAST(strftime('%s', c."createdAt") AS INTEGER) * 1000 END
  FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId";
INSERT INTO "source_fts_scope"
  SELECT s.rowid, s."id", s."claimId", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant",
    CASE typeof(s."createdAt") WHEN 'integer' THEN s."createdAt" ELSE CAST(strftime('%s', s."createdAt") AS INTEGER) * 1000 END
  FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId";
