-- The search scope tables' update triggers (20261203203000_search_scope_tables) rewrote every
-- copied column, ids included, so each claim row of a published article had its index entries
-- rewritten: publishing 250 articles (5,000 claims) cost ~100 ms of triggers instead of ~8.
-- Now a status, deletion, verdict, claimant or date change updates only those copies, and only
-- when it changed; a new id or a claim moved to another article refreshes the whole row (all
-- columns, so the result is the same whichever of two triggers on one UPDATE runs first).

DROP TRIGGER "article_fts_scope_au";
CREATE TRIGGER "article_fts_scope_au" AFTER UPDATE OF "workspaceId", "status", "deletedAt", "createdAt" ON "Article"
WHEN old."workspaceId" IS NOT new."workspaceId" OR old."status" IS NOT new."status" OR old."deletedAt" IS NOT new."deletedAt" OR old."createdAt" IS NOT new."createdAt"
BEGIN
  UPDATE "article_fts_scope" SET "workspaceId" = new."workspaceId", "status" = new."status", "deleted" = new."deletedAt" IS NOT NULL,
    "at" = CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    WHERE "rid" = new.rowid;
  UPDATE "claim_fts_scope" SET "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL WHERE "articleId" = new."id";
  UPDATE "source_fts_scope" SET "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL WHERE "articleId" = new."id";
END;
CREATE TRIGGER "article_fts_scope_au_id" AFTER UPDATE OF "id" ON "Article" WHEN old."id" IS NOT new."id" BEGIN
  UPDATE "article_fts_scope" SET "id" = new."id" WHERE "rid" = new.rowid;
  UPDATE "claim_fts_scope" SET "articleId" = new."id", "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL
    WHERE "articleId" = old."id";
  UPDATE "source_fts_scope" SET "articleId" = new."id", "workspaceId" = new."workspaceId", "articleStatus" = new."status", "articleDeleted" = new."deletedAt" IS NOT NULL
    WHERE "articleId" = old."id";
END;

DROP TRIGGER "claim_fts_scope_au";
CREATE TRIGGER "claim_fts_scope_au" AFTER UPDATE OF "status", "deletedAt", "verdictKey", "claimant", "createdAt" ON "Claim"
WHEN old."status" IS NOT new."status" OR old."deletedAt" IS NOT new."deletedAt" OR old."verdictKey" IS NOT new."verdictKey" OR old."claimant" IS NOT new."claimant" OR old."createdAt" IS NOT new."createdAt"
BEGIN
  UPDATE "claim_fts_scope" SET "status" = new."status", "deleted" = new."deletedAt" IS NOT NULL, "verdictKey" = new."verdictKey", "claimant" = new."claimant",
    "at" = CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE CAST(strftime('%s', new."createdAt") AS INTEGER) * 1000 END
    WHERE "rid" = new.rowid;
  UPDATE "source_fts_scope" SET "claimStatus" = new."status", "claimDeleted" = new."deletedAt" IS NOT NULL, "verdictKey" = new."verdictKey", "claimant" = new."claimant"
    WHERE "claimId" = new."id";
END;
CREATE TRIGGER "claim_fts_scope_au_moved" AFTER UPDATE OF "id", "articleId" ON "Claim" WHEN old."id" IS NOT new."id" OR old."articleId" IS NOT new."articleId" BEGIN
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
