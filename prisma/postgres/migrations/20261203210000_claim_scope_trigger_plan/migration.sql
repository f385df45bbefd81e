-- The statement-level claim scope trigger (previous migration) joined the old and new transition
-- tables; the planner cannot estimate them, and with 50,000 sources it merge-joined over the whole
-- source_fts claimId index (1.5 s for one publish of 5,000 claims). Now it reads only the new rows,
-- compares them with the copies already stored (rows already in step are left alone, which also
-- covers unchanged columns), and walks the changed rows through the indexes: plan cost grows with
-- the rows the statement changed, not with the tables.

CREATE OR REPLACE FUNCTION fm_claim_scope_sync_rows() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
BEGIN
  UPDATE "claim_fts" f SET "workspaceId" = a."workspaceId", "articleId" = n."articleId", "status" = n."status", "deletedAt" = n."deletedAt",
    "verdictKey" = n."verdictKey", "claimant" = n."claimant", "createdAt" = n."createdAt", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "fm_new_claims" n JOIN "Article" a ON a."id" = n."articleId"
  WHERE f."id" = n."id"
    AND (f."workspaceId", f."articleId", f."status", f."deletedAt", f."verdictKey", f."claimant", f."createdAt", f."articleStatus", f."articleDeletedAt")
        IS DISTINCT FROM (a."workspaceId", n."articleId", n."status", n."deletedAt", n."verdictKey", n."claimant", n."createdAt", a."status", a."deletedAt");
  UPDATE "source_fts" f SET "workspaceId" = a."workspaceId", "articleId" = n."articleId", "claimStatus" = n."status", "claimDeletedAt" = n."deletedAt",
    "verdictKey" = n."verdictKey", "claimant" = n."claimant", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "fm_new_claims" n JOIN "Article" a ON a."id" = n."articleId"
  WHERE f."claimId" = n."id"
    AND (f."workspaceId", f."articleId", f."claimStatus", f."claimDeletedAt", f."verdictKey", f."claimant", f."articleStatus", f."articleDeletedAt")
        IS DISTINCT FROM (a."workspaceId", n."articleId", n."status", n."deletedAt", n."verdictKey", n."claimant", a."status", a."deletedAt");
  RETURN NULL;
END $$;

DROP TRIGGER "claim_fts_scope" ON "Claim";
CREATE TRIGGER "claim_fts_scope" AFTER UPDATE ON "Claim"
  REFERENCING NEW TABLE AS "fm_new_claims"
  FOR EACH STATEMENT EXECUTE FUNCTION fm_claim_scope_sync_rows();

-- The publication snapshot (5 MB at 5,000 claims) is compressed with lz4 where the server has it:
-- pglz took ~40 ms of the publish for it.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "Publication" ALTER COLUMN "snapshot" SET COMPRESSION lz4;
  END IF;
END $$;
