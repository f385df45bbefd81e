-- Full-text search (lib/server/search). External-content FTS5 tables over Article, Claim and Source,
-- kept current by triggers in the same transaction as every write. Not Prisma models: Prisma cannot
-- express FTS5: scripts/check-migrations.sh ignores these objects. If a later migration redefines
-- Article, Claim or Source (Prisma's "RedefineTables"), recreate these triggers and run
-- INSERT INTO <name>_fts(<name>_fts) VALUES('rebuild') in that migration.

CREATE VIRTUAL TABLE "article_fts" USING fts5(
  "title", "byline", "canonicalText",
  content='Article', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "article_fts_ai" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "article_fts"(rowid, "title", "byline", "canonicalText") VALUES (new.rowid, new."title", new."byline", new."canonicalText");
END;
CREATE TRIGGER "article_fts_ad" AFTER DELETE ON "Article" BEGIN
  INSERT INTO "article_fts"("article_fts", rowid, "title", "byline", "canonicalText") VALUES ('delete', old.rowid, old."title", old."byline", old."canonicalText");
END;
CREATE TRIGGER "article_fts_au" AFTER UPDATE OF "title", "byline", "canonicalText" ON "Article" BEGIN
  INSERT INTO "article_fts"("article_fts", rowid, "title", "byline", "canonicalText") VALUES ('delete', old.rowid, old."title", old."byline", old."canonicalText");
  INSERT INTO "article_fts"(rowid, "title", "byline", "canonicalText") VALUES (new.rowid, new."title", new."byline", new."canonicalText");
END;
INSERT INTO "article_fts"("article_fts") VALUES ('rebuild');

CREATE VIRTUAL TABLE "claim_fts" USING fts5(
  "statement", "exact", "claimant", "rationale",
  content='Claim', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "claim_fts_ai" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "claim_fts"(rowid, "statement", "exact", "claimant", "rationale") VALUES (new.rowid, new."statement", new."exact", new."claimant", new."rationale");
END;
CREATE TRIGGER "claim_fts_ad" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "claim_fts"("claim_fts", rowid, "statement", "exact", "claimant", "rationale") VALUES ('delete', old.rowid, old."statement", old."exact", old."claimant", old."rationale");
END;
CREATE TRIGGER "claim_fts_au" AFTER UPDATE OF "statement", "exact", "claimant", "rationale" ON "Claim" BEGIN
  INSERT INTO "claim_fts"("claim_fts", rowid, "statement", "exact", "claimant", "rationale") VALUES ('delete', old.rowid, old."statement", old."exact", old."claimant", old."rationale");
  INSERT INTO "claim_fts"(rowid, "statement", "exact", "claimant", "rationale") VALUES (new.rowid, new."statement", new."exact", new."claimant", new."rationale");
END;
INSERT INTO "claim_fts"("claim_fts") VALUES ('rebuild');

CREATE VIRTUAL TABLE "source_fts" USING fts5(
  "title", "url", "publisher",
  content='Source', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "source_fts_ai" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "source_fts"(rowid, "title", "url", "publisher") VALUES (new.rowid, new."title", new."url", new."publisher");
END;
CREATE TRIGGER "source_fts_ad" AFTER DELETE ON "Source" BEGIN
  INSERT INTO "source_fts"("source_fts", rowid, "title", "url", "publisher") VALUES ('delete', old.rowid, old."title", old."url", old."publisher");
END;
CREATE TRIGGER "source_fts_au" AFTER UPDATE OF "title", "url", "publisher" ON "Source" BEGIN
  INSERT INTO "source_fts"("source_fts", rowid, "title", "url", "publisher") VALUES ('delete', old.rowid, old."title", old."url", old."publisher");
  INSERT INTO "source_fts"(rowid, "title", "url", "publisher") VALUES (new.rowid, new."title", new."url", new."publisher");
END;
INSERT INTO "source_fts"("source_fts") VALUES ('rebuild');
