-- Full-text search (lib/server/search): the last word of a query is matched as a prefix while
-- typing, and a short prefix ("gov*") merged the lists of many words: a 3-letter prefix
-- index answers it from one list. The tables are recreated with the same names and columns, so
-- the triggers of 20261202211500_search_indexes keep them current; 'rebuild' refills them.
DROP TABLE "article_fts";
CREATE VIRTUAL TABLE "article_fts" USING fts5(
  "title", "byline", "canonicalText",
  content='Article', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2', prefix='3'
);
INSERT INTO "article_fts"("article_fts") VALUES ('rebuild');

DROP TABLE "claim_fts";
CREATE VIRTUAL TABLE "claim_fts" USING fts5(
  "statement", "exact", "claimant", "rationale",
  content='Claim', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2', prefix='3'
);
INSERT INTO "claim_fts"("claim_fts") VALUES ('rebuild');

DROP TABLE "source_fts";
CREATE VIRTUAL TABLE "source_fts" USING fts5(
  "title", "url", "publisher",
  content='Source', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2', prefix='3'
);
INSERT INTO "source_fts"("source_fts") VALUES ('rebuild');
