-- Publishing 5,000 claims (issue 9, target 4): the per-row scope trigger ran two UPDATEs per claim
-- (claim_fts by id, source_fts by claim) — 10,000 statements, 1.5 s of the publish on PostgreSQL.
-- One statement-level trigger now updates every changed row's copies in two set-based UPDATEs,
-- from the statement's transition tables. A trigger with transition tables cannot name columns, so
-- it fires on every UPDATE of "Claim" and keeps only the rows whose scope columns changed.

CREATE OR REPLACE FUNCTION fm_claim_scope_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "claim_fts" f SET "workspaceId" = a."workspaceId", "articleId" = n."articleId", "status" = n."status", "deletedAt" = n."deletedAt",
    "verdictKey" = n."verdictKey", "claimant" = n."claimant", "createdAt" = n."createdAt", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "fm_new_claims" n JOIN "fm_old_claims" o ON o."id" = n."id" JOIN "Article" a ON a."id" = n."articleId"
  WHERE f."id" = n."id"
    AND (n."articleId", n."status", n."deletedAt", n."verdictKey", n."claimant", n."createdAt")
        IS DISTINCT FROM (o."articleId", o."status", o."deletedAt", o."verdictKey", o."claimant", o."createdAt");
  UPDATE "source_fts" f SET "workspaceId" = a."workspaceId", "articleId" = n."articleId", "claimStatus" = n."status", "claimDeletedAt" = n."deletedAt",
    "verdictKey" = n."verdictKey", "claimant" = n."claimant", "articleStatus" = a."status", "articleDeletedAt" = a."deletedAt"
  FROM "fm_new_claims" n JOIN "fm_old_claims" o ON o."id" = n."id" JOIN "Article" a ON a."id" = n."articleId"
  WHERE f."claimId" = n."id"
    AND (n."articleId", n."status", n."deletedAt", n."verdictKey", n."claimant", n."createdAt")
        IS DISTINCT FROM (o."articleId", o."status", o."deletedAt", o."verdictKey", o."claimant", o."createdAt");
  RETURN NULL;
END $$;

DROP TRIGGER "claim_fts_scope" ON "Claim";
DROP FUNCTION fm_claim_scope_sync();
CREATE TRIGGER "claim_fts_scope" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS "fm_old_claims" NEW TABLE AS "fm_new_claims"
  FOR EACH STATEMENT EXECUTE FUNCTION fm_claim_scope_sync_rows();
