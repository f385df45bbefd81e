-- Full-text search (lib/server/search). Expression GIN indexes, so the index is updated by
-- PostgreSQL in the same transaction as every write. The article's language picks the stemming
-- (fm_search_config): claims and sources use 'simple' plus pg_trgm for fuzzy matches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION fm_search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(lang, ''), '-', 1))
    WHEN 'en' THEN 'english' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish'
    WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'ru' THEN 'russian'
    WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
    WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian' WHEN 'tr' THEN 'turkish'
    ELSE 'simple' END::regconfig
$$;

CREATE OR REPLACE FUNCTION fm_article_tsv(lang text, title text, byline text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(fm_search_config(lang), coalesce(title, '')), 'A')
      || setweight(to_tsvector(fm_search_config(lang), coalesce(byline, '')), 'B')
      || setweight(to_tsvector(fm_search_config(lang), coalesce(body, '')), 'C')
$$;

CREATE OR REPLACE FUNCTION fm_claim_tsv(statement text, exact text, claimant text, rationale text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', coalesce(statement, '')), 'A')
      || setweight(to_tsvector('english', coalesce(exact, '')), 'A')
      || setweight(to_tsvector('english', coalesce(claimant, '')), 'B')
      || setweight(to_tsvector('english', regexp_replace(coalesce(rationale, ''), '<[^>]*>', ' ', 'g')), 'C')
$$;

CREATE OR REPLACE FUNCTION fm_source_tsv(title text, url text, publisher text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(publisher, '')), 'B')
      || setweight(to_tsvector('simple', regexp_replace(coalesce(url, ''), '[/:.?=&_-]+', ' ', 'g')), 'C')
$$;

CREATE INDEX "Article_search_idx" ON "Article" USING GIN (fm_article_tsv("language", "title", "byline", "canonicalText"));
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN (fm_claim_tsv("statement", "exact", "claimant", "rationale"));
CREATE INDEX "Source_search_idx" ON "Source" USING GIN (fm_source_tsv("title", "url", "publisher"));
CREATE INDEX "Claim_statement_trgm_idx" ON "Claim" USING GIN (lower("statement") gin_trgm_ops);
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN (lower("title") gin_trgm_ops);
