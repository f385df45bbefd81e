-- Review queue: filters by assignee or author in the order of the last change, and the default order, served by indexes (bench/plans/)
DROP INDEX "Claim_assigneeId_idx";
DROP INDEX "Claim_createdById_idx";
CREATE INDEX "Claim_assigneeId_updatedAt_idx" ON "Claim"("assigneeId", "updatedAt");
CREATE INDEX "Claim_createdById_updatedAt_idx" ON "Claim"("createdById", "updatedAt");
CREATE INDEX "Claim_updatedAt_id_idx" ON "Claim"("updatedAt", "id");
